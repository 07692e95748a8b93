import { describe, expect, it } from "vitest";
import {
  dedicatedFundingIndicator,
  fragmentationIndicator,
  funderDependenceIndicator,
  isDedicatedProgramme,
  successRateIndicator,
} from "./funding-health.rules.ts";
import {
  AGENCY,
  application,
  basisOf,
  contextOf,
  DEDICATED,
  FONDS_VERT,
  healthInput,
  project,
} from "./health-fixtures.ts";
import { DEFAULT_HEALTH_THRESHOLDS } from "./health-thresholds.ts";

const rule = DEFAULT_HEALTH_THRESHOLDS.funding;
const projects = ["p1", "p2", "p3", "p4"].map((id) => project(id));
const typed = (name: string, acronym = "") => ({ id: "x", name, acronym, externalRef: null });

describe("dispositifs dédiés à la coopération", () => {
  it("reconnaît les contrats du catalogue par leur identifiant", () => {
    expect(isDedicatedProgramme(DEDICATED, rule)).toBe(true);
    expect(isDedicatedProgramme({ ...DEDICATED, externalRef: "EU-LEADER" }, rule)).toBe(true);
    expect(isDedicatedProgramme({ ...DEDICATED, externalRef: "FR-DSIL" }, rule)).toBe(false);
  });

  it("reconnaît un dispositif saisi à la main par les mots de son nom, mot entier", () => {
    expect(isDedicatedProgramme(typed("Contrat de réciprocité Métropole – Vallée"), rule)).toBe(true);
    expect(isDedicatedProgramme(typed("Programme LEADER Cœur d'Hérault"), rule)).toBe(true);
    expect(isDedicatedProgramme(typed("Appel à projets mobilité", "AAP"), rule)).toBe(false);
    expect(isDedicatedProgramme(typed("Leaderboard des mobilités"), rule)).toBe(false);
  });
});

describe("indicateur : financements dédiés", () => {
  it("sans aucune demande, pas de verdict", () => {
    const indicator = dedicatedFundingIndicator(contextOf(healthInput({ projects })));
    expect(indicator.insufficient).toEqual({ reason: "too_few_funded_projects", need: 2, have: 0 });
    expect(basisOf(indicator).projectsWithoutApplication).toBe(4);
  });

  it("un projet sur deux passe par un contrat dédié : bon", () => {
    const input = healthInput({
      projects,
      applications: [
        application("p1", { programme: DEDICATED, filedOn: "2024-03-01" }),
        application("p1", { filedOn: "2025-03-01" }),
        application("p2", { programme: FONDS_VERT, filedOn: "2025-04-01" }),
        application("p3", { programme: DEDICATED, status: "withdrawn" }),
        application("p4", { programme: DEDICATED, filedOn: "2026-08-01" }),
      ],
    });
    const indicator = dedicatedFundingIndicator(contextOf(input));
    expect(indicator.value).toMatchObject({ kind: "share", numerator: 1, denominator: 2 });
    expect(indicator.status).toBe("good");
    expect(basisOf(indicator)).toMatchObject({
      dedicatedAndCalls: 1,
      dedicatedOnly: 0,
      callsOnly: 1,
      projectsWithoutApplication: 2,
    });
    expect(indicator.period).toEqual({ from: "2024-03-01", to: "2026-06-30" });
    expect(indicator.trend?.points.map((p) => [p.period, p.values.dedicatedShare])).toEqual([
      ["2024", 1],
      ["2025", 0],
      ["2026", null],
    ]);
  });

  it("un projet sur quatre : à surveiller ; aucun : fragile", () => {
    const calls = ["p1", "p2", "p3"].map((id) => application(id));
    const quarter = healthInput({ projects, applications: [...calls, application("p4", { programme: DEDICATED })] });
    expect(dedicatedFundingIndicator(contextOf(quarter)).status).toBe("watch");
    expect(dedicatedFundingIndicator(contextOf(healthInput({ projects, applications: calls }))).status).toBe("weak");
  });
});

