import {
  type Confidence,
  type CooperationStatus,
  type EngagementForm,
  type EngineeringKind,
  type FormalityClass,
  formalityOf,
  type ListCooperationsInput,
  type MemberRole,
  searchKey,
  type TerritoryKind,
  type Theme,
} from "@trame/core";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { CooperationsTable, Database } from "../schema.ts";

export interface TerritoryRef {
  id: string;
  name: string;
}

export interface CooperationListItem {
  id: string;
  name: string;
  engagementForm: EngagementForm;
  formality: FormalityClass;
  status: CooperationStatus;
  startedOn: string | null;
  endedOn: string | null;
  themes: Theme[];
  lead: TerritoryRef | null;
  memberCount: number;
  archived: boolean;
  version: number;
  confidence: Confidence;
}

export interface CooperationMember {
  id: string;
  territory: TerritoryRef & { kind: TerritoryKind; siren: string | null };
  role: MemberRole;
  joinedOn: string | null;
  leftOn: string | null;
  version: number;
}

export interface FormPeriodEntry {
  id: string;
  engagementForm: EngagementForm;
  formality: FormalityClass;
  fromOn: string | null;
  toOn: string | null;
  note: string;
  changedBy: TerritoryRef | null;
}

export interface CooperationDetail extends CooperationListItem {
  description: string;
  narrative: { text: string; adoptedOn: string | null };
  engineering: { provider: TerritoryRef | null; fte: number | null; kind: EngineeringKind };
  sourceUrl: string | null;
  isDemo: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  members: CooperationMember[];
  formHistory: FormPeriodEntry[];
}

type CoopEb = ExpressionBuilder<Database & { c: CooperationsTable }, "c">;

/** The one definition of "current member", shared by the list filter, the counts and the lead. */
function currentMembers(eb: CoopEb) {
  return eb
    .selectFrom("cooperation_members as cm")
    .whereRef("cm.cooperation_id", "=", "c.id")
    .where("cm.left_on", "is", null);
}

function leadOf(eb: CoopEb) {
  return jsonObjectFrom(
    currentMembers(eb)
      .innerJoin("territories as lt", "lt.id", "cm.territory_id")
      .select(["lt.id", "lt.name"])
      .where("cm.role", "=", "lead"),
  );
}

function memberCountOf(eb: CoopEb) {
  return currentMembers(eb).select((sub) => sub.fn.countAll<number>().as("n"));
}

const ACCENTED = "àáâãäåçèéêëìíîïñòóôõöùúûüýÿ";
const PLAIN = "aaaaaaceeeeiiiinooooouuuuyy";
const SEPARATORS = "'’`-–—_.,;:()/";

/**
 * Folds a stored name as `searchKey` folds the query (case, French accents, punctuation), in SQL. The
 * trigram index on lower(name) cannot serve this expression; an indexed fold needs a stored key column
 * as territories have. Cooperations number in the thousands nationally, so the scan stays cheap.
 */
const foldedName = sql<string>`btrim(regexp_replace(translate(replace(replace(lower(c.name), 'œ', 'oe'), 'æ', 'ae'), ${
  ACCENTED + SEPARATORS
}, ${PLAIN + " ".repeat(SEPARATORS.length)}), '\\s+', ' ', 'g'))`;

