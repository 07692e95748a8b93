import { createHash } from "node:crypto";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./create-db.ts";
import { migrateToLatest } from "./migrate.ts";
import { DOCUMENT_CHUNK_BYTES, readDocumentChunks } from "./queries/document-chunk.queries.ts";
import { createTestDb } from "./testing/test-db.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

const MIGRATION = "2026_12_08_300001_document_chunks";

describe("migration des documents en morceaux", () => {
  it("découpe le contenu bytea d'un document existant en morceaux qui redonnent les mêmes octets", async () => {
    const db = handle.db;
    // The database as the previous build left it: the bytes in documents.content, no chunk table.
    await sql`drop table document_chunks`.execute(db);
    await sql`alter table documents add column content bytea`.execute(db);
    await sql`delete from kysely_migration where name = ${MIGRATION}`.execute(db);
    const { rows } = await sql<{ id: string }>`with c as (
        insert into cooperations (name, engagement_form, status) values ('Coopération migrée', 'convention', 'active')
        returning id)
      insert into projects (cooperation_id, title, status, visibility)
      select id, 'Projet migré', 'planned', 'network' from c returning id`.execute(db);
    const projectId = rows[0]?.id ?? "";
    const sizes = [1, DOCUMENT_CHUNK_BYTES, 2 * DOCUMENT_CHUNK_BYTES + 7];
    const contents = sizes.map((size) => Buffer.from(Uint8Array.from({ length: size }, (_, i) => (i * 13) % 256)));
    const ids: string[] = [];
    for (const content of contents) {
      const inserted = await sql<{ id: string }>`insert into documents
          (project_id, name, mime_type, size_bytes, sha256, content)
        values (${projectId}, 'ancien.pdf', 'application/pdf', ${content.length},
          ${createHash("sha256").update(content).digest("hex")}, decode(${content.toString("base64")}, 'base64'))
        returning id`.execute(db);
      ids.push(inserted.rows[0]?.id ?? "");
    }

    expect(await migrateToLatest(db)).toEqual([MIGRATION]);
    for (const [i, id] of ids.entries()) {
      const chunks = await readDocumentChunks(db, id, 0, 10);
      expect(chunks.length).toBe(Math.ceil((sizes[i] ?? 0) / DOCUMENT_CHUNK_BYTES));
      expect(Buffer.concat(chunks).equals(contents[i] ?? Buffer.alloc(0))).toBe(true);
    }
    const columns = await db.introspection.getTables();
    const documents = columns.find((table) => table.name === "documents");
    expect(documents?.columns.map((c) => c.name)).not.toContain("content");
  });
});
