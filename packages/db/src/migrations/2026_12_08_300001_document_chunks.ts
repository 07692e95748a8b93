import { type Kysely, sql } from "kysely";

/**
 * Documents in bounded memory (issue 17, item 7, ADR 0018): a file's bytes leave `documents.content`
 * (one bytea value, read and written whole) for `document_chunks`, rows of 256 KiB written one at a
 * time as the upload streams in and read a few at a time as the download streams out. The same
 * tables on PGlite and PostgreSQL, so backups (a PGlite data directory, `pg_dump`) hold them as before.
 *
 * No foreign key to `documents`: chunks are written before their document row exists (PGlite has
 * one connection, so an upload cannot hold a transaction open while the client sends), and the
 * row is inserted once every byte is checked. Chunks without a row are a failed or crashed upload,
 * removed by the upload itself or by the sweep at start-up.
 */
const CHUNK_BYTES = 256 * 1024;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table document_chunks (
      document_id uuid not null,
      seq integer not null,
      bytes bytea not null,
      created_at timestamptz not null default now(),
      primary key (document_id, seq)
    )`.execute(db);
  await sql`insert into document_chunks (document_id, seq, bytes)
      select d.id, s.seq, substring(d.content from s.seq * ${sql.lit(CHUNK_BYTES)} + 1 for ${sql.lit(CHUNK_BYTES)})
      from documents d
      cross join lateral generate_series(0, greatest(length(d.content) - 1, 0) / ${sql.lit(CHUNK_BYTES)}) as s(seq)`.execute(
    db,
  );
  await sql`alter table documents drop column content`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
