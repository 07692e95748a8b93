import { createHash } from "node:crypto";
import {
  type DocumentMimeType,
  documentTypeOfScanned,
  fieldError,
  legacyOfficeScan,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_SIZE_LABEL,
} from "@trame/core";

/**
 * The type is sniffed from the first MiB: every magic number file-type knows sits near the start,
 * and an OpenDocument or OOXML archive names its kind in its first entries. Kept in memory until
 * then, so at most this much per upload (ADR 0018).
 */
const SNIFF_BYTES = 1024 * 1024;
const CFB = "application/x-cfb";

export interface InspectedUpload {
  sizeBytes: number;
  sha256: string;
  mimeType: DocumentMimeType;
}

const tooLarge = () => fieldError("file", "document.tooLarge", { max: MAX_DOCUMENT_SIZE_LABEL });
const forbiddenType = () => fieldError("file", "document.forbiddenType");

/**
 * Size, SHA-256 and type of an upload, learnt from its bytes as they pass through `pass` on their
 * way to the store. A forbidden type is refused as soon as the first MiB is known, before the rest
 * is stored. `truncated` tells whether the multipart parser cut the file at the size limit.
 */
export function inspectUpload(truncated: () => boolean) {
  const hash = createHash("sha256");
  const scan = legacyOfficeScan();
  let head: Buffer[] = [];
  let headBytes = 0;
  let sizeBytes = 0;
  let sniffed: string | undefined | null = null;

  async function sniff(): Promise<void> {
    // file-type loads with the first upload, not at start (issue 14's memory budget).
    const { fileTypeFromBuffer } = await import("file-type");
    const result = await fileTypeFromBuffer(Buffer.concat(head, headBytes));
    sniffed = result?.mime;
    head = [];
    // A CFB file waits for its last byte: its stream names may sit anywhere in it.
    if (sniffed !== CFB && !documentTypeOfScanned(sniffed, scan)) throw forbiddenType();
  }

  return {
    async *pass(pieces: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
      for await (const piece of pieces) {
        sizeBytes += piece.byteLength;
        if (sizeBytes > MAX_DOCUMENT_BYTES) throw tooLarge();
        hash.update(piece);
        scan.push(piece);
        if (sniffed === null) {
          head.push(Buffer.from(piece));
          headBytes += piece.byteLength;
          if (headBytes >= SNIFF_BYTES) await sniff();
        }
        yield piece;
      }
    },
    async result(): Promise<InspectedUpload> {
      if (truncated()) throw tooLarge();
      if (sizeBytes === 0) throw fieldError("file", "document.emptyFile");
      if (sniffed === null) await sniff();
      const mimeType = documentTypeOfScanned(sniffed ?? undefined, scan);
      if (!mimeType) throw forbiddenType();
      return { sizeBytes, sha256: hash.digest("hex"), mimeType };
    },
  };
}
