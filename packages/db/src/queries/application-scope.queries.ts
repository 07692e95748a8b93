import type { ExpressionBuilder } from "kysely";
import type { Database, FundingApplicationsTable } from "../schema.ts";

export type ApplicationEb = ExpressionBuilder<Database & { a: FundingApplicationsTable }, "a">;

/**
 * "Mine", in one place: the applications that concern a set of territories are those they filed and
 * those on a project one of them partners (a partner follows the whole project's funding, whoever
 * applied). The funding board's "mine" and territory filters select with this predicate; a territory
 * page's funding figures (migration 310001) and the deadlines of Accueil and of a territory page
 * (application_concerns, 330001) read rows that triggers keep by the same rule, so they all agree
 * (the totals-drift check of the server's tests recomputes those rows from this definition).
 */
export function applicationConcerns(eb: ApplicationEb, territoryIds: readonly string[]) {
  if (territoryIds.length === 0) return eb.lit(false);
  return eb.or([
    eb("a.applicant_territory_id", "in", territoryIds),
    eb.exists(
      eb
        .selectFrom("project_partners as concerned")
        .select(eb.lit(1).as("one"))
        .whereRef("concerned.project_id", "=", "a.project_id")
        .where("concerned.territory_id", "in", territoryIds),
    ),
  ]);
}
