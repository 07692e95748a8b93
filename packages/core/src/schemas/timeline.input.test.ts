import { describe, expect, it } from "vitest";
import { cursorSchema, encodeCursor } from "./timeline.input.ts";

describe("curseur de frise", () => {
  it("fait l'aller-retour", () => {
    const cursor = { occurredOn: "2022-06-22", id: "0b6a3a4e-8f5e-4a57-9d43-2f7b8f0d1c11" };
    expect(cursorSchema.parse(encodeCursor(cursor))).toEqual(cursor);
  });

  it("refuse un curseur altéré", () => {
    const good = encodeCursor({ occurredOn: "2022-06-22", id: "0b6a3a4e-8f5e-4a57-9d43-2f7b8f0d1c11" });
    for (const bad of [`${good}x`, "not-base64!", btoa('["2022-13-40","x"]'), btoa("{}"), ""]) {
      const result = cursorSchema.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("timeline.badCursor");
    }
  });
});
