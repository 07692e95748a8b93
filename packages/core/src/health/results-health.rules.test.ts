import { describe, expect, it } from "vitest";
import { action, basisOf, contextOf, healthInput, project } from "./health-fixtures.ts";
import { resultsIndicator, statusOn, themesIndicator } from "./results-health.rules.ts";

describe("indicateur : résultats des projets", () => {
  it("sans projet, pas de verdict", () => {
    const indicator = resultsIndicator(contextOf(healthInput()));
    expect(indicator.insufficient).toEqual({ reason: "too_few_projects", need: 2, have: 0 });
    expect(indicator.breakdown.map((b) => [b.label.fr, b.count])).toEqual([
      ["En cours", 0],
      ["Achevé", 0],
      ["Abandonné", 0],
    ]);
  });

  it("un achevé, un en cours, un abandonné, une idée : bon", () => {
    const input = healthInput({
      projects: [
        project("p1", { status: "completed" }),
        project("p2", { status: "in_progress" }),
        project("p3", { status: "abandoned" }),
        project("p4", { status: "idea" }),
      ],
    });
    const indicator = resultsIndicator(contextOf(input));
    expect(indicator.value).toMatchObject({ kind: "share", numerator: 2, denominator: 4 });
    expect(indicator.status).toBe("good");
    expect(basisOf(indicator)).toMatchObject({ completed: 1, inProgress: 1, abandoned: 1, notStarted: 1, projects: 4 });
  });

  it("deux abandons sur trois : fragile ; que des idées : fragile aussi", () => {
    const abandoned = healthInput({
      projects: [
        project("p1", { status: "abandoned" }),
        project("p2", { status: "abandoned" }),
        project("p3", { status: "completed" }),
      ],
    });
    expect(resultsIndicator(contextOf(abandoned)).status).toBe("weak");
    const ideas = healthInput({ projects: [project("p1", { status: "idea" }), project("p2", { status: "planned" })] });
    expect(resultsIndicator(contextOf(ideas)).status).toBe("weak");
  });

  it("un projet sur trois en cours, sans abandon : à surveiller", () => {
    const input = healthInput({
      projects: [project("p1"), project("p2", { status: "planned" }), project("p3", { status: "idea" })],
    });
    expect(resultsIndicator(contextOf(input)).status).toBe("watch");
  });

  it("lit le statut à la date de référence, et ignore les projets pas encore créés", () => {
    const history = [
      { to: "idea" as const, on: "2024-01-10" },
      { to: "in_progress" as const, on: "2025-02-01" },
      { to: "completed" as const, on: "2026-05-20" },
    ];
    const p1 = project("p1", { status: "completed", statusChanges: history });
    expect(statusOn(p1, "2026-01-01")).toBe("in_progress");
    expect(statusOn(p1, "2023-12-31")).toBeNull();
    const p2 = project("p2", { status: "abandoned", statusChanges: [{ to: "idea", on: "2026-09-01" }] });
    const indicator = resultsIndicator(contextOf(healthInput({ projects: [p1, p2, project("p3")] }), "2026-01-01"));
    expect(basisOf(indicator)).toMatchObject({ projects: 2, inProgress: 2, abandoned: 0 });
    expect(indicator.trend?.points.map((p) => [p.period, p.values])).toEqual([
      ["2022", { started: 0, completed: 0, abandoned: 0 }],
      ["2023", { started: 0, completed: 0, abandoned: 0 }],
      ["2024", { started: 0, completed: 0, abandoned: 0 }],
      ["2025", { started: 1, completed: 0, abandoned: 0 }],
      ["2026", { started: 0, completed: 0, abandoned: 0 }],
    ]);
  });
});

describe("indicateur : actions par thématique", () => {
  const themed = [project("eau", { themes: ["water"] }), project("repas", { themes: ["food", "health"] })];

  it("sans thématique déclarée, pas de verdict", () => {
    const input = healthInput({ cooperation: { themes: [] } });
    expect(themesIndicator(contextOf(input)).insufficient?.reason).toBe("no_declared_themes");
  });

  it("deux thématiques déclarées sur trois servies : bon ; les actions hors projet sont comptées à part", () => {
    const input = healthInput({
      projects: themed,
      actions: [
        action("2025-01-10", { projectId: "eau" }),
        action("2025-06-10", { projectId: "eau" }),
        action("2026-02-10", { projectId: "repas" }),
        action("2026-03-10"),
        action("2023-03-10", { projectId: "eau" }),
      ],
    });
    const indicator = themesIndicator(contextOf(input));
    expect(indicator.value).toMatchObject({ kind: "share", numerator: 2, denominator: 3 });
    expect(indicator.status).toBe("good");
    expect(indicator.breakdown.map((b) => [b.label.fr, b.count])).toEqual([
      ["Eau", 2],
      ["Alimentation", 1],
      ["Mobilité", 0],
      ["Santé", 1],
      ["Coopération dans son ensemble", 1],
    ]);
    expect(basisOf(indicator)).toMatchObject({
      declaredThemes: 3,
      coveredThemes: 2,
      actions: 4,
      wholeCooperationActions: 1,
    });
  });

  it("une seule thématique sur trois : à surveiller ; aucune : fragile", () => {
    const water = ["2025-01-10", "2025-06-10", "2026-02-10"].map((on) => action(on, { projectId: "eau" }));
    expect(themesIndicator(contextOf(healthInput({ projects: themed, actions: water }))).status).toBe("watch");
    const none = ["2025-01-10", "2025-06-10", "2026-02-10"].map((on) => action(on));
    expect(themesIndicator(contextOf(healthInput({ projects: themed, actions: none }))).status).toBe("weak");
  });

  it("trop peu d'actions : pas de verdict", () => {
    const input = healthInput({ projects: themed, actions: [action("2026-01-10", { projectId: "eau" })] });
    expect(themesIndicator(contextOf(input)).insufficient).toEqual({ reason: "too_few_actions", need: 3, have: 1 });
  });
});
