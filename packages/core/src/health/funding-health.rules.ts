import { minDate, within, yearsUpTo } from "../dates/calendar-days.ts";
import type { ApplicationStatus } from "../enums/funding.ts";
import {
  AWARDED_APPLICATION_STATUSES,
  DECIDED_APPLICATION_STATUSES,
  PENDING_APPLICATION_STATUSES,
} from "../rules/financing-plan.rules.ts";
import { searchKey } from "../text/search-key.ts";
import type { CooperationHealthInput, HealthIndicator, HealthTrend } from "./health.types.ts";
import { atLeast, atMost, fact, type HealthContext, round2, scored, shareValue, unscored } from "./health-context.ts";
import type { HealthThresholds } from "./health-thresholds.ts";

type Application = CooperationHealthInput["applications"][number];
type Programme = Application["programme"];

const has = (statuses: readonly ApplicationStatus[], status: ApplicationStatus) => statuses.includes(status);

/**
 * A programme funds the cooperation as such (rather than one project through a call) when it is a
 * territorial contract: the curated catalogue names them by id; a programme typed in by a user is
 * recognised by the words of its name or acronym.
 */
export function isDedicatedProgramme(programme: Programme, rule: HealthThresholds["funding"]): boolean {
  if (programme.externalRef !== null) return rule.dedicatedProgrammeRefs.includes(programme.externalRef);
  const words = ` ${searchKey(`${programme.name} ${programme.acronym}`)} `;
  return rule.dedicatedProgrammeWords.some((word) => words.includes(` ${word} `));
}

/** Applications filed by `asOf` and not withdrawn: every file built counts, whatever came of it. */
function sought(ctx: HealthContext): Application[] {
  return ctx.input.applications.filter((a) => a.filedOn <= ctx.asOf && a.status !== "withdrawn");
}

function fundingPeriod(ctx: HealthContext, applications: readonly Application[]) {
  const first = minDate(applications.map((a) => a.filedOn)) ?? ctx.asOf;
  return { from: first, to: ctx.asOf };
}

function yearly(
  ctx: HealthContext,
  from: string,
  series: HealthTrend["series"][number],
  pointValue: (y: { from: string; to: string }) => number | null,
): HealthTrend {
  return {
    unit: "year",
    series: [series],
    points: yearsUpTo(from, ctx.asOf, ctx.t.trendYears).map((y) => ({
      period: y.label,
      from: y.from,
      to: y.to,
      values: { [series]: pointValue(y) },
    })),
  };
}

/**
 * Dedicated funding: the study found that money set aside for cooperation makes projects happen that
 * would not have, while project-by-project calls pull partners apart. Share of funded projects with
 * at least one application to a dedicated programme.
 */
export function dedicatedFundingIndicator(ctx: HealthContext): HealthIndicator {
  const { t } = ctx;
  const applications = sought(ctx);
  const dedicated = (a: Application) => isDedicatedProgramme(a.programme, t.funding);
  const byProject = new Map<string, { dedicated: boolean; calls: boolean }>();
  for (const a of applications) {
    const mix = byProject.get(a.projectId) ?? { dedicated: false, calls: false };
    if (dedicated(a)) mix.dedicated = true;
    else mix.calls = true;
    byProject.set(a.projectId, mix);
  }
  const mixes = [...byProject.values()];
  const both = mixes.filter((m) => m.dedicated && m.calls).length;
  const dedicatedOnly = mixes.filter((m) => m.dedicated && !m.calls).length;
  const callsOnly = mixes.filter((m) => !m.dedicated).length;
  const period = fundingPeriod(ctx, applications);
  const basis = [
    fact("fundedProjects", mixes.length, "count"),
    fact("dedicatedOnly", dedicatedOnly, "count"),
    fact("dedicatedAndCalls", both, "count"),
    fact("callsOnly", callsOnly, "count"),
    fact("projectsWithoutApplication", ctx.input.projects.length - mixes.length, "count"),
  ];
  const trend = yearly(ctx, period.from, "dedicatedShare", (y) => {
    const inYear = applications.filter((a) => within(a.filedOn, y.from, y.to));
    return inYear.length === 0 ? null : round2(inYear.filter(dedicated).length / inYear.length);
  });
  const need = t.funding.minFundedProjects;
  if (mixes.length < need) {
    return unscored(
      "dedicatedFunding",
      { reason: "too_few_funded_projects", need, have: mixes.length },
      {
        period,
        basis,
        trend,
      },
    );
  }
  const value = shareValue(dedicatedOnly + both, mixes.length);
  const status = atLeast(value.ratio, t.funding.dedicatedGoodShare, t.funding.dedicatedWatchShare);
  return scored("dedicatedFunding", { status, value, period, basis, trend });
}

