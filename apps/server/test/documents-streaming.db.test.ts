import { createHash } from "node:crypto";
import { MAX_DOCUMENT_BYTES } from "@trame/core";
import { DOCUMENT_CHUNK_BYTES } from "@trame/db";
import { describe, expect, it } from "vitest";
import { sweepOrphanChunks } from "../src/documents/document-store.ts";
import { trameError, useDocumentApp } from "./support/document-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

/**
 * Uploads stream into `document_chunks` and downloads stream out of it (ADR 0018): these tests hold
 * the bytes identical across chunk boundaries and a refused upload leaving no chunk behind.
 */
const testDb = useTestDb();
const env = useDocumentApp(testDb);

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

/** Every byte value in a pattern that never repeats at a chunk's period, after a real magic number. */
function fileOf(size: number, magic: string): Uint8Array {
  const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31 + (i >> 11)) % 256);
  bytes.set(new TextEncoder().encode(magic));
  return bytes;
}

const chunkCount = async () => {
  const row = await testDb()
    .db.selectFrom("document_chunks")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  return Number(row.n);
};

describe("documents joints : flux de dépôt et de téléchargement", () => {
  it("un fichier de plusieurs morceaux revient octet pour octet, découpé en morceaux de 256 Kio", async () => {
    const content = fileOf(3 * DOCUMENT_CHUNK_BYTES + 12_345, "%PDF-1.7\n");
    const before = await chunkCount();
    const created = await env.http.uploadFile(
      env.world.as.partnerEditor,
      { projectId: env.world.ids.networkProjectId },
      { name: "annexes.pdf", content },
    );
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ sizeBytes: content.byteLength, sha256: sha256(content) });
    expect(await chunkCount()).toBe(before + 4);

    const response = await env.http.download(env.world.as.partnerViewer, created.json().id);
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-length"]).toBe(String(content.byteLength));
    expect(Buffer.compare(response.rawPayload, Buffer.from(content))).toBe(0);
  });

  it("un type refusé après le premier Mio est arrêté sans laisser de morceau, message bilingue", async () => {
    const before = await chunkCount();
    const response = await env.http.uploadFile(
      env.world.as.leadEditor,
      { projectId: env.world.ids.restrictedProjectId },
      { name: "setup.pdf", content: fileOf(6 * DOCUMENT_CHUNK_BYTES, "MZ\x90\x00"), type: "application/pdf" },
    );
    expect(response.statusCode).toBe(400);
    const error = trameError(response);
    expect(error.fields.map((f) => f.field)).toEqual(["file"]);
    expect(error.message.fr).toContain("Type de fichier refusé");
    expect(error.message.en).toContain("File type refused");
    expect(await chunkCount()).toBe(before);
  });

  it("un fichier trop gros, coupé à 20 Mio par l'analyseur, ne laisse aucun morceau", async () => {
    const before = await chunkCount();
    const response = await env.http.uploadFile(
      env.world.as.partnerEditor,
      { actionId: env.world.ids.cooperationActionId },
      { name: "trop-gros.pdf", content: fileOf(MAX_DOCUMENT_BYTES + 1, "%PDF-1.4\n") },
    );
    expect(response.statusCode).toBe(400);
    expect(trameError(response).message.en).toBe("The file is larger than the maximum of 20 MB");
    expect(await chunkCount()).toBe(before);
  });

  it("au démarrage, les morceaux d'un dépôt interrompu depuis plus d'une heure sont effacés, pas les autres", async () => {
    const db = testDb().db;
    const documentId = crypto.randomUUID();
    const recent = crypto.randomUUID();
    await db
      .insertInto("document_chunks")
      .values([
        { document_id: documentId, seq: 0, bytes: new Uint8Array([1]), created_at: "2026-01-01T00:00:00Z" },
        { document_id: recent, seq: 0, bytes: new Uint8Array([2]) },
      ])
      .execute();
    expect(await sweepOrphanChunks(db)).toBe(1);
    const left = await db
      .selectFrom("document_chunks")
      .select("document_id")
      .where("document_id", "in", [documentId, recent])
      .execute();
    expect(left.map((row) => row.document_id)).toEqual([recent]);
  });
});
