import type { PGlite } from "@electric-sql/pglite";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type DbHandle } from "./create-db.ts";
import { PgliteStatements } from "./pglite-statements.ts";

/** Named prepared statements must answer exactly what PGlite's own `query()` answers. */
describe("instructions préparées sur PGlite", () => {
  let handle: DbHandle;
  let pglite: PGlite;
  beforeAll(async () => {
    handle = await createDb({ dataDir: "memory://" });
    pglite = handle.pglite as PGlite;
    await pglite.exec(
      `create table t (id int primary key, amount bigint, on_day date, tags text[], data jsonb, note text)`,
    );
  }, 60_000);
  afterAll(() => handle.close());

  it("rend les mêmes lignes que query(), types compris (bigint, date, tableau, jsonb, null)", async () => {
    const statements = new PgliteStatements(pglite);
    const insert = "insert into t values ($1, $2, $3, $4, $5, $6) returning *";
    const values = [1, 12_345_678_901, "2026-11-26", ["eau", "mobilité"], JSON.stringify({ a: [1, "é"] }), null];
    const prepared = await statements.query(insert, values);
    const select = "select * from t where id = $1 and tags && $2::text[]";
    const again = await statements.query(select, [1, ["eau"]]);
    const plain = await pglite.query(select, [1, ["eau"]]);
    expect(prepared.rows).toEqual(plain.rows);
    expect(again.rows).toEqual(plain.rows);
    expect(again.rows[0]).toMatchObject({
      amount: 12_345_678_901,
      on_day: "2026-11-26",
      data: { a: [1, "é"] },
      note: null,
    });
    expect(prepared.affectedRows).toBe(1);
  });

  it("garde le code SQLSTATE des erreurs, et la connexion reste utilisable", async () => {
    const statements = new PgliteStatements(pglite);
    const insert = "insert into t (id, amount) values ($1, $2)";
    await statements.query(insert, [2, 1]);
    await expect(statements.query(insert, [2, 1])).rejects.toMatchObject({ code: "23505" });
    expect((await statements.query("select count(*)::int as n from t where id = $1", [2])).rows).toEqual([{ n: 1 }]);
  });

  it("ferme les plus anciennes au-delà de sa capacité, et prépare de nouveau une instruction fermée", async () => {
    const prepared = async () =>
      (await pglite.query<{ n: number }>("select count(*)::int as n from pg_prepared_statements")).rows[0]?.n ?? 0;
    const before = await prepared();
    const statements = new PgliteStatements(pglite, 3);
    for (let i = 0; i < 10; i++) await statements.query(`select $1::int + ${i} as n`, [i]);
    expect((await prepared()) - before).toBe(3);
    expect((await statements.query("select $1::int + 0 as n", [5])).rows).toEqual([{ n: 5 }]);
  });

  it("survit à une table modifiée sous une instruction déjà préparée", async () => {
    const statements = new PgliteStatements(pglite);
    await pglite.exec("create table u (id int)");
    const select = "select * from u where id > $1";
    await statements.query(select, [0]);
    await pglite.exec("alter table u add column label text; insert into u values (1, 'un')");
    expect((await statements.query(select, [0])).rows).toEqual([{ id: 1, label: "un" }]);
  });

  it("Kysely sur PGlite : une transaction annulée n'écrit rien, puis tout repart", async () => {
    const { db } = handle;
    await expect(
      db.transaction().execute(async (trx) => {
        await sql`insert into t (id, amount) values (${10}, ${1})`.execute(trx);
        throw new Error("annulée");
      }),
    ).rejects.toThrow("annulée");
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from t where id = ${10}`.execute(db);
    expect(rows).toEqual([{ n: 0 }]);
  });
});
