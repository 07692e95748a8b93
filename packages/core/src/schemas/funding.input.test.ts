import { describe, expect, it } from "vitest";
import {
  addPaymentInputSchema,
  createProgrammeInputSchema,
  transitionApplicationInputSchema,
  updateApplicationInputSchema,
} from "./funding.input.ts";

const ID = "0b6a3a4e-8f5e-4a57-9d43-2f7b8f0d1c11";

/** Each failing field with its message key, as the API reports them. */
function issues(result: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) {
  return (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]);
}

describe("saisies des financements", () => {
  it("accorder exige le montant accordé, et seul l'accord le porte", () => {
    const base = { id: ID, version: 1, on: "2025-06-01" };
    expect(issues(transitionApplicationInputSchema.safeParse({ ...base, to: "granted" }))).toEqual([
      ["grantedCents", "funding.grantedRequired"],
    ]);
    expect(issues(transitionApplicationInputSchema.safeParse({ ...base, to: "rejected", grantedCents: 10 }))).toEqual([
      ["grantedCents", "funding.grantedOnlyWhenGranting"],
    ]);
    expect(transitionApplicationInputSchema.safeParse({ ...base, to: "granted", grantedCents: 10 }).success).toBe(true);
  });

  it("solder à la main demande un commentaire", () => {
    const result = transitionApplicationInputSchema.safeParse({ id: ID, version: 1, on: "2025-06-01", to: "closed" });
    expect(issues(result)).toEqual([["comment", "funding.closeNeedsComment"]]);
  });

  it("une décision avant le dépôt et un accord au-dessus de la demande sont refusés en nommant le champ", () => {
    const result = updateApplicationInputSchema.safeParse({
      id: ID,
      version: 1,
      submittedOn: "2025-03-01",
      decisionOn: "2025-02-01",
      requestedCents: 100,
      grantedCents: 101,
    });
    expect(issues(result)).toEqual([
      ["decisionOn", "funding.decisionBeforeSubmission"],
      ["grantedCents", "funding.grantedAboveRequested"],
    ]);
  });

  it("un montant négatif ou non entier est refusé", () => {
    const result = updateApplicationInputSchema.safeParse({
      id: ID,
      version: 1,
      requestedCents: -1,
      eligibleBaseCents: 1.5,
    });
    expect(
      issues(result)
        .map(([field]) => field)
        .sort(),
    ).toEqual(["eligibleBaseCents", "requestedCents"]);
    const payment = addPaymentInputSchema.safeParse({ applicationId: ID, paidOn: "2025-07-01", amountCents: 0 });
    expect(issues(payment)).toEqual([["amountCents", "funding.paymentPositive"]]);
  });

  it("un dispositif a un financeur (existant ou nouveau, pas les deux) et un périmètre cohérent", () => {
    const base = { name: "Fonds vert", perimeter: { national: true } };
    expect(createProgrammeInputSchema.safeParse({ ...base, funderId: ID }).success).toBe(true);
    expect(issues(createProgrammeInputSchema.safeParse(base))).toEqual([["funderId", "funding.oneFunder"]]);
    expect(
      issues(
        createProgrammeInputSchema.safeParse({ ...base, funderId: ID, perimeter: { national: true, regions: ["75"] } }),
      ),
    ).toEqual([["perimeter.national", "funding.perimeter"]]);
    expect(
      issues(createProgrammeInputSchema.safeParse({ ...base, funderId: ID, perimeter: { national: false } })),
    ).toEqual([["perimeter.national", "funding.perimeter"]]);
    const regional = createProgrammeInputSchema.parse({
      ...base,
      newFunder: { name: "Région Grand Est", kind: "region" },
      perimeter: { national: false, regions: ["44", "44"], departements: ["2A"] },
    });
    expect(regional.perimeter).toEqual({ national: false, regions: ["44"], departements: ["2A"] });
  });
});
