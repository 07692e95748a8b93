import type { CooperationStatus, EngagementForm, EngineeringKind, MemberRole, Theme } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/**
 * Takes the cooperation's row lock for the rest of the transaction. Every change to a cooperation, its
 * members or its form history takes it first, so the checks made after it (version, one lead, current
 * members) still hold when the writes land. False when there is no such cooperation.
 */
export async function lockCooperation(db: Kysely<Database>, id: string): Promise<boolean> {
  const row = await db.selectFrom("cooperations").select("id").where("id", "=", id).forUpdate().executeTakeFirst();
  return row !== undefined;
}

/** The editable fields of a cooperation, as the domain names them. */
export interface CooperationFields {
  name: string;
  description: string;
  status: CooperationStatus;
  startedOn: string | null;
  endedOn: string | null;
  narrativeText: string;
  narrativeAdoptedOn: string | null;
  engineeringProviderId: string | null;
  engineeringFte: number | null;
  engineeringKind: EngineeringKind;
  themes: Theme[];
  sourceUrl: string | null;
  engagementForm: EngagementForm;
}

/** Kysely skips undefined values, so a patch maps to exactly the columns it names. */
function toColumns(fields: Partial<CooperationFields>) {
  return {
    name: fields.name,
    description: fields.description,
    status: fields.status,
    started_on: fields.startedOn,
    ended_on: fields.endedOn,
    narrative_text: fields.narrativeText,
    narrative_adopted_on: fields.narrativeAdoptedOn,
    engineering_provider_id: fields.engineeringProviderId,
    engineering_fte: fields.engineeringFte,
    engineering_kind: fields.engineeringKind,
    themes: fields.themes,
    source_url: fields.sourceUrl,
    engagement_form: fields.engagementForm,
  };
}

export async function insertCooperation(db: Kysely<Database>, fields: CooperationFields): Promise<string> {
  const row = await db
    .insertInto("cooperations")
    .values({ ...toColumns(fields), name: fields.name, status: fields.status, engagement_form: fields.engagementForm })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Optimistic update: applies only while the stored version is still `version`; false when stale. */
export async function updateCooperation(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: Partial<CooperationFields> & { archive?: true },
): Promise<boolean> {
  const { archive, ...fields } = changes;
  const result = await db
    .updateTable("cooperations")
    .set({
      ...toColumns(fields),
      ...(archive ? { archived_at: sql<string>`now()` } : {}),
      version: sql<number>`version + 1`,
      updated_at: sql<string>`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/** One membership row as stored: what permission and lead checks read before a change. */
export interface StoredMembership {
  id: string;
  cooperationId: string;
  territoryId: string;
  role: MemberRole;
  joinedOn: string | null;
  leftOn: string | null;
  version: number;
}

export async function getCooperationMember(db: Kysely<Database>, id: string): Promise<StoredMembership | undefined> {
  const row = await db
    .selectFrom("cooperation_members")
    .select(["id", "cooperation_id", "territory_id", "role", "joined_on", "left_on", "version"])
    .where("id", "=", id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      cooperationId: row.cooperation_id,
      territoryId: row.territory_id,
      role: row.role,
      joinedOn: row.joined_on,
      leftOn: row.left_on,
      version: row.version,
    }
  );
}

export async function insertCooperationMember(
  db: Kysely<Database>,
  values: { cooperationId: string; territoryId: string; role: MemberRole; joinedOn: string | null },
): Promise<string> {
  const row = await db
    .insertInto("cooperation_members")
    .values({
      cooperation_id: values.cooperationId,
      territory_id: values.territoryId,
      role: values.role,
      joined_on: values.joinedOn,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Optimistic update of one membership, also how a membership ends (`leftOn`): rows are never deleted,
 * a former member stays in the cooperation's history. False when the version is stale.
 */
export async function updateCooperationMember(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: { role?: MemberRole | undefined; joinedOn?: string | null | undefined; leftOn?: string | null | undefined },
): Promise<boolean> {
  const result = await db
    .updateTable("cooperation_members")
    .set({
      role: changes.role,
      joined_on: changes.joinedOn,
      left_on: changes.leftOn,
      version: sql<number>`version + 1`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertFormPeriod(
  db: Kysely<Database>,
  values: {
    cooperationId: string;
    engagementForm: EngagementForm;
    fromOn: string | null;
    toOn?: string | null;
    note?: string;
    changedBy: string | null;
  },
): Promise<void> {
  await db
    .insertInto("cooperation_form_history")
    .values({
      cooperation_id: values.cooperationId,
      engagement_form: values.engagementForm,
      from_on: values.fromOn,
      to_on: values.toOn ?? null,
      note: values.note ?? "",
      changed_by: values.changedBy,
    })
    .execute();
}

/** Ends the open period of a cooperation's form history; returns how many rows it closed (0 or 1). */
export async function closeFormPeriod(db: Kysely<Database>, cooperationId: string, toOn: string): Promise<number> {
  const result = await db
    .updateTable("cooperation_form_history")
    .set({ to_on: toOn })
    .where("cooperation_id", "=", cooperationId)
    .where("to_on", "is", null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
