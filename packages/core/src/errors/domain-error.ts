import type { Label } from "../enums/label.ts";
import { type MessageKey, type MessageParams, translate } from "./messages.ts";

/** What went wrong, independent of the transport; the server maps each code to a tRPC code in one table. */
export const DOMAIN_ERROR_CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "TOO_MANY_REQUESTS",
  "UNAVAILABLE",
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export interface FieldError {
  /** Dotted path of the offending input field, e.g. `members.0.role`. */
  field: string;
  message: Label;
}

export interface DomainErrorDetails {
  fields?: FieldError[];
  /** For CONFLICT: the stored state the client's version was stale against. */
  current?: unknown;
  /** For PRECONDITION_FAILED on a workflow: the states one may move to. */
  allowed?: readonly string[];
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly label: Label;
  readonly details: DomainErrorDetails;

  constructor(code: DomainErrorCode, key: MessageKey, params: MessageParams = {}, details: DomainErrorDetails = {}) {
    const label = translate(key, params);
    super(label.en);
    this.name = "DomainError";
    this.code = code;
    this.label = label;
    this.details = details;
  }
}

export function fieldError(field: string, key: MessageKey, params: MessageParams = {}): DomainError {
  const message = translate(key, params);
  return new DomainError("BAD_REQUEST", key, params, { fields: [{ field, message }] });
}

export function notFound(entity: Label): DomainError {
  return new DomainError("NOT_FOUND", "notFound.entity", { entity });
}
