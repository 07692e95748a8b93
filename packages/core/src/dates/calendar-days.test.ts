import { describe, expect, it } from "vitest";
import { addMonths, daysBetween, monthsBetween, quartersBetween, yearsUpTo } from "./calendar-days.ts";

describe("calcul des dates de la fiche santé", () => {
  it("ajoute des mois en gardant le jour, ou le dernier jour d'un mois plus court", () => {
    expect(addMonths("2026-06-30", -24)).toBe("2024-06-30");
    expect(addMonths("2026-03-31", -1)).toBe("2026-02-28");
    expect(addMonths("2024-03-31", -1)).toBe("2024-02-29");
    expect(addMonths("2025-11-15", 3)).toBe("2026-02-15");
  });

  it("compte les mois entiers et les jours", () => {
    expect(monthsBetween("2020-01-01", "2026-06-30")).toBe(77);
    expect(monthsBetween("2026-06-29", "2026-06-30")).toBe(0);
    expect(monthsBetween("2026-01-31", "2026-02-28")).toBe(0);
    expect(monthsBetween("2026-09-01", "2026-06-30")).toBe(-3);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
  });

  it("découpe une période en trimestres civils, bornés par la période", () => {
    expect(quartersBetween("2025-02-15", "2025-07-01")).toEqual([
      { label: "2025-T1", from: "2025-02-15", to: "2025-03-31" },
      { label: "2025-T2", from: "2025-04-01", to: "2025-06-30" },
      { label: "2025-T3", from: "2025-07-01", to: "2025-07-01" },
    ]);
    expect(quartersBetween("2025-02-15", "2025-01-01")).toEqual([]);
  });

  it("donne les dernières années civiles, sans remonter avant le début", () => {
    expect(yearsUpTo("2010-05-01", "2026-06-30", 3).map((y) => y.label)).toEqual(["2024", "2025", "2026"]);
    expect(yearsUpTo("2025-05-01", "2026-06-30", 5)).toEqual([
      { label: "2025", from: "2025-05-01", to: "2025-12-31" },
      { label: "2026", from: "2026-01-01", to: "2026-06-30" },
    ]);
  });
});
