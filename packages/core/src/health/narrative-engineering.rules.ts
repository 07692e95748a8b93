import { maxDate, minDate, monthsBetween, within, yearsUpTo } from "../dates/calendar-days.ts";
import { type EngineeringKind, engineeringKindLabels } from "../enums/cooperation.ts";
import type { ProjectStatus } from "../enums/project.ts";
import type { HealthEngineering, HealthIndicator, HealthTrend } from "./health.types.ts";
import { fact, type HealthContext, round2, scored, unscored } from "./health-context.ts";

/**
 * Shared narrative (récit commun): the study's first key to success. Present when the text is
 * recorded or an adoption is dated; good once adopted and revisited within a mandate.
 */
export function narrativeIndicator(ctx: HealthContext): HealthIndicator {
  const { asOf, t } = ctx;
  const { text, adoptedOn: adopted, revisedOn } = ctx.input.cooperation.narrative;
  const adoptedOn = adopted && adopted <= asOf ? adopted : null;
  const events = [...new Set([...revisedOn, ...(adoptedOn ? [adoptedOn] : [])])].filter((d) => d <= asOf).sort();
  const lastRevisedOn = maxDate(events);
  const textRecorded = text.trim() !== "";
  const present = textRecorded || adoptedOn !== null;
  const from = minDate([adoptedOn, ctx.since, events[0]]) ?? asOf;

  const years = yearsUpTo(from, asOf, t.trendYears);
  const trend: HealthTrend = {
    unit: "year",
    series: ["narrativeEvents"],
    points: years.map((y) => ({
      period: y.label,
      from: y.from,
      to: y.to,
      values: { narrativeEvents: events.filter((d) => within(d, y.from, y.to)).length },
    })),
  };
  const basis = [
    fact("textRecorded", textRecorded, "boolean"),
    fact("adoptedOn", adoptedOn, "date"),
    fact("lastRevisedOn", lastRevisedOn, "date"),
    fact("narrativeEvents", events.length, "count"),
  ];
  const stale = lastRevisedOn !== null && monthsBetween(lastRevisedOn, asOf) >= t.narrative.staleYears * 12;
  // The grace period needs a known start: a cooperation of unknown age gets none.
  const young = ctx.startSource !== "createdOn" && ctx.ageMonths < t.narrative.graceMonths;
  const status = !present ? (young ? "watch" : "weak") : adoptedOn === null || stale ? "watch" : "good";
  return scored("narrative", {
    status,
    value: { kind: "presence", present },
    period: { from, to: asOf },
    basis,
    trend,
  });
}

/** Engineering behind projects still ahead or under way; a completed project's team has moved on. */
const STAFFED_STATUSES: readonly ProjectStatus[] = ["planned", "in_progress"];
/** Staff of the metropolis itself, as opposed to a consultancy it pays. */
const OWN_STAFF_KINDS: readonly EngineeringKind[] = ["metropolis_staff", "dedicated_team", "shared_service"];

const isRecorded = (e: HealthEngineering) => e.fte !== null || e.kind !== "none" || e.providerId !== null;

/**
 * Dedicated engineering (ingénierie): the cooperation's own and that of its live projects, in FTE.
 * The study's finding that the metropolis often lends its own staff is a fact of its own, and it
 * lifts a thin team: half a post of metropolis staff counts as a real commitment.
 */
export function engineeringIndicator(ctx: HealthContext): HealthIndicator {
  const { asOf, t } = ctx;
  const own = ctx.input.cooperation.engineering;
  const projects = ctx.input.projects.filter((p) => STAFFED_STATUSES.includes(p.status) && isRecorded(p.engineering));
  const sources = [...(isRecorded(own) ? [own] : []), ...projects.map((p) => p.engineering)];
  const period = { from: asOf, to: asOf };
  const metropolisId = ctx.metropolis?.territoryId ?? null;
  const metropolisLends = sources.some(
    (s) =>
      s.kind === "metropolis_staff" ||
      (metropolisId !== null && s.providerId === metropolisId && OWN_STAFF_KINDS.includes(s.kind)),
  );
  const cooperationFte = own.fte ?? 0;
  const projectsFte = round2(projects.reduce((sum, p) => sum + (p.engineering.fte ?? 0), 0));
  const total = round2(cooperationFte + projectsFte);
  const providers = [...new Set(sources.map((s) => s.providerName).filter((n): n is string => n !== null))];
  const basis = [
    fact("cooperationFte", own.fte, "fte"),
    fact("projectsFte", projectsFte, "fte"),
    fact("staffedProjects", projects.length, "count"),
    fact("providers", providers.join(", ") || null, "text"),
    fact("metropolisLends", metropolisLends, "boolean"),
  ];
  const kinds = new Map<EngineeringKind, number>();
  for (const s of sources) kinds.set(s.kind, (kinds.get(s.kind) ?? 0) + 1);
  const breakdown = [...kinds].map(([kind, count]) => ({ label: engineeringKindLabels[kind], count }));
  if (sources.length === 0) return unscored("engineering", { reason: "not_recorded" }, { period, basis, trend: null });

  const { goodFte, watchFte } = t.engineering;
  const status =
    total >= goodFte || (metropolisLends && total >= watchFte)
      ? "good"
      : total >= watchFte || (metropolisLends && total > 0)
        ? "watch"
        : "weak";
  return scored("engineering", { status, value: { kind: "fte", fte: total }, period, basis, trend: null, breakdown });
}
