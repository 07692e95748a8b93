import { daysBetween, maxDate, quartersBetween, within, yearsUpTo } from "../dates/calendar-days.ts";
import type { HealthIndicator, HealthTrend } from "./health.types.ts";
import {
  atLeast,
  atMost,
  fact,
  type HealthContext,
  historyProblem,
  isCurrentMember,
  round2,
  scored,
  unscored,
  windowOf,
} from "./health-context.ts";

const QUARTER_DAYS = 365.25 / 4;

/**
 * Age of the cooperation: the study's "temps long" to know each other, trust, then act. A young
 * cooperation is to watch, never weak: nothing but time fixes it.
 */
export function ageIndicator(ctx: HealthContext): HealthIndicator {
  const { asOf, t, input } = ctx;
  const basis = [
    fact("startedOn", ctx.start, "date"),
    fact("startRecorded", ctx.startSource === "startedOn", "boolean"),
    fact("currentMembers", ctx.currentMembers.length, "count"),
    fact("formerMembers", input.members.filter((m) => m.leftOn !== null && m.leftOn <= asOf).length, "count"),
  ];
  if (ctx.startSource === "createdOn" || ctx.start > asOf) {
    const reason = ctx.startSource === "createdOn" ? "start_unknown" : "not_started";
    return unscored("age", { reason }, { period: { from: asOf, to: asOf }, basis, trend: null });
  }
  const years = yearsUpTo(ctx.start, asOf, t.trendYears);
  const trend: HealthTrend = {
    unit: "year",
    series: ["members"],
    points: years.map((y) => ({
      period: y.label,
      from: y.from,
      to: y.to,
      values: { members: input.members.filter((m) => isCurrentMember(m, y.to)).length },
    })),
  };
  const status = ctx.ageMonths >= t.age.trustYears * 12 ? "good" : "watch";
  return scored("age", {
    status,
    value: { kind: "months", months: ctx.ageMonths },
    period: { from: ctx.start, to: asOf },
    basis,
    trend,
  });
}

function quarterlyTrend(
  dates: readonly string[],
  window: { from: string; to: string },
  series: "meetings" | "actions",
) {
  return {
    unit: "quarter",
    series: [series],
    points: quartersBetween(window.from, window.to).map((q) => ({
      period: q.label,
      from: q.from,
      to: q.to,
      values: { [series]: dates.filter((d) => within(d, q.from, q.to)).length },
    })),
  } satisfies HealthTrend;
}

/** Meetings per quarter over the window: trust is built by meeting, and the rhythm shows it. */
export function cadenceIndicator(ctx: HealthContext): HealthIndicator {
  const { t } = ctx;
  const window = windowOf(ctx, t.cadence.windowMonths);
  const meetingDates = ctx.pastActions.filter((a) => t.cadence.meetingKinds.includes(a.kind)).map((a) => a.occurredOn);
  const inWindow = meetingDates.filter((d) => within(d, window.from, window.to));
  const basis = [
    fact("meetings", inWindow.length, "count"),
    fact("windowMonths", t.cadence.windowMonths, "months"),
    fact("lastMeetingOn", maxDate(meetingDates), "date"),
  ];
  const problem = historyProblem(ctx);
  if (problem) {
    const period = window.from <= window.to ? window : { from: ctx.asOf, to: ctx.asOf };
    return unscored("cadence", problem, { period, basis, trend: quarterlyTrend(inWindow, period, "meetings") });
  }
  const quarters = (daysBetween(window.from, window.to) + 1) / QUARTER_DAYS;
  const rate = round2(inWindow.length / quarters);
  return scored("cadence", {
    status: atLeast(rate, t.cadence.goodPerQuarter, t.cadence.watchPerQuarter),
    value: { kind: "perQuarter", value: rate },
    period: window,
    basis,
    trend: quarterlyTrend(inWindow, window, "meetings"),
  });
}

/**
 * The longest stretch without any recorded action over the window, its ends included: a long silence
 * is where a cooperation starts to fade, whatever its rhythm on average.
 */
export function silenceIndicator(ctx: HealthContext): HealthIndicator {
  const { t } = ctx;
  const window = windowOf(ctx, t.silence.windowMonths);
  const inWindow = ctx.pastActions.filter((a) => within(a.occurredOn, window.from, window.to)).map((a) => a.occurredOn);
  const dates = [...new Set(inWindow)].sort();
  const marks = [window.from, ...dates, window.to];
  let longest = { days: -1, from: window.from, to: window.to };
  for (let i = 1; i < marks.length; i += 1) {
    const from = marks[i - 1] ?? window.from;
    const to = marks[i] ?? window.to;
    const days = daysBetween(from, to);
    if (days > longest.days) longest = { days, from, to };
  }
  const basis = [
    fact("actions", inWindow.length, "count"),
    fact("longestSilenceDays", Math.max(0, longest.days), "days"),
    fact("silenceFrom", longest.from, "date"),
    fact("silenceTo", longest.to, "date"),
    fact("lastActionOn", maxDate(ctx.pastActions.map((a) => a.occurredOn)), "date"),
  ];
  const problem = historyProblem(ctx);
  if (problem) {
    const period = window.from <= window.to ? window : { from: ctx.asOf, to: ctx.asOf };
    return unscored("silence", problem, { period, basis, trend: quarterlyTrend(inWindow, period, "actions") });
  }
  return scored("silence", {
    status: atMost(longest.days, t.silence.goodMaxDays, t.silence.watchMaxDays),
    value: { kind: "days", days: longest.days },
    period: window,
    basis,
    trend: quarterlyTrend(inWindow, window, "actions"),
  });
}
