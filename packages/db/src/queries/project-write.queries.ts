import type { EngineeringKind, PartnerRole, ProjectStatus, Theme, Visibility } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/**
 * Takes the project's row lock for the rest of the transaction. Every change to a project, its
 * partners or its status takes it first, so the checks made after it (version, partners, status)
 * still hold when the writes land. False when there is no such project.
 */
export async function lockProject(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom("projects").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** The editable fields of a project, as the domain names them. */
export interface ProjectFields {
  title: string;
  summary: string;
  themes: Theme[];
  startedOn: string | null;
  endedOn: string | null;
  budgetCents: number | null;
  engineeringProviderId: string | null;
  engineeringFte: number | null;
  engineeringKind: EngineeringKind;
  visibility: Visibility;
  tags: string[];
}

/** Kysely skips undefined values, so a patch maps to exactly the columns it names. */
function toColumns(fields: Partial<ProjectFields>) {
  return {
    title: fields.title,
    summary: fields.summary,
    themes: fields.themes,
    started_on: fields.startedOn,
    ended_on: fields.endedOn,
    budget_cents: fields.budgetCents,
    engineering_provider_id: fields.engineeringProviderId,
    engineering_fte: fields.engineeringFte,
    engineering_kind: fields.engineeringKind,
    visibility: fields.visibility,
    tags: fields.tags,
  };
}

export async function insertProject(
  db: Kysely<Database>,
  fields: ProjectFields & { cooperationId: string; status: ProjectStatus; statusChangedOn: string },
): Promise<string> {
  const row = await db
    .insertInto("projects")
    .values({
      ...toColumns(fields),
      cooperation_id: fields.cooperationId,
      title: fields.title,
      status: fields.status,
      status_changed_on: fields.statusChangedOn,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export type ProjectChanges = Partial<ProjectFields> & {
  status?: { to: ProjectStatus; on: string };
  archive?: true;
};

/**
 * Optimistic update: applies only while the stored version is still `version`; false when stale.
 * An empty patch still bumps the version, so a partner change is seen as a change of the project.
 */
export async function updateProject(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: ProjectChanges,
): Promise<boolean> {
  const { status, archive, ...fields } = changes;
  const result = await db
    .updateTable("projects")
    .set({
      ...toColumns(fields),
      ...(status ? { status: status.to, status_changed_on: status.on } : {}),
      ...(archive ? { archived_at: sql<string>`now()` } : {}),
      version: sql<number>`version + 1`,
      updated_at: sql<string>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export interface PartnerRow {
  territoryId: string;
  role: PartnerRole;
}

/** Delete-then-insert inside the caller's transaction: the one-lead index holds at every statement. */
/**
 * Makes the stored partners exactly `partners`, updating rows in place so what belongs to a partner
 * (its own funds) survives a change of role. The lead is written last: the one-lead index never sees
 * two leads, even for an instant, when the lead changes hands.
 */
export async function replacePartners(
  db: Kysely<Database>,
  projectId: string,
  partners: readonly PartnerRow[],
): Promise<void> {
  const keep = partners.map((p) => p.territoryId);
  await db
    .deleteFrom("project_partners")
    .where("project_id", "=", projectId)
    .$if(keep.length > 0, (qb) => qb.where("territory_id", "not in", keep))
    .execute();
  const ordered = [...partners].sort((a, b) => Number(a.role === "lead") - Number(b.role === "lead"));
  for (const partner of ordered) {
    await db
      .insertInto("project_partners")
      .values({ project_id: projectId, territory_id: partner.territoryId, role: partner.role })
      .onConflict((oc) => oc.columns(["project_id", "territory_id"]).doUpdateSet({ role: partner.role }))
      .execute();
  }
}

export async function insertStatusChange(
  db: Kysely<Database>,
  change: {
    projectId: string;
    from: ProjectStatus | null;
    to: ProjectStatus;
    changedOn: string;
    comment: string;
    changedBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto("project_status_history")
    .values({
      project_id: change.projectId,
      from_status: change.from,
      to_status: change.to,
      changed_on: change.changedOn,
      comment: change.comment,
      changed_by: change.changedBy,
    })
    .execute();
}
