import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format.ts";
import type { TrameError } from "./trpc-error.ts";

/**
 * A failed request outside tRPC (a multipart upload, say): the server's bilingual payload, the same
 * shape as tRPC's, or null when it never answered.
 */
export class HttpRequestError extends Error {
  constructor(readonly trame: TrameError | null) {
    super(trame?.message.en ?? "network error");
    this.name = "HttpRequestError";
  }
}

/** The payload of a refusal's JSON body (`{ error: { trame } }`), if it has one. */
export function trameErrorOfBody(body: unknown): TrameError | null {
  if (typeof body !== "object" || body === null || !("error" in body)) return null;
  const error = body.error;
  if (typeof error !== "object" || error === null || !("trame" in error)) return null;
  const trame = error.trame as TrameError;
  return typeof trame?.code === "string" && typeof trame.message?.fr === "string" ? trame : null;
}

/** The fields before the file, as the server requires: it can refuse an upload before reading its bytes. */
export function multipartOf(fields: Readonly<Record<string, string>>, file: File): FormData {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append("file", file);
  return body;
}

/** Posts the fields and the file; resolves with the stored upload the server describes in its 201 answer. */
export async function postMultipart<T>(url: string, fields: Readonly<Record<string, string>>, file: File): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", body: multipartOf(fields, file) });
  } catch {
    throw new HttpRequestError(null);
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.status !== 201) throw new HttpRequestError(trameErrorOfBody(json));
  return json as T;
}

/** The words for a failed upload: the server's own message, or the network's when it never answered. */
export function useHttpErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (error) =>
    error instanceof HttpRequestError && error.trame ? format.label(error.trame.message) : t("errors.network");
}
