import { type RawBuilder, sql } from "kysely";

/**
 * One column of an upsert of reference data (`insert … on conflict do update set column = …`): the
 * incoming value where the stored one is still what the import last wrote (the row's `reference`),
 * the stored value otherwise, so an administrator's correction survives every re-import. With no
 * reference (a row written before references were kept) the stored value stays.
 */
export function fromReference(table: string, column: string): RawBuilder<unknown> {
  const stored = sql.ref(`${table}.${column}`);
  return sql`case when to_jsonb(${stored}) = ${sql.ref(`${table}.reference`)}->${sql.lit(column)}
    then ${sql.ref(`excluded.${column}`)} else ${stored} end`;
}