describe("indicateur : morcellement des financements", () => {
  it("sans demande, pas de verdict", () => {
    expect(fragmentationIndicator(contextOf(healthInput())).insufficient?.reason).toBe("too_few_funded_projects");
  });

  it("trois dispositifs pour un projet, un pour l'autre : deux en moyenne, bon", () => {
    const input = healthInput({
      projects,
      applications: [
        application("p1"),
        application("p1", { filedOn: "2025-06-01" }),
        application("p1", { programme: FONDS_VERT }),
        application("p1", { programme: DEDICATED }),
        application("p2", { programme: FONDS_VERT }),
      ],
    });
    const indicator = fragmentationIndicator(contextOf(input));
    expect(indicator.value).toEqual({ kind: "mean", value: 2 });
    expect(indicator.status).toBe("good");
    expect(basisOf(indicator)).toMatchObject({
      fundedProjects: 2,
      applications: 5,
      distinctProgrammes: 3,
      maxProgrammesPerProject: 3,
    });
    expect(indicator.breakdown.map((b) => [b.label.fr, b.count])).toEqual([
      ["DSIL", 2],
      ["Fonds vert", 2],
      ["Contrat territorial Occitanie", 1],
    ]);
  });

  it("trois dispositifs et demi en moyenne : fragile", () => {
    const four = [DEDICATED, FONDS_VERT, { ...FONDS_VERT, id: "prog-pat" }, { ...FONDS_VERT, id: "prog-feder" }];
    const input = healthInput({
      projects,
      applications: [
        ...four.map((programme) => application("p1", { programme })),
        ...four.slice(1).map((programme) => application("p2", { programme })),
      ],
    });
    expect(fragmentationIndicator(contextOf(input)).value).toEqual({ kind: "mean", value: 3.5 });
    expect(fragmentationIndicator(contextOf(input)).status).toBe("weak");
  });
});

describe("indicateur : dépendance à un financeur", () => {
  const granted = (cents: number, funder = { id: "f-etat", name: "État" }, decidedOn = "2025-05-01") =>
    application("p1", { status: "granted", grantedCents: cents, funder, decidedOn });

  it("sans demande accordée, pas de verdict", () => {
    const indicator = funderDependenceIndicator(contextOf(healthInput({ applications: [application("p1")] })));
    expect(indicator.insufficient).toEqual({ reason: "too_few_awarded", need: 2, have: 0 });
  });

  it("tout vient de l'État : fragile, et le premier financeur est nommé", () => {
    const input = healthInput({ applications: [granted(40_000_000), granted(25_000_000)] });
    const indicator = funderDependenceIndicator(contextOf(input));
    expect(indicator.status).toBe("weak");
    expect(indicator.value).toMatchObject({ kind: "share", ratio: 1, unit: "cents" });
    expect(basisOf(indicator)).toMatchObject({ topFunder: "État", grantedCents: 65_000_000, funders: 1 });
  });

  it("60 / 40 : à surveiller ; moitié-moitié : bon", () => {
    const sixty = healthInput({ applications: [granted(600), granted(400, AGENCY)] });
    expect(funderDependenceIndicator(contextOf(sixty)).status).toBe("watch");
    const half = healthInput({
      applications: [granted(500), application("p2", { status: "closed", grantedCents: 500, funder: AGENCY })],
    });
    expect(funderDependenceIndicator(contextOf(half)).status).toBe("good");
  });

  it("une aide accordée après la date de référence ne compte pas encore", () => {
    const input = healthInput({ applications: [granted(500), granted(500, AGENCY, "2026-09-01")] });
    expect(funderDependenceIndicator(contextOf(input)).insufficient?.have).toBe(1);
  });
});

describe("indicateur : taux de succès", () => {
  it("sans demande, pas de verdict", () => {
    expect(successRateIndicator(contextOf(healthInput())).insufficient).toEqual({
      reason: "too_few_decided",
      need: 3,
      have: 0,
    });
  });

  it("trois accordées sur quatre décidées ; retirées et en attente à part", () => {
    const input = healthInput({
      applications: [
        application("p1", { status: "granted", grantedCents: 1, decidedOn: "2024-06-01" }),
        application("p1", { status: "closed", grantedCents: 1, decidedOn: "2025-02-01" }),
        application("p2", { status: "granted", grantedCents: 1, decidedOn: "2025-07-01" }),
        application("p2", { status: "rejected", decidedOn: "2025-09-01" }),
        application("p3", { status: "withdrawn" }),
        application("p3", { status: "under_review" }),
        application("p3", { status: "draft", filedOn: "2026-07-10" }),
      ],
    });
    const indicator = successRateIndicator(contextOf(input));
    expect(indicator.value).toMatchObject({ kind: "share", numerator: 3, denominator: 4 });
    expect(indicator.status).toBe("good");
    expect(basisOf(indicator)).toMatchObject({ rejectedApplications: 1, pendingApplications: 1 });
    expect(indicator.trend?.points.map((p) => [p.period, p.values.successRate])).toEqual([
      ["2024", 1],
      ["2025", 0.67],
      ["2026", null],
    ]);
  });

  it("une sur trois : fragile", () => {
    const input = healthInput({
      applications: [
        application("p1", { status: "granted", grantedCents: 1, decidedOn: "2025-01-01" }),
        application("p1", { status: "rejected", decidedOn: "2025-02-01" }),
        application("p2", { status: "rejected", decidedOn: "2025-03-01" }),
      ],
    });
    expect(successRateIndicator(contextOf(input)).status).toBe("weak");
  });
});
