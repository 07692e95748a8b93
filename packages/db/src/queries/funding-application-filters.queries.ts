import type { ListApplicationsInput } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { type ApplicationEb, applicationConcerns } from "./application-scope.queries.ts";
import { type ProjectEb, type ProjectViewer, projectVisibleTo } from "./project.queries.ts";

/** An application is as visible as its project: a restricted project's reach only its partners' members. */
export function visibleApplications(db: Kysely<Database>, viewer: ProjectViewer | null) {
  return db
    .selectFrom("funding_applications as a")
    .innerJoin("projects as p", "p.id", "a.project_id")
    .innerJoin("cooperations as c", "c.id", "p.cooperation_id")
    .innerJoin("territories as t", "t.id", "a.applicant_territory_id")
    .innerJoin("funding_programmes as fp", "fp.id", "a.programme_id")
    .innerJoin("funders as f", "f.id", "fp.funder_id")
    .where((eb) => (viewer ? projectVisibleTo(eb as unknown as ProjectEb, viewer) : eb.lit(true)));
}

export type VisibleApplications = ReturnType<typeof visibleApplications>;

/** A list's filters, paging aside: the board's table and its totals by status read the same set. */
export type ApplicationFilters = Omit<ListApplicationsInput, "limit" | "offset">;

/** The applications `viewer` sees, narrowed by `filters`. */
export function filteredApplications(db: Kysely<Database>, filters: ApplicationFilters, viewer: ProjectViewer) {
  let query = visibleApplications(db, viewer);
  if (filters.applicantTerritoryId) query = query.where("a.applicant_territory_id", "=", filters.applicantTerritoryId);
  if (filters.projectId) query = query.where("a.project_id", "=", filters.projectId);
  if (filters.programmeId) query = query.where("a.programme_id", "=", filters.programmeId);
  if (filters.status) query = query.where("a.status", "=", filters.status);
  if (filters.funderId) query = query.where("f.id", "=", filters.funderId);
  if (filters.funderKind) query = query.where("f.kind", "=", filters.funderKind);
  const { territoryId } = filters;
  if (territoryId) query = query.where((eb) => applicationConcerns(eb as unknown as ApplicationEb, [territoryId]));
  // An account of no territory (an instance administrator) has no applications of its own.
  if (filters.mine)
    query = query.where((eb) => applicationConcerns(eb as unknown as ApplicationEb, viewer.territoryIds));
  if (filters.query) {
    const pattern = filters.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(
      sql`lower(p.title || ' ' || fp.name || ' ' || fp.acronym || ' ' || f.name)`,
      "like",
      `%${pattern}%`,
    );
  }
  return query;
}