function listRowQuery(db: Kysely<Database>) {
  return db
    .selectFrom("cooperations as c")
    .select((eb) => [
      "c.id",
      "c.name",
      "c.engagement_form",
      "c.status",
      "c.started_on",
      "c.ended_on",
      "c.themes",
      "c.archived_at",
      "c.version",
      "c.confidence",
      leadOf(eb).as("lead"),
      memberCountOf(eb).as("member_count"),
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listRowQuery>["executeTakeFirstOrThrow"]>>;

function toListItem(row: ListRow): CooperationListItem {
  return {
    id: row.id,
    name: row.name,
    engagementForm: row.engagement_form,
    formality: formalityOf[row.engagement_form],
    status: row.status,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    themes: row.themes,
    lead: row.lead,
    memberCount: Number(row.member_count ?? 0),
    archived: row.archived_at !== null,
    version: row.version,
    confidence: row.confidence,
  };
}

export async function listCooperations(
  db: Kysely<Database>,
  input: ListCooperationsInput,
): Promise<{ items: CooperationListItem[]; total: number }> {
  let query = listRowQuery(db);
  if (!input.includeArchived) query = query.where("c.archived_at", "is", null);
  if (input.engagementForm) query = query.where("c.engagement_form", "=", input.engagementForm);
  if (input.status) query = query.where("c.status", "=", input.status);
  if (input.theme) query = query.where(sql<boolean>`${input.theme} = any(c.themes)`);
  const { territoryId } = input;
  if (territoryId) {
    query = query.where((eb) =>
      eb.exists(currentMembers(eb).select("cm.id").where("cm.territory_id", "=", territoryId)),
    );
  }
  const key = searchKey(input.query);
  if (key) {
    // Escape LIKE wildcards typed by the user: "%" must search for a percent sign, not match everything.
    const pattern = key.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(foldedName, "like", `%${pattern}%`);
  }
  const rows = await query
    .select(sql<number>`count(*) over ()`.as("total"))
    .orderBy(sql`lower(c.name)`)
    .orderBy("c.id")
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { items: rows.map(toListItem), total: Number(rows[0]?.total ?? 0) };
}

export async function getCooperation(db: Kysely<Database>, id: string): Promise<CooperationDetail | undefined> {
  const row = await listRowQuery(db)
    .leftJoin("territories as p", "p.id", "c.engineering_provider_id")
    .select((eb) => [
      "c.description",
      "c.narrative_text",
      "c.narrative_adopted_on",
      "p.id as provider_id",
      "p.name as provider_name",
      "c.engineering_fte",
      "c.engineering_kind",
      "c.source_url",
      "c.is_demo",
      "c.created_at",
      "c.updated_at",
      jsonArrayFrom(
        eb
          .selectFrom("cooperation_members as m")
          .innerJoin("territories as t", "t.id", "m.territory_id")
          .select([
            "m.id",
            "m.role",
            "m.joined_on",
            "m.left_on",
            "m.version",
            "t.id as territory_id",
            "t.name as territory_name",
            "t.kind as territory_kind",
            "t.siren as territory_siren",
          ])
          .whereRef("m.cooperation_id", "=", "c.id")
          // Current members first, the lead on top; former members after, most recent departure first.
          .orderBy(sql`m.left_on is not null`)
          .orderBy(sql`m.role = 'lead'`, "desc")
          .orderBy("m.left_on", (ob) => ob.desc().nullsFirst())
          .orderBy("t.name")
          .orderBy("m.id"),
      ).as("members"),
      jsonArrayFrom(
        eb
          .selectFrom("cooperation_form_history as h")
          .leftJoin("users as u", "u.id", "h.changed_by")
          .select([
            "h.id",
            "h.engagement_form",
            "h.from_on",
            "h.to_on",
            "h.note",
            "u.id as user_id",
            "u.name as user_name",
          ])
          .whereRef("h.cooperation_id", "=", "c.id")
          .orderBy("h.from_on", (ob) => ob.asc().nullsFirst())
          .orderBy("h.created_at")
          .orderBy("h.id"),
      ).as("form_history"),
    ])
    .where("c.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toListItem(row),
    description: row.description,
    narrative: { text: row.narrative_text, adoptedOn: row.narrative_adopted_on },
    engineering: {
      provider: row.provider_id && row.provider_name ? { id: row.provider_id, name: row.provider_name } : null,
      fte: row.engineering_fte === null ? null : Number(row.engineering_fte),
      kind: row.engineering_kind,
    },
    sourceUrl: row.source_url,
    isDemo: row.is_demo,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    members: row.members.map((m) => ({
      id: m.id,
      territory: { id: m.territory_id, name: m.territory_name, kind: m.territory_kind, siren: m.territory_siren },
      role: m.role,
      joinedOn: m.joined_on,
      leftOn: m.left_on,
      version: m.version,
    })),
    formHistory: row.form_history.map((h) => ({
      id: h.id,
      engagementForm: h.engagement_form,
      formality: formalityOf[h.engagement_form],
      fromOn: h.from_on,
      toOn: h.to_on,
      note: h.note,
      changedBy: h.user_id && h.user_name ? { id: h.user_id, name: h.user_name } : null,
    })),
  };
}
