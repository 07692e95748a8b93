import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { APPLICATION_STATUSES, FUNDER_KINDS } from "../enums/funding.ts";
import { PARTNER_ROLES } from "../enums/project.ts";
import { apportionBasisPoints, type FinancingPlanInput, financingPlan } from "./financing-plan.rules.ts";

type Application = FinancingPlanInput["applications"][number];
type Partner = FinancingPlanInput["partners"][number];

const lead = (ownFundsCents: number | null): Partner => ({
  territoryId: "lead",
  name: "Orléans Métropole",
  role: "lead",
  ownFundsCents,
});
const grant = (grantedCents: number, overrides: Partial<Application> = {}): Application => ({
  funder: { name: "État", kind: "state" },
  programme: { name: "DSIL" },
  status: "granted",
  requestedCents: grantedCents,
  grantedCents,
  paidCents: 0,
  ...overrides,
});
const codes = (input: FinancingPlanInput) => financingPlan(input).warnings.map((w) => w.code);

describe("plan de financement : cas vérifiés à la main", () => {
  it("une part du chef de file d'exactement 20 % ne déclenche pas d'avertissement", () => {
    // 20 000 € de fonds propres sur 100 000 € de financements publics (80 000 € de DSIL).
    const input = { budgetCents: 10_000_000, isInvestment: true, partners: [lead(2_000_000)], applications: [] };
    const plan = financingPlan({ ...input, applications: [grant(8_000_000)] });
    expect(plan.totals.publicFinancingCents).toBe(10_000_000);
    expect(plan.lead?.shareOfPublicFinancing).toEqual({ numerator: 2_000_000, denominator: 10_000_000 });
    expect(plan.warnings).toEqual([]);
  });

  it("à 19,99 %, l'avertissement cite l'article L1111-10 et ses exceptions possibles", () => {
    // 19 990 € de fonds propres sur 100 000 € : un centime de part en dessous du seuil suffit.
    const plan = financingPlan({
      budgetCents: 10_000_000,
      isInvestment: true,
      partners: [lead(1_999_000)],
      applications: [grant(8_001_000)],
    });
    expect(plan.warnings.map((w) => w.code)).toEqual(["lead_share_below_20"]);
    const { fr, en } = plan.warnings[0]?.message ?? { fr: "", en: "" };
    expect(fr).toContain("L1111-10");
    expect(fr).toContain("Exceptions possibles");
    expect(fr).toContain("Orléans Métropole");
    expect(fr).toContain("pas un avis juridique");
    expect(en).toContain("not legal advice");
  });

  it("n'applique la règle des 20 % qu'aux investissements, et compte les demandes en cours", () => {
    const pending = grant(0, { status: "submitted", requestedCents: 9_000_000, grantedCents: null });
    const base = { budgetCents: 10_000_000, partners: [lead(1_000_000)], applications: [pending] };
    expect(codes({ ...base, isInvestment: true })).toContain("lead_share_below_20");
    expect(codes({ ...base, isInvestment: false })).not.toContain("lead_share_below_20");
  });

  it("une aide privée n'entre pas dans les financements publics", () => {
    const sponsor = grant(8_000_000, {
      funder: { name: "Fondation", kind: "private" },
      programme: { name: "Mécénat" },
    });
    const plan = financingPlan({
      budgetCents: 10_000_000,
      isInvestment: true,
      partners: [lead(2_000_000)],
      applications: [sponsor],
    });
    expect(plan.totals.publicFinancingCents).toBe(2_000_000);
    expect(plan.warnings).toEqual([]);
  });

  it("signale un budget non couvert par les aides accordées et les fonds propres", () => {
    const plan = financingPlan({
      budgetCents: 10_000_000,
      isInvestment: false,
      partners: [lead(2_000_000), { territoryId: "cc", name: "CC", role: "partner", ownFundsCents: 500_000 }],
      applications: [grant(7_000_000, { paidCents: 3_500_000 }), grant(0, { status: "rejected", grantedCents: null })],
    });
    expect(plan.totals).toMatchObject({ grantedCents: 7_000_000, ownFundsCents: 2_500_000, securedCents: 9_500_000 });
    expect(plan.coverageGapCents).toBe(500_000);
    expect(plan.warnings.map((w) => w.code)).toEqual(["not_covered"]);
    expect(plan.lines).toEqual([
      expect.objectContaining({ applicationCount: 2, grantedCents: 7_000_000, paidCents: 3_500_000 }),
    ]);
    expect(plan.ownFunds.map((p) => p.shareBasisPoints)).toEqual([8000, 2000]);
    const covered = { budgetCents: 10_000_000, isInvestment: false, partners: [lead(3_000_000)] };
    expect(financingPlan({ ...covered, applications: [grant(7_000_000)] }).warnings).toEqual([]);
  });

  it("sans budget ni fonds propres, ni écart ni part calculés", () => {
    const plan = financingPlan({ budgetCents: null, isInvestment: true, partners: [lead(null)], applications: [] });
    expect(plan.coverageGapCents).toBeNull();
    expect(plan.lead?.shareOfPublicFinancing).toBeNull();
    expect(plan.ownFunds[0]).toMatchObject({ ownFundsCents: 0, shareBasisPoints: 0, shareOfBudget: null });
    expect(plan.warnings).toEqual([]);
  });

  it("la répartition en points de base ne perd rien à l'arrondi : trois tiers font 10 000", () => {
    expect(apportionBasisPoints([1, 1, 1])).toEqual([3334, 3333, 3333]);
    expect(apportionBasisPoints([1, 2])).toEqual([3333, 6667]);
  });
});

