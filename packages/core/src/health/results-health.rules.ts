import { minDate, within, yearsUpTo } from "../dates/calendar-days.ts";
import { type ProjectStatus, projectStatusLabels } from "../enums/project.ts";
import { type Theme, themeLabels } from "../enums/theme.ts";
import type { CooperationHealthInput, HealthIndicator, HealthTrend } from "./health.types.ts";
import {
  atLeast,
  fact,
  type HealthContext,
  historyProblem,
  scored,
  shareValue,
  unscored,
  type Verdict,
  windowOf,
} from "./health-context.ts";

type Project = CooperationHealthInput["projects"][number];

/**
 * A project's status on `asOf`, read from its dated history so an earlier reference day sees the
 * past as it was; null when the project did not exist yet. A project without history keeps its
 * current status.
 */
export function statusOn(project: Project, asOf: string): ProjectStatus | null {
  if (project.statusChanges.length === 0) return project.status;
  const past = project.statusChanges.filter((c) => c.on <= asOf).sort((a, b) => (a.on < b.on ? -1 : 1));
  return past.at(-1)?.to ?? null;
}

const SHOWN_STATUSES: readonly ProjectStatus[] = ["completed", "in_progress", "abandoned"];

/** What came of the cooperation: projects completed or under way, against projects abandoned. */
export function resultsIndicator(ctx: HealthContext): HealthIndicator {
  const { t, asOf, input } = ctx;
  const statuses = input.projects.map((p) => statusOn(p, asOf)).filter((s): s is ProjectStatus => s !== null);
  const n = (status: ProjectStatus) => statuses.filter((s) => s === status).length;
  const delivering = n("completed") + n("in_progress");
  const abandoned = n("abandoned");
  const changes = input.projects.flatMap((p) => p.statusChanges).filter((c) => c.on <= asOf);
  const period = {
    from: minDate([...changes.map((c) => c.on), ...input.projects.map((p) => p.startedOn)]) ?? asOf,
    to: asOf,
  };
  const basis = [
    fact("projects", statuses.length, "count"),
    fact("completed", n("completed"), "count"),
    fact("inProgress", n("in_progress"), "count"),
    fact("abandoned", abandoned, "count"),
    fact("suspended", n("suspended"), "count"),
    fact("notStarted", n("idea") + n("planned"), "count"),
  ];
  const breakdown = (Object.keys(projectStatusLabels) as ProjectStatus[])
    .filter((s) => SHOWN_STATUSES.includes(s) || n(s) > 0)
    .map((s) => ({ label: projectStatusLabels[s], count: n(s) }));
  const moves = (to: ProjectStatus, y: { from: string; to: string }) =>
    changes.filter((c) => c.to === to && within(c.on, y.from, y.to)).length;
  const trend: HealthTrend = {
    unit: "year",
    series: ["started", "completed", "abandoned"],
    points: yearsUpTo(period.from, asOf, t.trendYears).map((y) => ({
      period: y.label,
      from: y.from,
      to: y.to,
      values: { started: moves("in_progress", y), completed: moves("completed", y), abandoned: moves("abandoned", y) },
    })),
  };
  const need = t.results.minProjects;
  if (statuses.length < need) {
    const why = { reason: "too_few_projects" as const, need, have: statuses.length };
    return unscored("results", why, { period, basis, trend, breakdown });
  }
  const value = shareValue(delivering, statuses.length);
  const abandonedShare = abandoned / statuses.length;
  const r = t.results;
  const status: Verdict =
    abandonedShare > r.abandonedWeakShare || delivering === 0
      ? "weak"
      : value.ratio >= r.deliveringGoodShare && abandonedShare <= r.abandonedWatchShare
        ? "good"
        : "watch";
  return scored("results", { status, value, period, basis, trend, breakdown });
}

const WHOLE_COOPERATION = { fr: "Coopération dans son ensemble", en: "Cooperation as a whole" };

/**
 * Actions per theme, read against the themes the cooperation declares: a theme written in the
 * contract that no action serves is a promise the partners have not taken up. An action takes its
 * project's themes; actions of the cooperation as a whole serve no theme in particular.
 */
export function themesIndicator(ctx: HealthContext): HealthIndicator {
  const { t, asOf, input } = ctx;
  const declared = [...new Set(input.cooperation.themes)];
  const window = windowOf(ctx, t.themes.windowMonths);
  const period = window.from <= window.to ? window : { from: asOf, to: asOf };
  const themesOf = (projectId: string | null): readonly Theme[] =>
    (projectId && ctx.projectById.get(projectId)?.themes) || [];
  const actions = ctx.pastActions.filter((a) => within(a.occurredOn, period.from, period.to));
  const counts = new Map<Theme, number>(declared.map((theme) => [theme, 0]));
  for (const a of actions) for (const theme of themesOf(a.projectId)) counts.set(theme, (counts.get(theme) ?? 0) + 1);
  const whole = actions.filter((a) => themesOf(a.projectId).length === 0).length;
  const covered = declared.filter((theme) => (counts.get(theme) ?? 0) > 0).length;
  const basis = [
    fact("declaredThemes", declared.length, "count"),
    fact("coveredThemes", covered, "count"),
    fact("actions", actions.length, "count"),
    fact("wholeCooperationActions", whole, "count"),
  ];
  const breakdown = [
    ...[...counts].map(([theme, count]) => ({ label: themeLabels[theme], count })),
    ...(whole > 0 ? [{ label: WHOLE_COOPERATION, count: whole }] : []),
  ];
  const trend: HealthTrend = {
    unit: "year",
    series: ["activeThemes"],
    points: yearsUpTo(ctx.since, asOf, t.trendYears).map((y) => {
      const active = new Set(
        ctx.pastActions.filter((a) => within(a.occurredOn, y.from, y.to)).flatMap((a) => themesOf(a.projectId)),
      );
      return { period: y.label, from: y.from, to: y.to, values: { activeThemes: active.size } };
    }),
  };
  const parts = { period, basis, trend, breakdown };
  if (declared.length === 0) return unscored("themes", { reason: "no_declared_themes" }, parts);
  const problem = historyProblem(ctx);
  if (problem) return unscored("themes", problem, parts);
  if (actions.length < t.themes.minActions) {
    return unscored("themes", { reason: "too_few_actions", need: t.themes.minActions, have: actions.length }, parts);
  }
  const value = shareValue(covered, declared.length);
  const status = atLeast(value.ratio, t.themes.coverageGoodShare, t.themes.coverageWatchShare);
  return scored("themes", { ...parts, status, value });
}
