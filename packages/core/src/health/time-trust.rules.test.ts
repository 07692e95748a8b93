import { describe, expect, it } from "vitest";
import { AS_OF, action, basisOf, CC_A, CC_B, contextOf, healthInput, METRO, member } from "./health-fixtures.ts";
import { ageIndicator, cadenceIndicator, silenceIndicator } from "./time-trust.rules.ts";

const youngInput = healthInput({ cooperation: { startedOn: "2026-06-29", createdOn: "2026-06-29" } });

describe("indicateur : ancienneté", () => {
  it("six ans et demi d'existence : la confiance a eu le temps de se construire", () => {
    const indicator = ageIndicator(contextOf(healthInput()));
    expect(indicator.status).toBe("good");
    expect(indicator.value).toEqual({ kind: "months", months: 77 });
    expect(indicator.period).toEqual({ from: "2020-01-01", to: AS_OF });
    expect(basisOf(indicator)).toMatchObject({ startRecorded: true, currentMembers: 3, formerMembers: 0 });
  });

  it("une coopération créée hier est à surveiller, jamais fragile", () => {
    const indicator = ageIndicator(contextOf(youngInput));
    expect(indicator.status).toBe("watch");
    expect(indicator.value).toEqual({ kind: "months", months: 0 });
  });

  it("une coopération qui commence plus tard n'est pas jugée", () => {
    const input = healthInput({ cooperation: { startedOn: "2026-09-01" } });
    const indicator = ageIndicator(contextOf(input));
    expect(indicator.status).toBe("insufficient_data");
    expect(indicator.insufficient?.reason).toBe("not_started");
  });

  it("sans date de début, part du premier fait daté et le dit", () => {
    const input = healthInput({
      cooperation: { startedOn: null, createdOn: "2025-11-02" },
      members: [member(METRO, { joinedOn: "2023-03-15" }), member(CC_A, { joinedOn: null })],
    });
    const indicator = ageIndicator(contextOf(input));
    expect(basisOf(indicator)).toMatchObject({ startedOn: "2023-03-15", startRecorded: false });
    expect(indicator.value).toEqual({ kind: "months", months: 39 });
    expect(indicator.status).toBe("good");
  });

  it("sans date de début ni fait daté, l'ancienneté est inconnue : ni âge ni rythme ne sont jugés", () => {
    const input = healthInput({
      cooperation: { startedOn: null, createdOn: "2026-06-01" },
      members: [member(METRO, { joinedOn: null }), member(CC_A, { joinedOn: null })],
    });
    const ctx = contextOf(input);
    expect(ageIndicator(ctx).insufficient?.reason).toBe("start_unknown");
    expect(cadenceIndicator(ctx).insufficient?.reason).toBe("start_unknown");
    expect(silenceIndicator(ctx).insufficient?.reason).toBe("start_unknown");
  });

  it("la tendance compte les membres en fin d'année, départs compris", () => {
    const input = healthInput({
      members: [
        member(METRO),
        member(CC_A, { joinedOn: "2024-02-01" }),
        member(CC_B, { joinedOn: "2021-01-01", leftOn: "2025-06-30" }),
      ],
    });
    const points = ageIndicator(contextOf(input)).trend?.points ?? [];
    expect(points.map((p) => [p.period, p.values.members])).toEqual([
      ["2022", 2],
      ["2023", 2],
      ["2024", 3],
      ["2025", 2],
      ["2026", 2],
    ]);
  });
});

