import type { ImportKind } from "@trame/core";
import { postMultipart } from "../../lib/http-upload.ts";

/** The server's limit (apps/server/src/imports/spreadsheet-reader.ts): checked here too, to refuse before sending. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const ACCEPTED_FILES = ".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv";

export interface StoredUpload {
  id: string;
  fileName: string;
  sha256: string;
  sheets: { name: string; rowCount: number; firstRows: string[][] }[];
}

/** Multipart, not tRPC: a 10 MB workbook does not fit tRPC's JSON body. */
export const uploadSpreadsheet = (cooperationId: string, file: File) =>
  postMultipart<StoredUpload>("/api/imports", { cooperationId }, file);

export const templateUrl = (kind: ImportKind) => `/api/imports/templates/${kind}`;
export const reportUrl = (runId: string) => `/api/imports/runs/${encodeURIComponent(runId)}/report`;
