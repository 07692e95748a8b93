import { describe, expect, it } from "vitest";
import { updateActionInputSchema } from "./action.input.ts";
import { updateCooperationInputSchema, updateMemberInputSchema } from "./cooperation.input.ts";
import { updateApplicationInputSchema, updateProgrammeInputSchema } from "./funding.input.ts";
import { updateProjectInputSchema } from "./project.input.ts";
import { updateTerritoryInputSchema } from "./territory.input.ts";

const id = "0b6a3a4e-8f5e-4a57-9d43-2f7b8f0d1c11";

describe("les modifications sont des correctifs", () => {
  // A default inside a patch schema would silently overwrite a stored value the user never touched
  // (it erased cooperations' source links once).
  it.each([
    ["coopération", updateCooperationInputSchema, { id, version: 1 }],
    ["membre", updateMemberInputSchema, { memberId: id, version: 1 }],
    ["projet", updateProjectInputSchema, { id, version: 1 }],
    ["action", updateActionInputSchema, { id, version: 1 }],
    ["territoire", updateTerritoryInputSchema, { id, version: 1 }],
    ["dispositif", updateProgrammeInputSchema, { id, version: 1 }],
    ["demande", updateApplicationInputSchema, { id, version: 1 }],
  ] as const)("une modification de %s sans champ ne change que ce qu'elle nomme", (_name, schema, input) => {
    const parsed = schema.safeParse(input);
    expect(parsed.success).toBe(true);
    const defined = Object.entries(parsed.data ?? {}).filter(([, value]) => value !== undefined);
    expect(Object.fromEntries(defined)).toEqual(input);
  });
});
