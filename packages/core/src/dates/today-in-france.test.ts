import { describe, expect, it } from "vitest";
import { todayInFrance } from "./today-in-france.ts";

describe("todayInFrance", () => {
  it("donne le jour calendaire à Paris, pas en UTC", () => {
    expect(todayInFrance(new Date("2026-11-25T23:30:00Z"))).toBe("2026-11-26");
    expect(todayInFrance(new Date("2026-07-01T21:59:00Z"))).toBe("2026-07-01");
    expect(todayInFrance(new Date("2026-07-01T22:00:00Z"))).toBe("2026-07-02");
  });
});
