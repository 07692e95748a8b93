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
import { type ProjectEb, type ProjectViewer, projectVisibleTo } from "./project.queries.ts";

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
    { programme: { id: string; name: string }; funder: { name: string; kind: FunderKind } } & FundingAmounts
  >;
  byStatus: Array<{ status: ApplicationStatus; count: number }>;
}

/** The projects `territoryId` partners, not archived, that the viewer may see. */
function partneredProjects(db: Kysely<Database>, territoryId: string, viewer: ProjectViewer) {
  return db
    .selectFrom("projects as p")
    .where("p.archived_at", "is", null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("project_partners as tp")
          .select(eb.lit(1).as("one"))
          .whereRef("tp.project_id", "=", "p.id")
          .where("tp.territory_id", "=", territoryId),
      ),
    )
    .where((eb) => projectVisibleTo(eb as ProjectEb, viewer));
}

/** Two grouped statements: by status, and by theme (a project with two themes counts under each). */
export async function countTerritoryProjects(
  db: Kysely<Database>,
  territoryId: string,
  viewer: ProjectViewer,
): Promise<TerritoryProjectCounts> {
  const [byStatus, byTheme] = await Promise.all([
    partneredProjects(db, territoryId, viewer)
      .select(["p.status", (eb) => eb.fn.countAll<number>().as("n")])
      .groupBy("p.status")
      .orderBy("p.status")
      .execute(),
    db
      .selectFrom(partneredProjects(db, territoryId, viewer).select(sql<Theme>`unnest(p.themes)`.as("theme")).as("pt"))
      .select(["pt.theme", (eb) => eb.fn.countAll<number>().as("n")])
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

const amountsOf = (row: { n: number; requested: number | null; granted: number | null; paid: number | null }) => ({
  applicationCount: Number(row.n),
  requestedCents: Number(row.requested ?? 0),
  grantedCents: Number(row.granted ?? 0),
  paidCents: Number(row.paid ?? 0),
});

/**
 * The territory's applications (as applicant) summed by funder kind, by programme and counted by
 * status in ONE scan: GROUPING SETS, with each application's payments summed through a lateral
 * join on the payments' application index. `grouping()` tells which set a row belongs to.
 */
export async function sumTerritoryFunding(
  db: Kysely<Database>,
  territoryId: string,
  viewer: ProjectViewer,
): Promise<TerritoryFundingFigures> {
  const pending = sql.join(PENDING_APPLICATION_STATUSES.map((s) => sql.lit(s)));
  const awarded = sql.join(AWARDED_APPLICATION_STATUSES.map((s) => sql.lit(s)));
  const rows = await db
    .selectFrom("funding_applications as a")
    .innerJoin("projects as p", "p.id", "a.project_id")
    .innerJoin("funding_programmes as pr", "pr.id", "a.programme_id")
    .innerJoin("funders as f", "f.id", "pr.funder_id")
    .leftJoinLateral(
      (eb) =>
        eb
          .selectFrom("funding_payments as fp")
          .select(sql<number>`coalesce(sum(fp.amount_cents), 0)`.as("paid"))
          .whereRef("fp.application_id", "=", "a.id")
          .as("pay"),
      (join) => join.onTrue(),
    )
    .where("a.applicant_territory_id", "=", territoryId)
    .where((eb) => projectVisibleTo(eb as ProjectEb, viewer))
    .select([
      "f.kind as funder_kind",
      "pr.id as programme_id",
      "pr.name as programme_name",
      "f.name as funder_name",
      "a.status",
      sql<number>`grouping(f.kind)`.as("not_kind"),
      sql<number>`grouping(pr.id)`.as("not_programme"),
      sql<number>`count(*)`.as("n"),
      sql<number | null>`sum(a.requested_cents) filter (where a.status in (${pending}))`.as("requested"),
      sql<number | null>`sum(a.granted_cents) filter (where a.status in (${awarded}))`.as("granted"),
      sql<number | null>`sum(pay.paid)`.as("paid"),
    ])
    .groupBy(sql`grouping sets ((f.kind), (pr.id, pr.name, f.name, f.kind), (a.status))`)
    .execute();

  const figures: TerritoryFundingFigures = { byFunderKind: [], byProgramme: [], byStatus: [] };
  for (const row of rows) {
    if (Number(row.not_programme) === 0) {
      figures.byProgramme.push({
        programme: { id: row.programme_id, name: row.programme_name },
        funder: { name: row.funder_name, kind: row.funder_kind },
        ...amountsOf(row),
      });
    } else if (Number(row.not_kind) === 0) {
      figures.byFunderKind.push({ funderKind: row.funder_kind, ...amountsOf(row) });
    } else {
      figures.byStatus.push({ status: row.status, count: Number(row.n) });
    }
  }
  figures.byFunderKind.sort((a, b) => a.funderKind.localeCompare(b.funderKind));
  figures.byProgramme.sort(
    (a, b) => b.grantedCents - a.grantedCents || a.programme.name.localeCompare(b.programme.name, "fr"),
  );
  figures.byStatus.sort((a, b) => a.status.localeCompare(b.status));
  return figures;
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
