import type { AppRouter } from "@trame/server";
import { isTRPCClientError, type TRPCClientErrorLike } from "@trpc/client";

/** What the server puts under `error.data.trame` (message and per-field errors in French and English). */
export type TrameError = NonNullable<TRPCClientErrorLike<AppRouter>["data"]>["trame"];

/** The server's error payload, or null when the request never got an answer from the API (network, proxy). */
export function trameErrorOf(error: unknown): TrameError | null {
  if (!isTRPCClientError<AppRouter>(error)) return null;
  return error.data?.trame ?? null;
}
