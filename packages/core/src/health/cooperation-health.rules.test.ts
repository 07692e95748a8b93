import { describe, expect, it } from "vitest";
import { cooperationHealth } from "./cooperation-health.rules.ts";
import { HEALTH_INDICATORS } from "./health.types.ts";
import { AS_OF, action, CC_A, healthInput, METRO, member, project } from "./health-fixtures.ts";
import { DEFAULT_HEALTH_THRESHOLDS, withThresholds } from "./health-thresholds.ts";

const byKey = (health: ReturnType<typeof cooperationHealth>) => new Map(health.indicators.map((i) => [i.key, i]));

describe("fiche santé d'une coopération", () => {
  it("une coopération créée hier, sans rien d'autre : chaque indicateur dit ce qui manque au lieu de noter", () => {
    const input = healthInput({
      cooperation: { startedOn: "2026-06-29", createdOn: "2026-06-29", themes: [] },
      members: [member(METRO, { joinedOn: "2026-06-29" })],
    });
    const health = cooperationHealth(input, AS_OF);
    expect(health.indicators.map((i) => i.key)).toEqual(HEALTH_INDICATORS.map((i) => i.key));
    const statuses = Object.fromEntries(health.indicators.map((i) => [i.key, i.status]));
    expect(statuses).toEqual({
      narrative: "watch",
      engineering: "insufficient_data",
      age: "watch",
      cadence: "insufficient_data",
      silence: "insufficient_data",
      breadth: "insufficient_data",
      balance: "insufficient_data",
      dedicatedFunding: "insufficient_data",
      fragmentation: "insufficient_data",
      funderDependence: "insufficient_data",
      successRate: "insufficient_data",
      results: "insufficient_data",
      themes: "insufficient_data",
    });
    expect(health.summary).toEqual({ good: 0, watch: 2, weak: 0, insufficient_data: 11 });
    for (const indicator of health.indicators) {
      if (indicator.status === "insufficient_data") {
        expect(indicator.value).toBeNull();
        expect(indicator.insufficient).not.toBeNull();
      }
    }
    expect(health.metropolis).toEqual({ territoryId: METRO, name: "Métropole Test", basis: "metropolis_kind" });
  });

  it("une coopération qui ne commence que plus tard n'est jugée sur aucune activité", () => {
    const health = cooperationHealth(healthInput({ cooperation: { startedOn: "2027-01-01" } }), AS_OF);
    const indicators = byKey(health);
    for (const key of ["age", "cadence", "silence", "breadth"] as const) {
      expect(indicators.get(key)?.insufficient?.reason).toBe("not_started");
    }
  });

  it("ne lit jamais l'horloge : la même saisie donne le même résultat, et la date de référence le change", () => {
    const input = healthInput({ actions: [action("2025-01-10"), action("2025-04-10")] });
    expect(cooperationHealth(input, AS_OF)).toEqual(cooperationHealth(input, AS_OF));
    const earlier = byKey(cooperationHealth(input, "2025-06-30"));
    const later = byKey(cooperationHealth(input, AS_OF));
    expect(earlier.get("age")?.value).toEqual({ kind: "months", months: 65 });
    expect(later.get("age")?.value).toEqual({ kind: "months", months: 77 });
  });

  it("des seuils remplacés changent le verdict et sont rendus avec la fiche", () => {
    const input = healthInput({ actions: [action("2025-01-10"), action("2025-07-10"), action("2026-01-10")] });
    expect(byKey(cooperationHealth(input, AS_OF)).get("cadence")?.status).toBe("weak");
    const lenient = withThresholds({ cadence: { watchPerQuarter: 0.25, goodPerQuarter: 0.3 } });
    const health = cooperationHealth(input, AS_OF, lenient);
    expect(byKey(health).get("cadence")?.status).toBe("good");
    expect(health.thresholds.cadence).toEqual({
      ...DEFAULT_HEALTH_THRESHOLDS.cadence,
      watchPerQuarter: 0.25,
      goodPerQuarter: 0.3,
    });
    expect(health.thresholds.silence).toEqual(DEFAULT_HEALTH_THRESHOLDS.silence);
  });

  it("une coopération vivante et partagée obtient des verdicts favorables, indicateur par indicateur", () => {
    const input = healthInput({
      cooperation: {
        narrative: { text: "Un bassin de vie", adoptedOn: "2022-05-01", revisedOn: [] },
        engineering: { providerId: METRO, providerName: "Métropole Test", fte: 1, kind: "metropolis_staff" },
        themes: ["water"],
      },
      projects: [project("p1", { leadTerritoryId: CC_A }), project("p2", { status: "completed" })],
      actions: [
        "2024-08-01",
        "2024-11-01",
        "2025-02-01",
        "2025-05-01",
        "2025-08-01",
        "2025-11-01",
        "2026-02-01",
        "2026-05-01",
      ].map((on, i) => action(on, { projectId: i % 2 ? "p1" : "p2" })),
    });
    const indicators = byKey(cooperationHealth(input, AS_OF));
    for (const key of [
      "narrative",
      "engineering",
      "age",
      "cadence",
      "silence",
      "breadth",
      "balance",
      "results",
      "themes",
    ] as const) {
      expect([key, indicators.get(key)?.status]).toEqual([key, "good"]);
    }
  });
});
