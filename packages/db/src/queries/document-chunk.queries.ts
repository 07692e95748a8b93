import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** A document's bytes are cut in chunks of this size (the last one shorter): see ADR 0018. */
export const DOCUMENT_CHUNK_BYTES = 256 * 1024;

/**
 * Bytes cross the driver as base64 text that PostgreSQL decodes and encodes itself: PGlite turns
 * a bytea parameter or result into hex one byte at a time (~17 s to write 20 MiB, ~6 s to read),
 * against ~1 s like this (and no slower through `pg`).
 */
export async function insertDocumentChunk(
  db: Kysely<Database>,
  chunk: { documentId: string; seq: number; bytes: Uint8Array },
): Promise<void> {
  const base64 = Buffer.from(chunk.bytes.buffer, chunk.bytes.byteOffset, chunk.bytes.byteLength).toString("base64");
  await db
    .insertInto("document_chunks")
    .values({ document_id: chunk.documentId, seq: chunk.seq, bytes: sql<Uint8Array>`decode(${base64}, 'base64')` })
    .execute();
}

/** Up to `count` chunks from `fromSeq` on, in order; fewer (or none) at the end of the document. */
export async function readDocumentChunks(
  db: Kysely<Database>,
  documentId: string,
  fromSeq: number,
  count: number,
): Promise<Buffer[]> {
  const rows = await db
    .selectFrom("document_chunks")
    .select(sql<string>`encode(bytes, 'base64')`.as("bytes"))
    .where("document_id", "=", documentId)
    .where("seq", ">=", fromSeq)
    .orderBy("seq")
    .limit(count)
    .execute();
  return rows.map((row) => Buffer.from(row.bytes, "base64"));
}

export async function deleteDocumentChunks(db: Kysely<Database>, documentId: string): Promise<void> {
  await db.deleteFrom("document_chunks").where("document_id", "=", documentId).execute();
}

/**
 * Chunks with no document row, older than `olderThanMinutes`: uploads that a crash or a lost
 * connection stopped before they could clean up after themselves. Recent ones may be uploads
 * still under way, so they are left alone.
 */
export async function deleteOrphanDocumentChunks(db: Kysely<Database>, olderThanMinutes: number): Promise<number> {
  const result = await db
    .deleteFrom("document_chunks as c")
    .where("c.created_at", "<", sql<string>`now() - make_interval(mins => ${olderThanMinutes})`)
    .where(({ not, exists, selectFrom }) =>
      not(exists(selectFrom("documents as d").select("d.id").whereRef("d.id", "=", "c.document_id"))),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
