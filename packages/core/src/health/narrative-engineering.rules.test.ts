import { describe, expect, it } from "vitest";
import { AS_OF, basisOf, CC_A, contextOf, healthInput, METRO, NO_ENGINEERING, project } from "./health-fixtures.ts";
import { engineeringIndicator, narrativeIndicator } from "./narrative-engineering.rules.ts";

const withNarrative = (text: string, adoptedOn: string | null, revisedOn: string[] = []) =>
  healthInput({ cooperation: { narrative: { text, adoptedOn, revisedOn } } });

describe("indicateur : récit commun", () => {
  it("une coopération de six ans sans récit est fragile", () => {
    const indicator = narrativeIndicator(contextOf(healthInput()));
    expect(indicator.status).toBe("weak");
    expect(indicator.value).toEqual({ kind: "presence", present: false });
    expect(basisOf(indicator)).toMatchObject({ textRecorded: false, adoptedOn: null, narrativeEvents: 0 });
    expect(indicator.period).toEqual({ from: "2020-01-01", to: AS_OF });
  });

  it("une coopération créée hier sans récit est seulement à surveiller", () => {
    const input = healthInput({ cooperation: { startedOn: "2026-06-29", createdOn: "2026-06-29" } });
    expect(narrativeIndicator(contextOf(input)).status).toBe("watch");
  });

  it("sans date de début connue, pas de délai de grâce : l'absence de récit est fragile", () => {
    const input = healthInput({ cooperation: { startedOn: null, createdOn: "2026-06-29" } });
    const members = input.members.map((m) => ({ ...m, joinedOn: null }));
    expect(narrativeIndicator(contextOf({ ...input, members })).status).toBe("weak");
  });

  it("un récit rédigé mais pas encore adopté est à surveiller", () => {
    const indicator = narrativeIndicator(contextOf(withNarrative("Un bassin de vie partagé", null)));
    expect(indicator.status).toBe("watch");
    expect(indicator.value).toEqual({ kind: "presence", present: true });
  });

  it("un récit adopté puis révisé est bon, avec ses dates et sa tendance par année", () => {
    const indicator = narrativeIndicator(contextOf(withNarrative("Récit", "2023-03-01", ["2024-05-10", "2023-03-01"])));
    expect(indicator.status).toBe("good");
    expect(basisOf(indicator)).toMatchObject({
      adoptedOn: "2023-03-01",
      lastRevisedOn: "2024-05-10",
      narrativeEvents: 2,
    });
    expect(indicator.trend?.points.map((p) => [p.period, p.values.narrativeEvents])).toEqual([
      ["2022", 0],
      ["2023", 1],
      ["2024", 1],
      ["2025", 0],
      ["2026", 0],
    ]);
  });

  it("un récit adopté il y a plus d'un mandat sans révision est à surveiller", () => {
    expect(narrativeIndicator(contextOf(withNarrative("Récit", "2019-05-01"))).status).toBe("watch");
    expect(narrativeIndicator(contextOf(withNarrative("Récit", "2021-05-01"))).status).toBe("good");
  });

  it("une adoption datée dans le futur ne compte pas encore", () => {
    const indicator = narrativeIndicator(contextOf(withNarrative("Récit", "2026-09-01")));
    expect(indicator.status).toBe("watch");
    expect(basisOf(indicator)).toMatchObject({ adoptedOn: null, lastRevisedOn: null });
  });

  it("un récit adopté dont le texte n'est pas saisi compte comme présent", () => {
    const indicator = narrativeIndicator(contextOf(withNarrative("  ", "2024-01-10")));
    expect(indicator.value).toEqual({ kind: "presence", present: true });
    expect(basisOf(indicator).textRecorded).toBe(false);
  });
});

describe("indicateur : ingénierie dédiée", () => {
  const withEngineering = (engineering: Partial<typeof NO_ENGINEERING>, projects = healthInput().projects) =>
    healthInput({ cooperation: { engineering: { ...NO_ENGINEERING, ...engineering } }, projects });

  it("sans aucune ingénierie renseignée, ne juge pas", () => {
    const indicator = engineeringIndicator(contextOf(healthInput()));
    expect(indicator.status).toBe("insufficient_data");
    expect(indicator.value).toBeNull();
    expect(indicator.insufficient).toEqual({ reason: "not_recorded", need: null, have: null });
    expect(indicator.trend).toBeNull();
  });

  it("un demi-poste d'agents de la métropole suffit à un bon niveau", () => {
    const input = withEngineering({
      fte: 0.5,
      kind: "metropolis_staff",
      providerId: METRO,
      providerName: "Métropole Test",
    });
    const indicator = engineeringIndicator(contextOf(input));
    expect(indicator.status).toBe("good");
    expect(indicator.value).toEqual({ kind: "fte", fte: 0.5 });
    expect(basisOf(indicator)).toMatchObject({
      metropolisLends: true,
      providers: "Métropole Test",
      cooperationFte: 0.5,
    });
    expect(indicator.breakdown).toEqual([
      { label: expect.objectContaining({ fr: "Agents de la métropole mis à disposition" }), count: 1 },
    ]);
  });

  it("un demi-poste de prestataire est à surveiller, un cinquième de poste est fragile", () => {
    expect(engineeringIndicator(contextOf(withEngineering({ fte: 0.5, kind: "consultancy" }))).status).toBe("watch");
    expect(
      engineeringIndicator(contextOf(withEngineering({ fte: 0.2, kind: "dedicated_team", providerId: CC_A }))).status,
    ).toBe("weak");
  });

  it("un service commun fourni par la métropole compte comme ses agents", () => {
    const input = withEngineering({
      fte: 0.2,
      kind: "shared_service",
      providerId: METRO,
      providerName: "Métropole Test",
    });
    const indicator = engineeringIndicator(contextOf(input));
    expect(basisOf(indicator).metropolisLends).toBe(true);
    expect(indicator.status).toBe("watch");
  });

  it("additionne l'ingénierie des projets programmés ou en cours, pas celle des projets achevés", () => {
    const staffed = { ...NO_ENGINEERING, fte: 0.5, kind: "dedicated_team" as const };
    const input = withEngineering({ fte: 0.6, kind: "dedicated_team" }, [
      project("p1", { status: "in_progress", engineering: staffed }),
      project("p2", { status: "completed", engineering: { ...staffed, fte: 3 } }),
    ]);
    const indicator = engineeringIndicator(contextOf(input));
    expect(indicator.value).toEqual({ kind: "fte", fte: 1.1 });
    expect(indicator.status).toBe("good");
    expect(basisOf(indicator)).toMatchObject({ projectsFte: 0.5, staffedProjects: 1 });
    expect(indicator.period).toEqual({ from: AS_OF, to: AS_OF });
  });

  it("zéro ETP déclaré explicitement est une donnée : fragile", () => {
    const indicator = engineeringIndicator(contextOf(withEngineering({ fte: 0 })));
    expect(indicator.status).toBe("weak");
  });
});
