import {
  type ApplicationStatus,
  AWARDED_APPLICATION_STATUSES,
  DECIDED_APPLICATION_STATUSES,
  type FunderKind,
  PENDING_APPLICATION_STATUSES,
  type ProjectStatus,
  type Ratio,
  type Theme,
} from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { type DatedDeadline, readDeadlines } from "./deadline.queries.ts";
import type { ProjectViewer } from "./project.queries.ts";
import { type TotalsEb, totalsVisibleTo } from "./territory-totals.queries.ts";

export interface FundingAmounts {
  applicationCount: number;
  /** Pending applications (draft, submitted, under review), as in the financing plan. */
  requestedCents: number;
  /** Granted and closed applications. */
  grantedCents: number;
  paidCents: number;
}

export interface TerritoryProjectCounts {
  byStatus: Array<{ status: ProjectStatus; count: number }>;
  byTheme: Array<{ theme: Theme; count: number }>;
  total: number;
}

export interface TerritoryFundingFigures {
  byFunderKind: Array<{ funderKind: FunderKind } & FundingAmounts>;
  byProgramme: Array<
    {
      programme: { id: string; name: string; acronym: string };
      funder: { name: string; kind: FunderKind };
    } & FundingAmounts
  >;
  byStatus: Array<{ status: ApplicationStatus; count: number }>;
}

/**
 * Two grouped statements over the territory's project counts (migration 000005), by status and by
 * theme (a project with two themes counts under each): a few rows per territory, plus one per
 * restricted project, instead of every project it partners.
 */
export async function countTerritoryProjects(
  db: Kysely<Database>,
  territoryId: string,
  viewer: ProjectViewer,
): Promise<TerritoryProjectCounts> {
  const counts = () =>
    db
      .selectFrom("territory_project_counts as g")
      .where("g.territory_id", "=", territoryId)
      .where((eb) => totalsVisibleTo(eb as unknown as TotalsEb, viewer));
  const [byStatus, byTheme] = await Promise.all([
    counts()
      .select(["g.status", sql<number>`sum(g.project_count)`.as("n")])
      .groupBy("g.status")
      .orderBy("g.status")
      .execute(),
    db
      .selectFrom(
        counts()
          .select([sql<Theme>`unnest(g.themes)`.as("theme"), "g.project_count"])
          .as("pt"),
      )
      .select(["pt.theme", sql<number>`sum(pt.project_count)`.as("n")])
      .groupBy("pt.theme")
      .orderBy("pt.theme")
      .execute(),
  ]);
  const statusCounts = byStatus.map((r) => ({ status: r.status, count: Number(r.n) }));
  return {
    byStatus: statusCounts,
    byTheme: byTheme.map((r) => ({ theme: r.theme, count: Number(r.n) })),
    total: statusCounts.reduce((sum, r) => sum + r.count, 0),
  };
}

type Amounts = Omit<FundingAmounts, "applicationCount">;
const isPending = (status: ApplicationStatus) => (PENDING_APPLICATION_STATUSES as readonly string[]).includes(status);
const isAwarded = (status: ApplicationStatus) => (AWARDED_APPLICATION_STATUSES as readonly string[]).includes(status);

function add<T extends FundingAmounts>(into: T, count: number, amounts: Amounts): T {
  into.applicationCount += count;
  into.requestedCents += amounts.requestedCents;
  into.grantedCents += amounts.grantedCents;
  into.paidCents += amounts.paidCents;
  return into;
}

const none = () => ({ applicationCount: 0, requestedCents: 0, grantedCents: 0, paidCents: 0 });

/**
 * The applications that concern the territory (applicationConcerns: filed by it, or on a project it
 * partners — the funding board's and Accueil's rule), from its concerned totals (migration 310001):
 * a few rows by programme and status, whatever the history; by funder kind, by programme and by
 * status are then folded from them.
 */
