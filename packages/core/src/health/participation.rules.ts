import { minDate, within, yearsUpTo } from "../dates/calendar-days.ts";
import type { HealthIndicator, HealthTrend } from "./health.types.ts";
import {
  atLeast,
  fact,
  type HealthContext,
  historyProblem,
  isCurrentMember,
  round2,
  scored,
  shareValue,
  unscored,
  type Verdict,
  windowOf,
} from "./health-context.ts";

/**
 * Breadth: the share of current members taking part in at least one action over the window. A
 * cooperation where the same two territories do everything is a bilateral deal with spectators.
 */
export function breadthIndicator(ctx: HealthContext): HealthIndicator {
  const { t, asOf, input } = ctx;
  const window = windowOf(ctx, t.breadth.windowMonths);
  const period = window.from <= window.to ? window : { from: asOf, to: asOf };
  const members = ctx.currentMembers;
  const actions = ctx.pastActions.filter((a) => within(a.occurredOn, period.from, period.to));
  const involvedIds = new Set(actions.flatMap((a) => a.territoryIds));
  const involved = members.filter((m) => involvedIds.has(m.territoryId));
  const absent = members.filter((m) => !involvedIds.has(m.territoryId)).map((m) => m.name);
  const basis = [
    fact("currentMembers", members.length, "count"),
    fact("involvedMembers", involved.length, "count"),
    fact("actions", actions.length, "count"),
    fact("membersNotInvolved", absent.join(", ") || null, "text"),
  ];
  const breakdown = members.map((m) => ({
    label: { fr: m.name, en: m.name },
    count: actions.filter((a) => a.territoryIds.includes(m.territoryId)).length,
  }));
  const years = yearsUpTo(ctx.since, asOf, t.trendYears);
  const trend: HealthTrend = {
    unit: "year",
    series: ["involvedShare"],
    points: years.map((y) => {
      const atEnd = input.members.filter((m) => isCurrentMember(m, y.to));
      const ids = new Set(
        ctx.pastActions.filter((a) => within(a.occurredOn, y.from, y.to)).flatMap((a) => a.territoryIds),
      );
      const share =
        atEnd.length === 0 ? null : round2(atEnd.filter((m) => ids.has(m.territoryId)).length / atEnd.length);
      return { period: y.label, from: y.from, to: y.to, values: { involvedShare: share } };
    }),
  };
  const parts = { period, basis, trend, breakdown };
  if (members.length < 2) return unscored("breadth", { reason: "single_member", need: 2, have: members.length }, parts);
  const problem = historyProblem(ctx);
  if (problem) return unscored("breadth", problem, parts);
  if (actions.length < t.breadth.minActions) {
    return unscored("breadth", { reason: "too_few_actions", need: t.breadth.minActions, have: actions.length }, parts);
  }
  const value = shareValue(involved.length, members.length);
  return scored("breadth", {
    ...parts,
    status: atLeast(value.ratio, t.breadth.goodShare, t.breadth.watchShare),
    value,
  });
}

type Side = "metropolis" | "neighbour" | "shared";

/**
 * Who leads: a project belongs to its lead's side, and is shared when a co-owner (co-maître
 * d'ouvrage) comes from the other side; an action follows its project. Actions of the cooperation as
 * a whole have no leader on record and are left out of the split (counted apart).
 */
export function balanceIndicator(ctx: HealthContext): HealthIndicator {
  const { t, asOf, input, metropolis } = ctx;
  const period = { from: ctx.since, to: asOf };
  if (!metropolis) {
    return unscored("balance", { reason: "no_metropolis" }, { period, basis: [], trend: null });
  }
  const metroId = metropolis.territoryId;
  const sideOf = new Map<string, Side>();
  for (const p of input.projects) {
    if (p.leadTerritoryId === null) continue;
    const leadIsMetro = p.leadTerritoryId === metroId;
    const crossCoOwner = leadIsMetro
      ? p.coOwnerTerritoryIds.some((id) => id !== metroId)
      : p.coOwnerTerritoryIds.includes(metroId);
    sideOf.set(p.id, crossCoOwner ? "shared" : leadIsMetro ? "metropolis" : "neighbour");
  }
  const items: Array<{ side: Side | null; on: string | null }> = [
    ...input.projects.map((p) => ({
      side: sideOf.get(p.id) ?? null,
      on: p.startedOn ?? minDate(p.statusChanges.map((c) => c.on)),
    })),
    ...ctx.pastActions.map((a) => ({ side: (a.projectId && sideOf.get(a.projectId)) || null, on: a.occurredOn })),
  ];
  const count = (list: typeof items, side: Side | null) => list.filter((i) => i.side === side).length;
  const split = (list: typeof items) => {
    const m = count(list, "metropolis");
    const n = count(list, "neighbour");
    const s = count(list, "shared");
    return { m, n, s, total: m + n + s };
  };
  const all = split(items);
  const basis = [
    fact("metropolis", metropolis.name, "text"),
    fact("metropolisLed", all.m, "count"),
    fact("neighbourLed", all.n, "count"),
    fact("coLed", all.s, "count"),
    fact("unattributed", count(items, null), "count"),
  ];
  const years = yearsUpTo(period.from, asOf, t.trendYears);
  const trend: HealthTrend = {
    unit: "year",
    series: ["metropolisShare"],
    points: years.map((y) => {
      const inYear = split(items.filter((i) => i.on !== null && within(i.on, y.from, y.to)));
      const share = inYear.total === 0 ? null : round2((inYear.m + inYear.s / 2) / inYear.total);
      return { period: y.label, from: y.from, to: y.to, values: { metropolisShare: share } };
    }),
  };
  if (all.total < t.balance.minItems) {
    return unscored(
      "balance",
      { reason: "too_few_items", need: t.balance.minItems, have: all.total },
      {
        period,
        basis,
        trend,
      },
    );
  }
  const value = shareValue(all.m + all.s / 2, all.total);
  const { ratio } = value;
  const b = t.balance;
  const status: Verdict =
    ratio >= b.goodMinShare && ratio <= b.goodMaxShare
      ? "good"
      : ratio >= b.watchMinShare && ratio <= b.watchMaxShare
        ? "watch"
        : "weak";
  return scored("balance", { status, value, period, basis, trend });
}
