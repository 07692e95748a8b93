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

  it("appliquent une migration arrivée après d'autres au nom plus récent (branches parallèles)", async () => {
    // A database migrated by a build that lacked this migration, but had the ones sorting after it.
    const late = "2026_12_05_130002_idempotency_keys";
    await sql`drop table idempotency_keys`.execute(handle.db);
    await sql`delete from kysely_migration where name = ${late}`.execute(handle.db);
    expect(await migrateToLatest(handle.db)).toEqual([late]);
    const tables = await handle.db.introspection.getTables();
    expect(tables.map((t) => t.name)).toContain("idempotency_keys");
  });

  it("rendent les montants bigint en nombres, les dates en AAAA-MM-JJ et les instants en ISO", async () => {
    const { rows } = await sql<{ n: unknown; d: unknown; t: unknown }>`
      select 12345678901::bigint as n, date '2026-11-26' as d, timestamptz '2026-11-26 10:00:00+01' as t`.execute(
      handle.db,
    );
    expect(rows[0]).toEqual({ n: 12345678901, d: "2026-11-26", t: "2026-11-26T09:00:00.000Z" });
  });
});