export async function sumTerritoryFunding(
  db: Kysely<Database>,
  territoryId: string,
  viewer: ProjectViewer,
): Promise<TerritoryFundingFigures> {
  // Summed by programme and status first (restricted projects have rows of their own), so only
  // those few groups meet the programmes and funders.
  const groups = db
    .selectFrom("territory_concerned_funding_totals as g")
    .where("g.territory_id", "=", territoryId)
    .where((eb) => totalsVisibleTo(eb as unknown as TotalsEb, viewer))
    .select([
      "g.programme_id",
      "g.status",
      sql<number>`sum(g.application_count)`.as("n"),
      sql<number>`sum(g.requested_cents)`.as("requested"),
      sql<number>`sum(g.granted_cents)`.as("granted"),
      sql<number>`sum(g.paid_cents)`.as("paid"),
    ])
    .groupBy(["g.programme_id", "g.status"])
    .as("s");
  const rows = await db
    .selectFrom(groups)
    .innerJoin("funding_programmes as pr", "pr.id", "s.programme_id")
    .innerJoin("funders as f", "f.id", "pr.funder_id")
    .select([
      "s.programme_id",
      "s.status",
      "s.n",
      "s.requested",
      "s.granted",
      "s.paid",
      "pr.name as programme_name",
      "pr.acronym as programme_acronym",
      "f.name as funder_name",
      "f.kind as funder_kind",
    ])
    .execute();

  const byKind = new Map<FunderKind, TerritoryFundingFigures["byFunderKind"][number]>();
  const byProgramme = new Map<string, TerritoryFundingFigures["byProgramme"][number]>();
  const byStatus = new Map<ApplicationStatus, number>();
  for (const row of rows) {
    const count = Number(row.n);
    const amounts = {
      requestedCents: isPending(row.status) ? Number(row.requested ?? 0) : 0,
      grantedCents: isAwarded(row.status) ? Number(row.granted ?? 0) : 0,
      // Only granted and closed applications are paid; a payment never counts under another status.
      paidCents: isAwarded(row.status) ? Number(row.paid ?? 0) : 0,
    };
    const kind = byKind.get(row.funder_kind) ?? { funderKind: row.funder_kind, ...none() };
    byKind.set(row.funder_kind, add(kind, count, amounts));
    const programme = byProgramme.get(row.programme_id) ?? {
      programme: { id: row.programme_id, name: row.programme_name, acronym: row.programme_acronym },
      funder: { name: row.funder_name, kind: row.funder_kind },
      ...none(),
    };
    byProgramme.set(row.programme_id, add(programme, count, amounts));
    byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + count);
  }
  return {
    byFunderKind: [...byKind.values()].sort((a, b) => a.funderKind.localeCompare(b.funderKind)),
    byProgramme: [...byProgramme.values()].sort(
      (a, b) => b.grantedCents - a.grantedCents || a.programme.name.localeCompare(b.programme.name, "fr"),
    ),
    byStatus: [...byStatus]
      .map(([status, count]) => ({ status, count }))
      .sort((a, b) => a.status.localeCompare(b.status)),
  };
}

export interface TerritoryDashboard {
  territoryId: string;
  today: string;
  projects: TerritoryProjectCounts;
  funding: TerritoryFundingFigures & {
    totals: FundingAmounts;
    /** (granted + closed) / (granted + closed + rejected); null while nothing was decided. */
    successRate: Ratio | null;
  };
  upcomingDeadlines: DatedDeadline[];
}

/** The next 60 days: what a dashboard's reader can still act on this season. */
const DASHBOARD_DAYS = 60;

/** A handful of grouped statements whatever the territory's size: no query per project or application. */
export async function territoryDashboard(
  db: Kysely<Database>,
  territoryId: string,
  viewer: ProjectViewer,
  today: string,
): Promise<TerritoryDashboard> {
  const [projects, funding, deadlines] = await Promise.all([
    countTerritoryProjects(db, territoryId, viewer),
    sumTerritoryFunding(db, territoryId, viewer),
    readDeadlines(db, { territoryIds: [territoryId], today, days: DASHBOARD_DAYS, overdue: false }, viewer),
  ]);
  const countOf = (statuses: readonly ApplicationStatus[]) =>
    funding.byStatus.filter((s) => statuses.includes(s.status)).reduce((sum, s) => sum + s.count, 0);
  const awarded = countOf(AWARDED_APPLICATION_STATUSES);
  const decided = countOf(DECIDED_APPLICATION_STATUSES);
  const totals = funding.byFunderKind.reduce<FundingAmounts>(
    (sum, kind) => ({
      applicationCount: sum.applicationCount + kind.applicationCount,
      requestedCents: sum.requestedCents + kind.requestedCents,
      grantedCents: sum.grantedCents + kind.grantedCents,
      paidCents: sum.paidCents + kind.paidCents,
    }),
    { applicationCount: 0, requestedCents: 0, grantedCents: 0, paidCents: 0 },
  );
  return {
    territoryId,
    today,
    projects,
    funding: { ...funding, totals, successRate: decided > 0 ? { numerator: awarded, denominator: decided } : null },
    upcomingDeadlines: deadlines.upcoming,
  };
}
