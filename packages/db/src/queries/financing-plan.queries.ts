import type { PartnerRole } from "@trame/core";
import { type Kysely, sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database } from "../schema.ts";
import { type ProjectEb, type ProjectViewer, projectVisibleTo } from "./project.queries.ts";

/** What a project's financing plan is computed from, as stored, beside its applications (listApplications). */
export interface ProjectFinancing {
  project: {
    id: string;
    title: string;
    version: number;
    budgetCents: number | null;
    isInvestment: boolean;
    archived: boolean;
  };
  partners: Array<{ territoryId: string; name: string; role: PartnerRole; ownFundsCents: number | null }>;
}

/**
 * One project's budget and investment flag, and its partners with their own funds. Undefined when
 * the project does not exist or `viewer` may not see it; a null viewer reads past visibility, for
 * services that have already checked the actor.
 */
export async function getProjectFinancing(
  db: Kysely<Database>,
  projectId: string,
  viewer: ProjectViewer | null,
): Promise<ProjectFinancing | undefined> {
  const row = await db
    .selectFrom("projects as p")
    .where("p.id", "=", projectId)
    .where((eb) => (viewer ? projectVisibleTo(eb as ProjectEb, viewer) : eb.lit(true)))
    .select((eb) => [
      "p.id",
      "p.title",
      "p.version",
      "p.budget_cents",
      "p.is_investment",
      "p.archived_at",
      jsonArrayFrom(
        eb
          .selectFrom("project_partners as pp")
          .innerJoin("territories as t", "t.id", "pp.territory_id")
          .select(["pp.territory_id", "t.name", "pp.role", "pp.own_funds_cents"])
          .whereRef("pp.project_id", "=", "p.id")
          .orderBy(sql`pp.role = 'lead'`, "desc")
          .orderBy("t.name")
          .orderBy("t.id"),
      ).as("partners"),
    ])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    project: {
      id: row.id,
      title: row.title,
      version: row.version,
      budgetCents: row.budget_cents === null ? null : Number(row.budget_cents),
      isInvestment: row.is_investment,
      archived: row.archived_at !== null,
    },
    // Values nested as JSON skip the driver's type parsers: own funds arrive as JSON numbers.
    partners: row.partners.map((p) => ({
      territoryId: p.territory_id,
      name: p.name,
      role: p.role,
      ownFundsCents: p.own_funds_cents === null ? null : Number(p.own_funds_cents),
    })),
  };
}

/**
 * Optimistic update of the project's financing fields: applies only while the stored version is
 * still `version`, and bumps it even when only own funds change, so a colleague's plan goes stale.
 */
export async function updateProjectFunding(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: { isInvestment?: boolean | undefined },
): Promise<boolean> {
  const result = await db
    .updateTable("projects")
    .set({
      is_investment: changes.isInvestment,
      version: sql<number>`version + 1`,
      updated_at: sql<string>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** Sets the own funds of the named partners; a row that is not a partner is left untouched. */
export async function setPartnerOwnFunds(
  db: Kysely<Database>,
  projectId: string,
  rows: ReadonlyArray<{ territoryId: string; ownFundsCents: number | null }>,
): Promise<void> {
  for (const row of rows) {
    await db
      .updateTable("project_partners")
      .set({ own_funds_cents: row.ownFundsCents })
      .where("project_id", "=", projectId)
      .where("territory_id", "=", row.territoryId)
      .execute();
  }
}
