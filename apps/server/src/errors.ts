import {
  DomainError,
  type DomainErrorCode,
  type FieldError,
  fieldErrorsFromZod,
  type Label,
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

/** What the client receives under `error.data.trame`: enough to show a message and mark fields. */
export interface ErrorPayload {
  code: string;
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
  return { code: error.code, message: { fr: error.message, en: error.message }, fields: [] };
}
