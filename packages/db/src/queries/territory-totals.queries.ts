import type { ApplicationStatus, FunderKind, ListApplicationsInput } from "@trame/core";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { type Viewer, viewerTerritories } from "./viewer.ts";

/**
 * Readers of the per-territory totals (migration 000005). Their rows keep each restricted project
 * apart (`restricted_project_id`), with a copy of its partners (`restricted_partner_ids`, migration
 * 320001), so the visibility rule of projectVisibleTo applies to them as is, read on the row itself:
 * network rows for everyone, a restricted project's rows for members of one of its partners.
 */
export type TotalsEb = ExpressionBuilder<
  Database & {
    g: { restricted_project_id: string | null; restricted_partner_ids: string[] | null };
  },
  "g"
>;

export function totalsVisibleTo(eb: TotalsEb, viewer: Viewer) {
  if (viewer.isInstanceAdmin) return eb.lit(true);
  if (viewer.territoryIds.length === 0) return eb("g.restricted_project_id", "is", null);
  return eb.or([
    eb("g.restricted_project_id", "is", null),
    eb("g.restricted_partner_ids", "&&", viewerTerritories(viewer)),
  ]);
}

/** The filters of an application list that the totals can count without reading the applications. */
export interface CountableApplicationFilters {
  applicantTerritoryId: string;
  programmeId?: string;
  status?: ApplicationStatus;
  funderId?: string;
  funderKind?: FunderKind;
}

/**
 * How many applications the viewer sees among a territory's, as a scalar subquery: it runs inside
 * the page's statement, so the count and the page come from the same snapshot.
 */
export function countedApplications(db: Kysely<Database>, filters: CountableApplicationFilters, viewer: Viewer) {
  let query = db
    .selectFrom("territory_funding_totals as g")
    .where("g.applicant_territory_id", "=", filters.applicantTerritoryId)
    .where((eb) => totalsVisibleTo(eb as unknown as TotalsEb, viewer));
  if (filters.programmeId) query = query.where("g.programme_id", "=", filters.programmeId);
  if (filters.status) query = query.where("g.status", "=", filters.status);
  if (filters.funderId || filters.funderKind) {
    const { funderId, funderKind } = filters;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("funding_programmes as cpr")
          .innerJoin("funders as cf", "cf.id", "cpr.funder_id")
          .select(eb.lit(1).as("one"))
          .whereRef("cpr.id", "=", "g.programme_id")
          .$if(funderId !== undefined, (q) => q.where("cf.id", "=", funderId as string))
          .$if(funderKind !== undefined, (q) => q.where("cf.kind", "=", funderKind as FunderKind)),
      ),
    );
  }
  return query.select(sql<number>`coalesce(sum(g.application_count), 0)`.as("n"));
}

/** List filters the totals can answer; any other filter set (project, words, "mine"…) counts the rows. */
const COUNTABLE_FILTERS = new Set(["applicantTerritoryId", "programmeId", "status", "funderId", "funderKind"]);

/**
 * The `total` column of an application list page. Filtered by applicant (and programme, status or
 * funder), it is summed from the territory's totals rather than by counting every matching row
 * with `count(*) over ()`, which made a page cost as much as the whole list. Any other filter
 * (project, territory, words, "mine"…) keeps that window count, exact over the rows it filters.
 */
export function applicationListTotal(db: Kysely<Database>, input: ListApplicationsInput, viewer: Viewer) {
  const { limit: _limit, offset: _offset, ...filters } = input;
  const countable =
    input.applicantTerritoryId !== undefined &&
    Object.entries(filters).every(
      ([key, value]) => value === undefined || value === false || value === "" || COUNTABLE_FILTERS.has(key),
    );
  if (!countable || !input.applicantTerritoryId) return sql<number>`count(*) over ()`.as("total");
  const counted = countedApplications(
    db,
    {
      applicantTerritoryId: input.applicantTerritoryId,
      programmeId: input.programmeId,
      status: input.status,
      funderId: input.funderId,
      funderKind: input.funderKind,
    },
    viewer,
  );
  return sql<number>`(${counted})`.as("total");
}
