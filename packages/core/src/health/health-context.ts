import { addMonths, maxDate, minDate, monthsBetween } from "../dates/calendar-days.ts";
import type {
  CooperationHealth,
  CooperationHealthInput,
  HealthFact,
  HealthFamily,
  HealthIndicator,
  HealthIndicatorKey,
  HealthStatus,
  HealthTrend,
  HealthValue,
  InsufficientReason,
} from "./health.types.ts";
import { HEALTH_INDICATORS } from "./health.types.ts";
import type { HealthFactKey } from "./health-labels.ts";
import type { HealthThresholds } from "./health-thresholds.ts";

type Member = CooperationHealthInput["members"][number];
type Project = CooperationHealthInput["projects"][number];
type Action = CooperationHealthInput["actions"][number];

/** What every rule needs, worked out once: the reference day, the cooperation's start, who is a member. */
export interface HealthContext {
  input: CooperationHealthInput;
  asOf: string;
  t: HealthThresholds;
  /** The recorded start, or else the first recorded fact, or else the record's creation day. */
  start: string;
  startSource: "startedOn" | "firstRecord" | "createdOn";
  /** The start, or `asOf` for a cooperation that starts later: where periods and trends begin. */
  since: string;
  /** Whole months from the start to `asOf`; negative when the cooperation starts later. */
  ageMonths: number;
  currentMembers: Member[];
  metropolis: CooperationHealth["metropolis"];
  projectById: ReadonlyMap<string, Project>;
  /** Actions that have happened by `asOf`: planned ones are not activity yet. */
  pastActions: Action[];
}

export function isCurrentMember(member: Member, on: string): boolean {
  return (member.joinedOn === null || member.joinedOn <= on) && (member.leftOn === null || member.leftOn > on);
}

/**
 * "The metropolis" is the member that is one by law (METRO, or the Métropole de Lyon); where several
 * are, the lead among them; where none is (a PETR, a park), the lead stands in, as the demo tells each
 * cooperation from the side of the body that drives it.
 */
function metropolisOf(members: readonly Member[]): CooperationHealth["metropolis"] {
  const byLaw = members.filter((m) => m.kind === "METRO" || m.kind === "MET69");
  const chosen = byLaw.find((m) => m.role === "lead") ?? byLaw[0];
  if (chosen) return { territoryId: chosen.territoryId, name: chosen.name, basis: "metropolis_kind" };
  const lead = members.find((m) => m.role === "lead");
  return lead ? { territoryId: lead.territoryId, name: lead.name, basis: "lead" } : null;
}

export function healthContext(input: CooperationHealthInput, asOf: string, t: HealthThresholds): HealthContext {
  const firstRecord = minDate([
    ...input.members.map((m) => m.joinedOn),
    ...input.actions.map((a) => a.occurredOn),
    ...input.projects.map((p) => p.startedOn),
  ]);
  const { startedOn, createdOn } = input.cooperation;
  const start = startedOn ?? firstRecord ?? createdOn;
  const currentMembers = input.members.filter((m) => isCurrentMember(m, asOf));
  return {
    input,
    asOf,
    t,
    start,
    startSource: startedOn ? "startedOn" : firstRecord ? "firstRecord" : "createdOn",
    since: minDate([start, asOf]) ?? asOf,
    ageMonths: monthsBetween(start, asOf),
    currentMembers,
    metropolis: metropolisOf(currentMembers),
    projectById: new Map(input.projects.map((p) => [p.id, p])),
    pastActions: input.actions.filter((a) => a.occurredOn <= asOf),
  };
}

/** The window of the last `months` months up to `asOf`, never before the cooperation's start. */
export function windowOf(ctx: HealthContext, months: number): { from: string; to: string } {
  return { from: maxDate([addMonths(ctx.asOf, -months), ctx.start]) ?? ctx.start, to: ctx.asOf };
}

export type ShareValue = Extract<HealthValue, { kind: "share" }>;

export function shareValue(numerator: number, denominator: number, unit: ShareValue["unit"] = "items"): ShareValue {
  return { kind: "share", ratio: denominator === 0 ? 0 : numerator / denominator, numerator, denominator, unit };
}

/** A verdict proper: what an indicator with enough data says. */
export type Verdict = Exclude<HealthStatus, "insufficient_data">;

/** Higher is better: good from `good`, watch from `watch`, weak below. */
export function atLeast(value: number, good: number, watch: number): Verdict {
  if (value >= good) return "good";
  return value >= watch ? "watch" : "weak";
}

/** Lower is better: good up to `good`, watch up to `watch`, weak above. */
export function atMost(value: number, good: number, watch: number): Verdict {
  if (value <= good) return "good";
  return value <= watch ? "watch" : "weak";
}

export const fact = (key: HealthFactKey, value: HealthFact["value"], format: HealthFact["format"]): HealthFact => ({
  key,
  value,
  format,
});

const FAMILY = new Map<HealthIndicatorKey, HealthFamily>(HEALTH_INDICATORS.map((i) => [i.key, i.family]));

export interface IndicatorParts {
  status: Verdict;
  value: HealthValue;
  period: { from: string; to: string };
  basis: HealthFact[];
  trend: HealthTrend | null;
  breakdown?: HealthIndicator["breakdown"];
}

export function scored(key: HealthIndicatorKey, parts: IndicatorParts): HealthIndicator {
  return {
    key,
    family: FAMILY.get(key) ?? "results",
    status: parts.status,
    value: parts.value,
    period: parts.period,
    basis: parts.basis,
    breakdown: parts.breakdown ?? [],
    trend: parts.trend,
    insufficient: null,
  };
}

/** No verdict: the counts that were found are still shown, with what is missing. */
export function unscored(
  key: HealthIndicatorKey,
  why: { reason: InsufficientReason; need?: number; have?: number },
  parts: Pick<IndicatorParts, "period" | "basis" | "trend" | "breakdown">,
): HealthIndicator {
  return {
    key,
    family: FAMILY.get(key) ?? "results",
    status: "insufficient_data",
    value: null,
    period: parts.period,
    basis: parts.basis,
    breakdown: parts.breakdown ?? [],
    trend: parts.trend,
    insufficient: { reason: why.reason, need: why.need ?? null, have: why.have ?? null },
  };
}

/** Activity-based indicators wait for the cooperation to exist, and to have existed a while. */
export function historyProblem(
  ctx: HealthContext,
): { reason: InsufficientReason; need?: number; have?: number } | null {
  // The record's creation day is when someone typed it in, not when the territories started: no age from it.
  if (ctx.startSource === "createdOn") return { reason: "start_unknown" };
  if (ctx.start > ctx.asOf) return { reason: "not_started" };
  if (ctx.ageMonths < ctx.t.minHistoryMonths) {
    return { reason: "too_young", need: ctx.t.minHistoryMonths, have: Math.max(0, ctx.ageMonths) };
  }
  return null;
}

/** Rounded for display and comparison alike, so a shown 0,5 never scores as 0,4999. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
