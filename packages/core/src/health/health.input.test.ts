import { describe, expect, it } from "vitest";
import { healthExportQuerySchema } from "./health.input.ts";

const id = "7d7f2a52-3c3e-4a55-9a4b-2f4a3c1e0b11";

describe("paramètres de l'export CSV de la santé", () => {
  it("prend une coopération ou un territoire, avec une date de référence facultative", () => {
    expect(healthExportQuerySchema.parse({ cooperationId: id })).toEqual({
      scope: { kind: "cooperation", id },
      asOf: undefined,
    });
    expect(healthExportQuerySchema.parse({ territoryId: id, asOf: "2026-06-30" })).toEqual({
      scope: { kind: "territory", id },
      asOf: "2026-06-30",
    });
  });

  it("refuse l'absence de périmètre comme les deux à la fois, et une date impossible", () => {
    expect(healthExportQuerySchema.safeParse({}).error?.issues.map((i) => i.path)).toEqual([["territoryId"]]);
    expect(
      healthExportQuerySchema.safeParse({ territoryId: id, cooperationId: id }).error?.issues.map((i) => i.message),
    ).toEqual(["export.oneScope", "export.oneScope"]);
    expect(healthExportQuerySchema.safeParse({ territoryId: id, asOf: "2026-02-30" }).success).toBe(false);
  });
});
