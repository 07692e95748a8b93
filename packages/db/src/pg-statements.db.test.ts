import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./create-db.ts";
import { NamedStatements } from "./pg-statements.ts";
import { createTestDb, testDatabaseUrl } from "./testing/test-db.ts";

/** Prepared statements on our own connection: the names this connection holds. */
const preparedNames = sql<{ name: string }>`select name from pg_prepared_statements`;

/** Named statements on PostgreSQL servers (PGlite has its own, pglite-statements.db.test.ts). */
describe.skipIf(!testDatabaseUrl())("instructions nommées sur PostgreSQL (pg)", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await createTestDb();
    await sql`create table t (id int primary key, amount bigint, on_day date, tags text[], data jsonb, note text)`.execute(
      handle.db,
    );
  }, 60_000);
  afterAll(() => handle.close());

  it("une instruction répétée passe nommée, et rend les mêmes lignes (bigint, date, tableau, jsonb, null)", async () => {
    await sql`insert into t values (1, 12345678901, '2026-11-26', '{eau,mobilité}', '{"a":[1,"é"]}', null)`.execute(
      handle.db,
    );
    await handle.db.connection().execute(async (db) => {
      const read = () =>
        sql<Record<string, unknown>>`select * from t where id = ${1} and tags && ${["eau"]}::text[]`
          .execute(db)
          .then((result) => result.rows);
      const first = await read();
      const named = await read();
      const third = await read();
      expect(named).toEqual(first);
      expect(third).toEqual(first);
      expect(first[0]).toMatchObject({
        amount: 12_345_678_901,
        on_day: "2026-11-26",
        data: { a: [1, "é"] },
        note: null,
      });
      const names = (await preparedNames.execute(db)).rows.map((row) => row.name);
      expect(names.some((name) => name.startsWith("trame_"))).toBe(true);
    });
  });

  it("garde le code SQLSTATE des erreurs, dans une transaction aussi, et la connexion reste utilisable", async () => {
    const insert = (id: number) => sql`insert into t (id, amount) values (${id}, 1)`.execute(handle.db);
    await insert(2);
    await expect(insert(2)).rejects.toMatchObject({ code: "23505" });
    await expect(insert(2)).rejects.toMatchObject({ code: "23505" });
    await expect(
      handle.db.transaction().execute(async (trx) => {
        await sql`insert into t (id, amount) values (${3}, 1)`.execute(trx);
        await sql`insert into t (id, amount) values (${2}, 1)`.execute(trx);
      }),
    ).rejects.toMatchObject({ code: "23505" });
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from t where id in (${2}, ${3})`.execute(
      handle.db,
    );
    expect(rows).toEqual([{ n: 1 }]);
  });

  it("survit à une table modifiée sous une instruction déjà préparée (le résultat change de forme)", async () => {
    await sql`create table u (id int)`.execute(handle.db);
    await sql`insert into u values (1), (2)`.execute(handle.db);
    await handle.db.connection().execute(async (db) => {
      const read = () => sql<Record<string, unknown>>`select * from u where id > ${0} order by id`.execute(db);
      for (let i = 0; i < 3; i++) expect((await read()).rows).toEqual([{ id: 1 }, { id: 2 }]);
      await sql`alter table u add column label text default 'x'`.execute(db);
      expect((await read()).rows).toEqual([
        { id: 1, label: "x" },
        { id: 2, label: "x" },
      ]);
      expect((await read()).rows).toEqual([
        { id: 1, label: "x" },
        { id: 2, label: "x" },
      ]);
    });
  });

  it("ne nomme ni une instruction vue une fois, ni sans paramètre, ni au-delà de sa capacité", () => {
    const statements = new NamedStatements({ after: 2, capacity: 2 });
    expect(statements.nameOf("select $1::int", [1])).toBeUndefined();
    const name = statements.nameOf("select $1::int", [1]);
    expect(name).toMatch(/^trame_[0-9a-f]{24}_0$/);
    expect(statements.nameOf("select $1::int", [2])).toBe(name);
    expect(statements.nameOf("select 1", [])).toBeUndefined();
    expect(statements.nameOf("select 1", [])).toBeUndefined();
    expect(statements.nameOf("create table v (id int)", [1])).toBeUndefined();
    for (const text of ["select $1::text", "select $1::date"]) {
      statements.nameOf(text, [1]);
      statements.nameOf(text, [1]);
    }
    expect(statements.size).toBe(2);
    expect(statements.nameOf("select $1::date", [1])).toBeUndefined();
  });
});