const cents = fc.integer({ min: 0, max: 10_000_000_000 });
const applicationArb: fc.Arbitrary<Application> = fc
  .record({
    funder: fc.record({
      name: fc.constantFrom("État", "Région", "UE", "Agence de l'eau"),
      kind: fc.constantFrom(...FUNDER_KINDS),
    }),
    programme: fc.record({ name: fc.constantFrom("DSIL", "Fonds vert", "LEADER", "Interreg") }),
    status: fc.constantFrom(...APPLICATION_STATUSES),
    requestedCents: cents,
    grantedCents: cents,
    paidCents: cents,
  })
  .map((a) => {
    const awarded = a.status === "granted" || a.status === "closed";
    return { ...a, grantedCents: awarded ? a.grantedCents : null, paidCents: awarded ? a.paidCents : 0 };
  });
const partnerArb: fc.Arbitrary<Partner> = fc.record({
  territoryId: fc.uuid(),
  name: fc.string({ maxLength: 20 }),
  role: fc.constantFrom(...PARTNER_ROLES),
  ownFundsCents: fc.option(cents),
});
const inputArb = fc.record({
  budgetCents: fc.option(cents),
  isInvestment: fc.boolean(),
  partners: fc.array(partnerArb, { maxLength: 8 }),
  applications: fc.array(applicationArb, { maxLength: 30 }),
});
const total = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe("plan de financement : propriétés", () => {
  it("chaque total est exactement la somme de ses lignes, au centime", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = financingPlan(input);
        expect(plan.totals.requestedCents).toBe(total(plan.lines.map((l) => l.requestedCents)));
        expect(plan.totals.grantedCents).toBe(total(plan.lines.map((l) => l.grantedCents)));
        expect(plan.totals.paidCents).toBe(total(plan.lines.map((l) => l.paidCents)));
        expect(plan.totals.ownFundsCents).toBe(total(plan.ownFunds.map((p) => p.ownFundsCents)));
        expect(plan.totals.securedCents).toBe(plan.totals.grantedCents + plan.totals.ownFundsCents);
        expect(total(plan.lines.map((l) => l.applicationCount))).toBe(input.applications.length);
      }),
    );
  });

  it("les lignes ne perdent ni n'inventent un centime par rapport aux demandes", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = financingPlan(input);
        const pending = input.applications.filter((a) => ["draft", "submitted", "under_review"].includes(a.status));
        const awarded = input.applications.filter((a) => a.status === "granted" || a.status === "closed");
        expect(plan.totals.requestedCents).toBe(total(pending.map((a) => a.requestedCents)));
        expect(plan.totals.grantedCents).toBe(total(awarded.map((a) => a.grantedCents ?? 0)));
        expect(plan.totals.paidCents).toBe(total(input.applications.map((a) => a.paidCents)));
      }),
    );
  });

  it("les parts de fonds propres font toujours 10 000 points de base (ou 0 sans fonds propres)", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = financingPlan(input);
        const points = total(plan.ownFunds.map((p) => p.shareBasisPoints));
        expect(points).toBe(plan.totals.ownFundsCents > 0 ? 10_000 : 0);
        for (const p of plan.ownFunds) {
          // Each share is its exact value floored or raised by one point, never further off.
          const exact = plan.totals.ownFundsCents ? (p.ownFundsCents * 10_000) / plan.totals.ownFundsCents : 0;
          expect(Math.abs(p.shareBasisPoints - exact)).toBeLessThan(1);
        }
      }),
    );
  });

  it("avertit sur la part du chef de file exactement quand 5 × fonds propres < financements publics", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = financingPlan(input);
        const warned = plan.warnings.some((w) => w.code === "lead_share_below_20");
        const leadFunds = plan.lead?.ownFundsCents ?? 0;
        const expected =
          input.isInvestment &&
          plan.lead !== null &&
          plan.totals.publicFinancingCents > 0 &&
          leadFunds * 5 < plan.totals.publicFinancingCents;
        expect(warned).toBe(expected);
        const gap = plan.coverageGapCents;
        expect(plan.warnings.some((w) => w.code === "not_covered")).toBe(gap !== null && gap > 0);
        if (input.budgetCents !== null) {
          expect(gap).toBe(Math.max(0, input.budgetCents - plan.totals.securedCents));
        }
      }),
    );
  });
});
