import { APPLICATION_STATUSES, type ApplicationStatus } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { type ApplicationFilters, filteredApplications } from "./funding-application-filters.queries.ts";
import type { ProjectViewer } from "./project.queries.ts";

export interface ApplicationStatusTotal {
  status: ApplicationStatus;
  count: number;
  requestedCents: number;
  grantedCents: number;
  paidCents: number;
}

/**
 * Count and amounts by status over every application a list's filters select (not only the page
 * shown), in the order of the statuses' life cycle; statuses with no application are left out.
 */
export async function applicationTotalsByStatus(
  db: Kysely<Database>,
  filters: ApplicationFilters,
  viewer: ProjectViewer,
): Promise<ApplicationStatusTotal[]> {
  const rows = await filteredApplications(db, filters, viewer)
    .select([
      "a.status",
      sql<number>`count(*)`.as("count"),
      sql<number>`coalesce(sum(a.requested_cents), 0)`.as("requested_cents"),
      sql<number>`coalesce(sum(a.granted_cents), 0)`.as("granted_cents"),
      sql<number>`coalesce(sum(a.paid_cents), 0)`.as("paid_cents"),
    ])
    .groupBy("a.status")
    .execute();
  const byStatus = new Map(rows.map((row) => [row.status, row]));
  return APPLICATION_STATUSES.flatMap((status) => {
    const row = byStatus.get(status);
    if (!row) return [];
    return [
      {
        status,
        count: Number(row.count),
        requestedCents: Number(row.requested_cents),
        grantedCents: Number(row.granted_cents),
        paidCents: Number(row.paid_cents),
      },
    ];
  });
}
