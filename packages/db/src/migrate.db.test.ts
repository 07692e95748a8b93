import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./create-db.ts";
import { migrateToLatest } from "./migrate.ts";
import { createTestDb } from "./testing/test-db.ts";

let handle: DbHandle;
beforeAll(async () => {
  handle = await createTestDb();
});
afterAll(() => handle.close());

describe("migrations", () => {
  it("partent d'une base vide et une seconde passe ne fait rien", async () => {
    expect(await migrateToLatest(handle.db)).toEqual([]);
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(["territories", "cooperations", "audit_log"]));
  });

  it("rendent les montants bigint en nombres, les dates en AAAA-MM-JJ et les instants en ISO", async () => {
    const { rows } = await sql<{ n: unknown; d: unknown; t: unknown }>`
      select 12345678901::bigint as n, date '2026-11-26' as d, timestamptz '2026-11-26 10:00:00+01' as t`.execute(
      handle.db,
    );
    expect(rows[0]).toEqual({ n: 12345678901, d: "2026-11-26", t: "2026-11-26T09:00:00.000Z" });
  });
});
