import type { ImportKind } from "@trame/core";
import type { TrameError } from "../../lib/trpc-error.ts";

/** The server's limit (apps/server/src/imports/spreadsheet-reader.ts): checked here too, to refuse before sending. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_FILES = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

export interface StoredUpload {
  id: string;
  fileName: string;
  sha256: string;
  sheets: { name: string; rowCount: number; firstRows: string[][] }[];
}

/** A refused upload: the server's bilingual payload, or null when it never answered. */
export class UploadError extends Error {
  constructor(readonly trame: TrameError | null) {
    super(trame?.message.en ?? "network error");
    this.name = "UploadError";
  }
}

function payloadOf(body: unknown): TrameError | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = body.error;
  if (typeof error !== "object" || error === null || !("trame" in error)) return null;
  const trame = error.trame as TrameError;
  return typeof trame?.code === "string" && typeof trame.message?.fr === "string" ? trame : null;
}

/**
 * Multipart, not tRPC: a 10 MB workbook does not fit tRPC's JSON body. The cooperation goes before
 * the file, as the server requires, so a refusal comes before the bytes are read.
 */
export async function uploadSpreadsheet(cooperationId: string, file: File): Promise<StoredUpload> {
  const body = new FormData();
  body.append("cooperationId", cooperationId);
  body.append("file", file);
  let response: Response;
  try {
    response = await fetch("/api/imports", { method: "POST", body });
  } catch {
    throw new UploadError(null);
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.status !== 201) throw new UploadError(payloadOf(json));
  return json as StoredUpload;
}

export const templateUrl = (kind: ImportKind) => `/api/imports/templates/${kind}`;
export const reportUrl = (runId: string) => `/api/imports/runs/${encodeURIComponent(runId)}/report`;
