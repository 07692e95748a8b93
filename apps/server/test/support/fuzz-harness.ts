import { createHash } from "node:crypto";
import { type Database, type Kysely, sql } from "@trame/db";
import type { AnyProcedure } from "@trpc/server";
import { TRPCError } from "@trpc/server";
import type { z } from "zod";
import { errorPayload } from "../../src/errors.ts";
import { appRouter } from "../../src/root.ts";
import { summarise } from "./fuzz-values.ts";

export interface FuzzedProcedure {
  path: string;
  type: "query" | "mutation" | "subscription";
  inputs: z.core.$ZodType[];
}

/**
 * Every procedure of the router, read from tRPC's own flat record (`"auth.login"` → procedure), so
 * a procedure a colleague adds tomorrow is fuzzed without anyone listing it here.
 */
export function routerProcedures(): FuzzedProcedure[] {
  const record = appRouter._def.procedures as unknown as Record<string, AnyProcedure>;
  return Object.entries(record).map(([path, procedure]) => ({
    path,
    type: procedure._def.type,
    inputs: procedure._def.inputs as z.core.$ZodType[],
  }));
}

/** Calls `caller.a.b(input)` by its dotted path. */
export function callAt(caller: object, path: string, input: unknown): Promise<unknown> {
  let node: unknown = caller;
  for (const key of path.split(".")) node = (node as Record<string, unknown>)[key];
  return (node as (input: unknown) => Promise<unknown>)(input);
}

/** A stable seed per procedure: adding a procedure does not change what the others are fed. */
export function seedFor(base: number, path: string): number {
  return base ^ createHash("sha256").update(path).digest().readInt32BE(0);
}

/**
 * Succeeds, or fails as the client would be told: a TRPCError that is not INTERNAL_SERVER_ERROR
 * and whose payload can be built. Anything else fails the property with the cause.
 */
export async function expectHandled(caller: object, path: string, input: unknown): Promise<void> {
  try {
    await callAt(caller, path, input);
  } catch (error) {
    if (!(error instanceof TRPCError)) throw new Error(`${path}: not a TRPCError: ${String(error)}`);
    if (error.code === "INTERNAL_SERVER_ERROR") {
      const cause = error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : String(error.cause);
      throw new Error(`${path} answered 500 to ${summarise(input)}\n${cause}`);
    }
    errorPayload(error);
  }
}

/**
 * Row count and content hash of every table of the schema: any insert, update or delete between
 * two snapshots changes them. One statement, so it stays cheap enough to take around each run.
 */
export async function databaseSnapshot(db: Kysely<Database>): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`.execute(db);
  const parts = tables.rows.map(
    ({ name }) =>
      sql`select ${name}::text as name, count(*)::text || ':' || md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as state from ${sql.table(name)} t`,
  );
  if (parts.length === 0) return {};
  const rows = await sql<{ name: string; state: string }>`${sql.join(parts, sql` union all `)}`.execute(db);
  return Object.fromEntries(rows.rows.map((row) => [row.name, row.state]));
}
