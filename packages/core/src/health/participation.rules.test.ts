import { describe, expect, it } from "vitest";
import { action, basisOf, CC_A, CC_B, contextOf, healthInput, METRO, member, project } from "./health-fixtures.ts";
import { balanceIndicator, breadthIndicator } from "./participation.rules.ts";

describe("indicateur : membres mobilisés", () => {
  it("une coopération d'un seul membre n'est pas jugée", () => {
    const indicator = breadthIndicator(
      contextOf(healthInput({ members: [member(METRO)], actions: [action("2026-01-10")] })),
    );
    expect(indicator.insufficient).toEqual({ reason: "single_member", need: 2, have: 1 });
    expect(indicator.value).toBeNull();
  });

  it("deux membres sur trois ont agi dans l'année : à surveiller, et le membre absent est nommé", () => {
    const both = { territoryIds: [METRO, CC_A] };
    const input = healthInput({
      actions: [
        action("2025-09-01", both),
        action("2026-01-10", both),
        action("2026-05-05", { territoryIds: [METRO] }),
      ],
    });
    const indicator = breadthIndicator(contextOf(input));
    expect(indicator.value).toMatchObject({ kind: "share", numerator: 2, denominator: 3 });
    expect(indicator.status).toBe("watch");
    expect(basisOf(indicator)).toMatchObject({ membersNotInvolved: "CC des Coteaux", actions: 3 });
    expect(indicator.breakdown.map((b) => [b.label.fr, b.count])).toEqual([
      ["Métropole Test", 3],
      ["CC du Val", 2],
      ["CC des Coteaux", 0],
    ]);
    expect(indicator.period).toEqual({ from: "2025-06-30", to: "2026-06-30" });
  });

  it("tous les membres ont agi : bon", () => {
    const input = healthInput({ actions: ["2025-09-01", "2026-01-10", "2026-05-05"].map((on) => action(on)) });
    expect(breadthIndicator(contextOf(input)).status).toBe("good");
  });

  it("deux actions seulement dans l'année : pas de verdict", () => {
    const input = healthInput({ actions: [action("2025-09-01"), action("2026-01-10"), action("2024-01-10")] });
    expect(breadthIndicator(contextOf(input)).insufficient).toEqual({ reason: "too_few_actions", need: 3, have: 2 });
  });

  it("les anciens membres et ceux qui n'ont pas encore rejoint ne comptent pas", () => {
    const input = healthInput({
      members: [
        member(METRO),
        member(CC_A),
        member(CC_B, { leftOn: "2025-01-01" }),
        member("t-cc-c", { joinedOn: "2026-09-01" }),
      ],
      actions: ["2025-09-01", "2026-01-10", "2026-05-05"].map((on) => action(on, { territoryIds: [METRO, CC_A] })),
    });
    const indicator = breadthIndicator(contextOf(input));
    expect(indicator.value).toMatchObject({ numerator: 2, denominator: 2, ratio: 1 });
  });

  it("la tendance donne la part des membres mobilisés par année, vide quand personne n'était membre", () => {
    const input = healthInput({
      cooperation: { startedOn: "2024-01-01" },
      members: [member(METRO, { joinedOn: "2024-01-01" }), member(CC_A, { joinedOn: "2025-01-01" })],
      actions: [action("2024-05-01", { territoryIds: [METRO] }), action("2025-05-01", { territoryIds: [METRO, CC_A] })],
    });
    const points = breadthIndicator(contextOf(input)).trend?.points ?? [];
    expect(points.map((p) => [p.period, p.values.involvedShare])).toEqual([
      ["2024", 1],
      ["2025", 1],
      ["2026", 0],
    ]);
  });
});

describe("indicateur : équilibre métropole – voisins", () => {
  const led = (id: string, lead: string | null, coOwners: string[] = []) =>
    project(id, { leadTerritoryId: lead, coOwnerTerritoryIds: coOwners });

  it("sans métropole ni chef de file, pas de mesure", () => {
    const input = healthInput({ members: [member(CC_A), member(CC_B)], projects: [led("p1", CC_A)] });
    expect(balanceIndicator(contextOf(input)).insufficient?.reason).toBe("no_metropolis");
  });

  it("sans métropole parmi les membres, le chef de file en tient lieu", () => {
    const ctx = contextOf(healthInput({ members: [member(CC_A, { role: "lead" }), member(CC_B)] }));
    expect(ctx.metropolis).toEqual({ territoryId: CC_A, name: "CC du Val", basis: "lead" });
  });

  it("la métropole est reconnue à sa nature juridique même si elle n'est pas chef de file", () => {
    const ctx = contextOf(
      healthInput({ members: [member(METRO, { role: "member" }), member(CC_A, { role: "lead" })] }),
    );
    expect(ctx.metropolis?.basis).toBe("metropolis_kind");
    expect(ctx.metropolis?.territoryId).toBe(METRO);
  });

  it("un projet chacun et un co-porté : équilibré", () => {
    const input = healthInput({ projects: [led("p1", METRO), led("p2", CC_A), led("p3", METRO, [CC_B])] });
    const indicator = balanceIndicator(contextOf(input));
    expect(indicator.value).toMatchObject({ kind: "share", ratio: 0.5, numerator: 1.5, denominator: 3 });
    expect(indicator.status).toBe("good");
    expect(basisOf(indicator)).toMatchObject({ metropolisLed: 1, neighbourLed: 1, coLed: 1, unattributed: 0 });
  });

  it("une métropole qui porte tout est fragile ; les actions suivent leur projet", () => {
    const input = healthInput({
      projects: [led("p1", METRO), led("p2", METRO)],
      actions: [
        action("2025-01-01", { projectId: "p1" }),
        action("2025-02-01", { projectId: "p2" }),
        action("2025-03-01"),
      ],
    });
    const indicator = balanceIndicator(contextOf(input));
    expect(indicator.value).toMatchObject({ ratio: 1, denominator: 4 });
    expect(indicator.status).toBe("weak");
    expect(basisOf(indicator).unattributed).toBe(1);
  });

  it("quatre sur cinq portés par la métropole : à surveiller", () => {
    const input = healthInput({
      projects: [led("p1", METRO), led("p2", METRO), led("p3", METRO), led("p4", METRO), led("p5", CC_A)],
    });
    expect(balanceIndicator(contextOf(input)).status).toBe("watch");
  });

  it("un voisin chef de file avec la métropole co-maître d'ouvrage est co-porté", () => {
    const input = healthInput({ projects: [led("p1", CC_A, [METRO]), led("p2", CC_A), led("p3", null)] });
    const indicator = balanceIndicator(contextOf(input));
    expect(basisOf(indicator)).toMatchObject({ coLed: 1, neighbourLed: 1, unattributed: 1 });
    expect(indicator.insufficient).toEqual({ reason: "too_few_items", need: 3, have: 2 });
  });
});