/** Distinct programmes per funded project: the "course aux financements" in one number. */
export function fragmentationIndicator(ctx: HealthContext): HealthIndicator {
  const { t } = ctx;
  const applications = sought(ctx);
  const programmesOf = new Map<string, Set<string>>();
  for (const a of applications) {
    programmesOf.set(a.projectId, (programmesOf.get(a.projectId) ?? new Set()).add(a.programme.id));
  }
  const counts = [...programmesOf.values()].map((s) => s.size);
  const names = new Map<string, { name: string; count: number }>();
  for (const a of applications) {
    const entry = names.get(a.programme.id) ?? { name: a.programme.name, count: 0 };
    entry.count += 1;
    names.set(a.programme.id, entry);
  }
  const period = fundingPeriod(ctx, applications);
  const basis = [
    fact("fundedProjects", counts.length, "count"),
    fact("applications", applications.length, "count"),
    fact("distinctProgrammes", names.size, "count"),
    fact("maxProgrammesPerProject", counts.length === 0 ? null : Math.max(...counts), "count"),
  ];
  const breakdown = [...names.values()].map((p) => ({ label: { fr: p.name, en: p.name }, count: p.count }));
  const trend = yearly(ctx, period.from, "programmes", (y) => {
    const ids = new Set(applications.filter((a) => within(a.filedOn, y.from, y.to)).map((a) => a.programme.id));
    return ids.size;
  });
  const need = t.funding.minFundedProjects;
  if (counts.length < need) {
    return unscored(
      "fragmentation",
      { reason: "too_few_funded_projects", need, have: counts.length },
      {
        period,
        basis,
        trend,
        breakdown,
      },
    );
  }
  const mean = round2(counts.reduce((sum, n) => sum + n, 0) / counts.length);
  const status = atMost(mean, t.funding.fragmentationGoodMax, t.funding.fragmentationWatchMax);
  return scored("fragmentation", { status, value: { kind: "mean", value: mean }, period, basis, trend, breakdown });
}

const decidedOn = (a: Application) => a.decidedOn ?? a.filedOn;

/** Share of the granted money that comes from the largest funder: one withdrawal and everything stops. */
export function funderDependenceIndicator(ctx: HealthContext): HealthIndicator {
  const { t, asOf } = ctx;
  const awarded = ctx.input.applications.filter(
    (a) => has(AWARDED_APPLICATION_STATUSES, a.status) && (a.grantedCents ?? 0) > 0 && decidedOn(a) <= asOf,
  );
  const byFunder = new Map<string, { name: string; cents: number; count: number }>();
  for (const a of awarded) {
    const entry = byFunder.get(a.funder.id) ?? { name: a.funder.name, cents: 0, count: 0 };
    entry.cents += a.grantedCents ?? 0;
    entry.count += 1;
    byFunder.set(a.funder.id, entry);
  }
  const funders = [...byFunder.values()].sort((a, b) => b.cents - a.cents);
  const total = funders.reduce((sum, f) => sum + f.cents, 0);
  const top = funders[0];
  const period = { from: minDate(awarded.map(decidedOn)) ?? asOf, to: asOf };
  const basis = [
    fact("awardedApplications", awarded.length, "count"),
    fact("grantedCents", total, "cents"),
    fact("funders", funders.length, "count"),
    fact("topFunder", top?.name ?? null, "text"),
    fact("topFunderCents", top?.cents ?? null, "cents"),
  ];
  const breakdown = funders.map((f) => ({ label: { fr: f.name, en: f.name }, count: f.count }));
  const trend = yearly(ctx, period.from, "topFunderShare", (y) => {
    const sums = new Map<string, number>();
    for (const a of awarded.filter((x) => within(decidedOn(x), y.from, y.to))) {
      sums.set(a.funder.id, (sums.get(a.funder.id) ?? 0) + (a.grantedCents ?? 0));
    }
    const amounts = [...sums.values()];
    const sum = amounts.reduce((s, n) => s + n, 0);
    return sum === 0 ? null : round2(Math.max(...amounts) / sum);
  });
  const need = t.funding.minAwardedApplications;
  if (!top || awarded.length < need) {
    const why = { reason: "too_few_awarded" as const, need, have: awarded.length };
    return unscored("funderDependence", why, { period, basis, trend, breakdown });
  }
  const value = shareValue(top.cents, total, "cents");
  const status = atMost(value.ratio, t.funding.dependenceGoodMax, t.funding.dependenceWatchMax);
  return scored("funderDependence", { status, value, period, basis, trend, breakdown });
}

/** Awarded among decided applications (withdrawn ones were never decided), as the financing plan counts. */
export function successRateIndicator(ctx: HealthContext): HealthIndicator {
  const { t, asOf } = ctx;
  const filed = ctx.input.applications.filter((a) => a.filedOn <= asOf);
  const decided = filed.filter((a) => has(DECIDED_APPLICATION_STATUSES, a.status) && decidedOn(a) <= asOf);
  const awarded = decided.filter((a) => has(AWARDED_APPLICATION_STATUSES, a.status));
  const period = { from: minDate(decided.map(decidedOn)) ?? asOf, to: asOf };
  const basis = [
    fact("decidedApplications", decided.length, "count"),
    fact("awardedApplications", awarded.length, "count"),
    fact("rejectedApplications", decided.length - awarded.length, "count"),
    fact("pendingApplications", filed.filter((a) => has(PENDING_APPLICATION_STATUSES, a.status)).length, "count"),
  ];
  const trend = yearly(ctx, period.from, "successRate", (y) => {
    const inYear = decided.filter((a) => within(decidedOn(a), y.from, y.to));
    const won = inYear.filter((a) => has(AWARDED_APPLICATION_STATUSES, a.status)).length;
    return inYear.length === 0 ? null : round2(won / inYear.length);
  });
  const need = t.funding.minDecidedApplications;
  if (decided.length < need) {
    const why = { reason: "too_few_decided" as const, need, have: decided.length };
    return unscored("successRate", why, { period, basis, trend });
  }
  const value = shareValue(awarded.length, decided.length);
  const status = atLeast(value.ratio, t.funding.successGoodRate, t.funding.successWatchRate);
  return scored("successRate", { status, value, period, basis, trend });
}
