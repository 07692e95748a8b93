import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export interface ImportUpload {
  id: string;
  cooperationId: string;
  uploadedBy: string;
  fileName: string;
  sha256: string;
  content: Buffer;
}

const json = (value: unknown) => sql`${JSON.stringify(value)}::jsonb`;

/** Bytes as base64 text that PostgreSQL decodes itself (see document.queries.ts: PGlite's bytea is slow). */
export async function insertImportUpload(db: Kysely<Database>, upload: Omit<ImportUpload, "id">): Promise<string> {
  const { id } = await db
    .insertInto("import_uploads")
    .values({
      cooperation_id: upload.cooperationId,
      uploaded_by: upload.uploadedBy,
      file_name: upload.fileName,
      sha256: upload.sha256,
      content: sql<Uint8Array>`decode(${upload.content.toString("base64")}, 'base64')`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function getImportUpload(db: Kysely<Database>, id: string): Promise<ImportUpload | undefined> {
  const row = await db
    .selectFrom("import_uploads")
    .select([
      "id",
      "cooperation_id",
      "uploaded_by",
      "file_name",
      "sha256",
      sql<string>`encode(content, 'base64')`.as("content"),
    ])
    .where("id", "=", id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      cooperationId: row.cooperation_id,
      uploadedBy: row.uploaded_by,
      fileName: row.file_name,
      sha256: row.sha256,
      content: Buffer.from(row.content, "base64"),
    }
  );
}

/** Uploads older than a day were abandoned in the preview: nothing refers to them. */
export async function deleteStaleImportUploads(db: Kysely<Database>): Promise<number> {
  const result = await db
    .deleteFrom("import_uploads")
    .where("created_at", "<", sql<string>`now() - interval '1 day'`)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findImportKeys(
  db: Kysely<Database>,
  cooperationId: string,
  kind: string,
  keys: readonly string[],
): Promise<Map<string, string>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom("import_keys")
    .select(["key", "entity_id"])
    .where("cooperation_id", "=", cooperationId)
    .where("kind", "=", kind)
    .where("key", "in", [...new Set(keys)])
    .execute();
  return new Map(rows.map((row) => [row.key, row.entity_id]));
}

export async function recordImportKey(
  db: Kysely<Database>,
  entry: { cooperationId: string; kind: string; key: string; entityId: string },
): Promise<void> {
  await db
    .insertInto("import_keys")
    .values({ cooperation_id: entry.cooperationId, kind: entry.kind, key: entry.key, entity_id: entry.entityId })
    .onConflict((oc) => oc.columns(["cooperation_id", "kind", "key"]).doUpdateSet({ entity_id: entry.entityId }))
    .execute();
}

export interface ImportRunSummary {
  id: string;
  kind: string;
  mode: string;
  fileName: string;
  sha256: string;
  created: number;
  updated: number;
  skipped: number;
  actor: { id: string; name: string } | null;
  createdAt: string;
}

export async function insertImportRun(
  db: Kysely<Database>,
  run: Omit<ImportRunSummary, "id" | "actor" | "createdAt"> & {
    cooperationId: string;
    actorId: string;
    report: unknown;
  },
): Promise<string> {
  const { id } = await db
    .insertInto("import_runs")
    .values({
      cooperation_id: run.cooperationId,
      actor_id: run.actorId,
      kind: run.kind,
      mode: run.mode,
      file_name: run.fileName,
      sha256: run.sha256,
      created_count: run.created,
      updated_count: run.updated,
      skipped_count: run.skipped,
      report: json(run.report),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

function runQuery(db: Kysely<Database>) {
  return db
    .selectFrom("import_runs as r")
    .leftJoin("users as u", "u.id", "r.actor_id")
    .select([
      "r.id",
      "r.cooperation_id",
      "r.kind",
      "r.mode",
      "r.file_name",
      "r.sha256",
      "r.created_count",
      "r.updated_count",
      "r.skipped_count",
      "r.created_at",
      "u.id as actor_id",
      "u.name as actor_name",
    ]);
}

type RunRow = Awaited<ReturnType<ReturnType<typeof runQuery>["executeTakeFirstOrThrow"]>>;

function toSummary(row: RunRow): ImportRunSummary {
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    fileName: row.file_name,
    sha256: row.sha256,
    created: row.created_count,
    updated: row.updated_count,
    skipped: row.skipped_count,
    actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
    createdAt: row.created_at,
  };
}

export async function listImportRuns(db: Kysely<Database>, cooperationId: string): Promise<ImportRunSummary[]> {
  const rows = await runQuery(db)
    .where("r.cooperation_id", "=", cooperationId)
    .orderBy("r.created_at", "desc")
    .orderBy("r.id")
    .limit(100)
    .execute();
  return rows.map(toSummary);
}

export async function getImportRun(
  db: Kysely<Database>,
  id: string,
): Promise<(ImportRunSummary & { cooperationId: string; report: unknown }) | undefined> {
  const row = await runQuery(db).select("r.report").where("r.id", "=", id).executeTakeFirst();
  return row && { ...toSummary(row), cooperationId: row.cooperation_id, report: row.report };
}

export async function getImportMapping(
  db: Kysely<Database>,
  cooperationId: string,
  signature: string,
): Promise<Record<string, string | null> | undefined> {
  const row = await db
    .selectFrom("import_mappings")
    .select("mapping")
    .where("cooperation_id", "=", cooperationId)
    .where("signature", "=", signature)
    .executeTakeFirst();
  return row?.mapping as Record<string, string | null> | undefined;
}

export async function saveImportMapping(
  db: Kysely<Database>,
  entry: { cooperationId: string; signature: string; mapping: Record<string, string | null> },
): Promise<void> {
  await db
    .insertInto("import_mappings")
    .values({ cooperation_id: entry.cooperationId, signature: entry.signature, mapping: json(entry.mapping) })
    .onConflict((oc) =>
      oc.columns(["cooperation_id", "signature"]).doUpdateSet({ mapping: json(entry.mapping), updated_at: sql`now()` }),
    )
    .execute();
}

export async function deleteImportUpload(db: Kysely<Database>, id: string): Promise<void> {
  await db.deleteFrom("import_uploads").where("id", "=", id).execute();
}

/** Every key an earlier import of this cooperation recorded for the kind. */
export async function listImportKeys(
  db: Kysely<Database>,
  cooperationId: string,
  kind: string,
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom("import_keys")
    .select(["key", "entity_id"])
    .where("cooperation_id", "=", cooperationId)
    .where("kind", "=", kind)
    .execute();
  return new Map(rows.map((row) => [row.key, row.entity_id]));
}

export interface ImportedAction {
  id: string;
  title: string;
  cooperationId: string;
  cooperationName: string;
  projectId: string | null;
  projectTitle: string | null;
}

/** Where an import's new actions were logged, with the names a notification shows; in no particular order. */
export async function listImportedActions(db: Kysely<Database>, ids: readonly string[]): Promise<ImportedAction[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom("actions as a")
    .innerJoin("cooperations as c", "c.id", "a.cooperation_id")
    .leftJoin("projects as p", "p.id", "a.project_id")
    .select([
      "a.id",
      "a.title",
      "a.cooperation_id",
      "c.name as cooperation_name",
      "a.project_id",
      "p.title as project_title",
    ])
    .where("a.id", "in", ids)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    cooperationId: r.cooperation_id,
    cooperationName: r.cooperation_name,
    projectId: r.project_id,
    projectTitle: r.project_title,
  }));
}
