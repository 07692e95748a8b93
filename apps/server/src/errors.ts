import {
  DomainError,
  type DomainErrorCode,
  type FieldError,
  fieldErrorsFromZod,
  type Label,
  type MessageKey,
  translate,
} from "@trame/core";
import { toDomainError } from "@trame/db";
import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { ZodError } from "zod";

/** The one table from domain errors to tRPC codes (and so HTTP statuses). */
export const trpcCodeOf: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  BAD_REQUEST: "BAD_REQUEST", // invalid input: `fields` names each field and why
  UNAUTHORIZED: "UNAUTHORIZED", // no live session
  FORBIDDEN: "FORBIDDEN", // signed in, but the stored memberships do not allow it
  NOT_FOUND: "NOT_FOUND", // unknown or invisible id
  CONFLICT: "CONFLICT", // stale version (with `current`) or duplicate
  PRECONDITION_FAILED: "PRECONDITION_FAILED", // a workflow step not allowed from the current state (with `allowed`)
  TOO_MANY_REQUESTS: "TOO_MANY_REQUESTS", // sign-in throttled
  UNAVAILABLE: "SERVICE_UNAVAILABLE", // the database cannot be reached
};

/** Turns whatever a procedure threw into a TRPCError whose cause is a DomainError when we know what happened. */
export function toTrpcError(error: TRPCError): TRPCError {
  const cause = toDomainError(error.cause);
  if (cause instanceof DomainError) {
    return new TRPCError({ code: trpcCodeOf[cause.code], message: cause.label.en, cause });
  }
  return error;
}

/**
 * The codes a client can meet under `error.data.trame.code`, a closed union the web switches on with
 * the compiler's help: a domain refusal, the server's own failure (INTERNAL), or a request tRPC could
 * not route or read (TRANSPORT: malformed JSON, unknown procedure, wrong method, too large).
 */
export type TrameErrorCode = DomainErrorCode | "INTERNAL" | "TRANSPORT";

/** tRPC's own refusals, before any procedure ran, each with a message in both languages. */
const transportMessages: Partial<Record<TRPC_ERROR_CODE_KEY, MessageKey>> = {
  PARSE_ERROR: "transport.malformed",
  NOT_FOUND: "transport.unknownProcedure",
  METHOD_NOT_SUPPORTED: "transport.method",
  PAYLOAD_TOO_LARGE: "transport.tooLarge",
};

/** What the client receives under `error.data.trame`: enough to show a message and mark fields. */
export interface ErrorPayload {
  code: TrameErrorCode;
  message: Label;
  fields: FieldError[];
  current?: unknown;
  allowed?: readonly string[];
}

export function errorPayload(error: TRPCError): ErrorPayload {
  const cause = error.cause;
  if (cause instanceof DomainError) {
    return {
      code: cause.code,
      message: cause.label,
      fields: cause.details.fields ?? [],
      current: cause.details.current,
      allowed: cause.details.allowed,
    };
  }
  if (cause instanceof ZodError) {
    return { code: "BAD_REQUEST", message: translate("input.invalid"), fields: fieldErrorsFromZod(cause) };
  }
  if (error.code === "INTERNAL_SERVER_ERROR") {
    return {
      code: "INTERNAL",
      message: { fr: "Erreur interne du serveur, réessayez plus tard", en: "Internal server error, try again later" },
      fields: [],
    };
  }
  // Our procedures throw DomainErrors only (the middleware in trpc.ts converts the rest), so what is
  // left was refused by tRPC itself while routing or reading the request.
  // (tRPC reports a body JSON.parse rejected as BAD_REQUEST, with the SyntaxError as its cause.)
  const key = error.cause instanceof SyntaxError ? "transport.malformed" : transportMessages[error.code];
  return { code: "TRANSPORT", message: translate(key ?? "transport.refused"), fields: [] };
}
