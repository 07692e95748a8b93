import type { DocumentOwner } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import type { TrameError } from "../../lib/trpc-error.ts";
import type { ProjectDocument } from "./project-model.ts";

/** A failed document request: the server's payload (same shape as tRPC's), or null when it never answered. */
export class DocumentRequestError extends Error {
  constructor(readonly trame: TrameError | null) {
    super(trame?.message.en ?? "network error");
    this.name = "DocumentRequestError";
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
 * Uploads through XMLHttpRequest rather than fetch: only XHR reports upload progress, which matters
 * for a 20 MB scan on a slow line. The owner field goes before the file, as the server requires,
 * so it can refuse an upload before reading its bytes.
 */
export function uploadDocument(
  owner: DocumentOwner,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<ProjectDocument> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/documents");
    xhr.responseType = "json";
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status === 201) resolve(xhr.response as ProjectDocument);
      else reject(new DocumentRequestError(payloadOf(xhr.response)));
    };
    xhr.onerror = () => reject(new DocumentRequestError(null));
    const body = new FormData();
    for (const [field, id] of Object.entries(owner)) body.append(field, id);
    body.append("file", file);
    xhr.send(body);
  });
}

export async function removeDocument(id: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`/api/documents/${encodeURIComponent(id)}`, { method: "DELETE" });
  } catch {
    throw new DocumentRequestError(null);
  }
  if (!response.ok) throw new DocumentRequestError(payloadOf(await response.json().catch(() => null)));
}

export const documentUrl = (id: string) => `/api/documents/${encodeURIComponent(id)}`;

export function useDocumentErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (error) =>
    error instanceof DocumentRequestError && error.trame ? format.label(error.trame.message) : t("errors.network");
}

/** "PDF · 1,2 Mo": the file's extension and its size, in the reader's number format. */
export function useDocumentSummary(): (document: { name: string; sizeBytes: number }) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return ({ name, sizeBytes }) => {
    const extension = name.includes(".") ? (name.split(".").pop() ?? "").toUpperCase() : "";
    const megabytes = sizeBytes / (1024 * 1024);
    const size =
      megabytes >= 1
        ? t("projects.documents.megabytes", { value: format.number(Math.round(megabytes * 10) / 10) })
        : t("projects.documents.kilobytes", { value: format.number(Math.max(1, Math.round(sizeBytes / 1024))) });
    return [extension, size].filter(Boolean).join(" · ");
  };
}