describe("indicateur : rythme des réunions", () => {
  const quarterly = [
    "2024-08-01",
    "2024-11-05",
    "2025-02-03",
    "2025-05-12",
    "2025-08-25",
    "2025-11-17",
    "2026-02-09",
    "2026-05-18",
  ];

  it("aucune réunion en deux ans : fragile, avec neuf trimestres à zéro", () => {
    const indicator = cadenceIndicator(contextOf(healthInput()));
    expect(indicator.status).toBe("weak");
    expect(indicator.value).toEqual({ kind: "perQuarter", value: 0 });
    expect(indicator.period).toEqual({ from: "2024-06-30", to: AS_OF });
    expect(indicator.trend?.points.map((p) => p.period)).toEqual([
      "2024-T2",
      "2024-T3",
      "2024-T4",
      "2025-T1",
      "2025-T2",
      "2025-T3",
      "2025-T4",
      "2026-T1",
      "2026-T2",
    ]);
    expect(indicator.trend?.points[0]).toMatchObject({ from: "2024-06-30", to: "2024-06-30" });
  });

  it("une réunion par trimestre est un bon rythme", () => {
    const input = healthInput({ actions: quarterly.map((on) => action(on)) });
    const indicator = cadenceIndicator(contextOf(input));
    expect(indicator.value).toEqual({ kind: "perQuarter", value: 1 });
    expect(indicator.status).toBe("good");
    expect(basisOf(indicator)).toMatchObject({ meetings: 8, lastMeetingOn: "2026-05-18" });
  });

  it("compte les ateliers, pas les visites de terrain ni les réunions à venir ou trop anciennes", () => {
    const input = healthInput({
      actions: [
        action("2024-09-10"),
        action("2025-03-10", { kind: "workshop" }),
        action("2025-09-10"),
        action("2026-03-10"),
        action("2025-06-10", { kind: "field_visit" }),
        action("2026-09-10"),
        action("2023-03-10"),
      ],
    });
    const indicator = cadenceIndicator(contextOf(input));
    expect(basisOf(indicator).meetings).toBe(4);
    expect(indicator.value).toEqual({ kind: "perQuarter", value: 0.5 });
    expect(indicator.status).toBe("watch");
  });

  it("une coopération créée hier n'est pas jugée : trop jeune", () => {
    const indicator = cadenceIndicator(contextOf(youngInput));
    expect(indicator.status).toBe("insufficient_data");
    expect(indicator.insufficient).toEqual({ reason: "too_young", need: 6, have: 0 });
    expect(indicator.period).toEqual({ from: "2026-06-29", to: AS_OF });
  });

  it("une coopération d'un an est mesurée sur son année, pas sur deux", () => {
    const input = healthInput({
      cooperation: { startedOn: "2025-07-01" },
      actions: ["2025-08-01", "2025-11-01", "2026-02-01", "2026-05-01"].map((on) => action(on)),
    });
    const indicator = cadenceIndicator(contextOf(input));
    expect(indicator.period.from).toBe("2025-07-01");
    expect(indicator.value).toEqual({ kind: "perQuarter", value: 1 });
  });
});

describe("indicateur : plus long silence", () => {
  it("aucune action sur la période : le silence couvre les deux ans", () => {
    const indicator = silenceIndicator(contextOf(healthInput()));
    expect(indicator.value).toEqual({ kind: "days", days: 730 });
    expect(indicator.status).toBe("weak");
    expect(basisOf(indicator)).toMatchObject({
      actions: 0,
      silenceFrom: "2024-06-30",
      silenceTo: AS_OF,
      lastActionOn: null,
    });
  });

  it("des actions tous les trimestres : bon", () => {
    const dates = [
      "2024-08-01",
      "2024-11-01",
      "2025-02-01",
      "2025-05-01",
      "2025-08-01",
      "2025-11-01",
      "2026-02-01",
      "2026-05-01",
    ];
    const indicator = silenceIndicator(
      contextOf(healthInput({ actions: dates.map((on) => action(on, { kind: "study" })) })),
    );
    expect(indicator.value).toEqual({ kind: "days", days: 92 });
    expect(indicator.status).toBe("good");
  });

  it("le silence depuis la dernière action jusqu'à aujourd'hui compte", () => {
    const dates = ["2024-07-01", "2024-10-01", "2025-01-01", "2025-04-01", "2025-07-01", "2025-10-01", "2025-12-12"];
    const indicator = silenceIndicator(contextOf(healthInput({ actions: dates.map((on) => action(on)) })));
    expect(indicator.value).toEqual({ kind: "days", days: 200 });
    expect(indicator.status).toBe("watch");
    expect(basisOf(indicator)).toMatchObject({ silenceFrom: "2025-12-12", silenceTo: AS_OF, actions: 7 });
  });

  it("plusieurs actions le même jour comptent toutes, le silence entre elles est nul", () => {
    const indicator = silenceIndicator(
      contextOf(healthInput({ actions: [action("2026-06-01"), action("2026-06-01", { kind: "workshop" })] })),
    );
    expect(basisOf(indicator).actions).toBe(2);
    expect(indicator.value).toEqual({ kind: "days", days: 701 });
  });

  it("une coopération créée hier n'est pas jugée", () => {
    expect(silenceIndicator(contextOf(youngInput)).insufficient?.reason).toBe("too_young");
  });
});
