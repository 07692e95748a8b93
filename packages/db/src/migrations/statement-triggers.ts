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

/**
 * A statement trigger's body over signed rows: `deltas` of the inserted rows (+1), of the deleted
 * rows (−1), or of both for an update. `signed(table, sign)` selects a transition table's rows.
 */
export function bySignedRows(
  deltas: (rows: string) => string,
  signed: (table: string, sign: number) => string,
  rows: string,
): string {
  return `if tg_op = 'INSERT' then
        ${deltas(signed(`new_${rows}`, 1))}
      elsif tg_op = 'DELETE' then
        ${deltas(signed(`old_${rows}`, -1))}
      else
        ${deltas(`${signed(`old_${rows}`, -1)} union all ${signed(`new_${rows}`, 1)}`)}
      end if;`;
}

/**
 * Adds a pending table's signed funding differences to its totals, keyed by (`territory`, programme,
 * status, restricted project), keys in order; a total that comes back to no application is deleted.
 */
export function applyFundingPending(pending: string, totals: string, territory: string): string {
  return `for r in with d as (delete from ${pending} returning *)
        insert into ${totals} as t (${territory}, programme_id, status, restricted_project_id,
          application_count, requested_cents, granted_cents, paid_cents)
        select ${territory}, programme_id, status, restricted_project_id, sum(application_count),
               sum(requested_cents), sum(granted_cents), sum(paid_cents)
        from d group by 1, 2, 3, 4
        having sum(application_count) <> 0 or sum(requested_cents) <> 0 or sum(granted_cents) <> 0
            or sum(paid_cents) <> 0
        order by 1, 2, 3, 4
        on conflict (${territory}, programme_id, status, restricted_project_id) do update set
          application_count = t.application_count + excluded.application_count,
          requested_cents = t.requested_cents + excluded.requested_cents,
          granted_cents = t.granted_cents + excluded.granted_cents,
          paid_cents = t.paid_cents + excluded.paid_cents
        returning t.*
      loop
        if r.application_count = 0 then
          delete from ${totals} t
          where t.${territory} = r.${territory} and t.programme_id = r.programme_id and t.status = r.status
            and t.restricted_project_id is not distinct from r.restricted_project_id;
        end if;
      end loop;`;
}
