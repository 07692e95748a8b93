import { type Kysely, sql } from "kysely";

/** The same function after each INSERT, UPDATE and DELETE statement, with its transition tables. */
export async function statementTriggers(db: Kysely<any>, table: string, fn: string, rows: string): Promise<void> {
  const events = [
    ["insert", `new table as new_${rows}`],
    ["update", `old table as old_${rows} new table as new_${rows}`],
    ["delete", `old table as old_${rows}`],
  ] as const;
  for (const [event, referencing] of events) {
    await sql
      .raw(`create trigger ${fn}_${event} after ${event} on ${table} referencing ${referencing}
        for each statement execute function ${fn}()`)
      .execute(db);
  }
}
