import { DomainError, fieldError } from "@trame/core";

interface PgLikeError {
  code?: string;
  constraint?: string;
  column?: string;
  detail?: string;
}

function isPgLike(error: unknown): error is PgLikeError {
  return typeof error === "object" && error !== null && "code" in error;
}

const camel = (name: string) => name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** `cooperation_members_territory_id_fkey` -> `territoryId`: the input field the client sent. */
function fieldFromConstraint(constraint: string | undefined, table?: string): string {
  if (!constraint) return "input";
  let name = constraint.replace(/_(fkey|key|pkey|check)$/, "");
  if (table && name.startsWith(`${table}_`)) name = name.slice(table.length + 1);
  return camel(name);
}

const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "57P01",
  "57P02",
  "57P03",
  "08000",
  "08003",
  "08006",
]);

/**
 * The one place PostgreSQL error codes become domain errors. Anything not listed is a bug and
 * stays an internal error.
 */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError || !isPgLike(error)) return error;
  const table = (error as { table?: string }).table;
  switch (error.code) {
    case "23505":
      return new DomainError("CONFLICT", "conflict.duplicate", { field: fieldFromConstraint(error.constraint, table) });
    case "23503":
      return fieldError(fieldFromConstraint(error.constraint, table), "conflict.reference");
    case "23514":
    case "22001":
    case "22003":
    case "22007":
    case "22008":
    case "22P02":
    // A character the database encoding cannot hold (NUL in text or jsonb): the client's input.
    case "22021":
    case "22P05":
      return fieldError(
        error.column ? camel(error.column) : fieldFromConstraint(error.constraint, table),
        "input.invalid",
      );
    case "40001":
    case "40P01":
      return new DomainError("CONFLICT", "conflict.stale");
    default:
      if (error.code && CONNECTION_CODES.has(error.code)) return new DomainError("UNAVAILABLE", "server.unavailable");
      return error;
  }
}
