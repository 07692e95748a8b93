import { Readable } from "node:stream";
import {
  type Database,
  DOCUMENT_CHUNK_BYTES,
  deleteDocumentChunks,
  deleteOrphanDocumentChunks,
  insertDocumentChunk,
  type Kysely,
  readDocumentChunks,
} from "@trame/db";

/**
 * Where a document's bytes live, apart from its row (ADR 0018). Writes and reads go piece by
 * piece, so a 20 MiB file never sits whole in the server's memory.
 */
export interface DocumentStore {
  /** Stores the pieces in order under `id`; a failure part-way leaves what was written for `discard`. */
  write(id: string, pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<void>;
  /** The bytes stored under `id`, read as the consumer pulls them. */
  read(id: string): Readable;
  /** Removes whatever was written under `id`: a refused or failed upload leaves nothing behind. */
  discard(id: string): Promise<void>;
}

/** Chunks read per query on a download: 1 MiB in memory at most per download. */
const CHUNKS_PER_READ = 4;

/**
 * Rows of `document_chunks` in the application's own database, on PGlite and PostgreSQL alike:
 * one design for both backends, in every backup without a second place to save.
 */
export function databaseDocumentStore(db: Kysely<Database>): DocumentStore {
  return {
    async write(id, pieces) {
      let seq = 0;
      for await (const chunk of rechunk(pieces, DOCUMENT_CHUNK_BYTES)) {
        await insertDocumentChunk(db, { documentId: id, seq, bytes: chunk });
        seq += 1;
      }
    },
    read(id) {
      return Readable.from(
        (async function* () {
          for (let seq = 0; ; seq += CHUNKS_PER_READ) {
            const chunks = await readDocumentChunks(db, id, seq, CHUNKS_PER_READ);
            yield* chunks;
            if (chunks.length < CHUNKS_PER_READ) return;
          }
        })(),
        // One chunk buffered ahead: the socket's pace sets the reads.
        { highWaterMark: 1, objectMode: false },
      );
    },
    discard: (id) => deleteDocumentChunks(db, id),
  };
}

/** An upload interrupted by a crash is older than this when the next start sweeps it away. */
const ORPHAN_AGE_MINUTES = 60;

/** Chunks left by uploads a crash stopped; run at start-up. */
export function sweepOrphanChunks(db: Kysely<Database>): Promise<number> {
  return deleteOrphanDocumentChunks(db, ORPHAN_AGE_MINUTES);
}

/** Regroups pieces of any size into pieces of `size` bytes (the last one shorter), copying once. */
export async function* rechunk(
  pieces: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  size: number,
): AsyncGenerator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for await (const piece of pieces) {
    let rest = Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
    while (pendingBytes + rest.length >= size) {
      const take = size - pendingBytes;
      yield Buffer.concat([...pending, rest.subarray(0, take)], size);
      pending = [];
      pendingBytes = 0;
      rest = rest.subarray(take);
    }
    if (rest.length > 0) {
      // A copy: the parser may reuse the memory behind a piece once it is handed over.
      pending.push(Buffer.from(rest));
      pendingBytes += rest.length;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}
