import { type Database, type Kysely, sql } from "@trame/db";

export interface Snapshot {
  /** Every row of every table of the public schema, all columns, in primary key order. */
  tables: Record<string, unknown[]>;
  /** Where each sequence stands: a restore that lost them would hand out ids already taken. */
  sequences: Record<string, number | null>;
}

/**
 * The whole content of a database, read from the catalogue rather than from a list kept by hand,
 * so a table added by a later migration is compared without anyone remembering to add it here.
 * With `rowVersions`, each row also carries its `xmin` (the transaction that last wrote it): two
 * snapshots then differ even where a row was rewritten with the same values.
 */
export async function snapshot(db: Kysely<Database>, options: { rowVersions?: boolean } = {}): Promise<Snapshot> {
  const { rows: tables } = await sql<{ name: string; key: string[] }>`
    select c.relname::text as name,
      coalesce((select json_agg(a.attname::text order by array_position(i.indkey::int2[], a.attnum))
        from pg_index i join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey::int2[])
        where i.indrelid = c.oid and i.indisprimary), '[]'::json) as key
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p')
    order by c.relname`.execute(db);

  const result: Snapshot = { tables: {}, sequences: {} };
  for (const table of tables) {
    // Without a primary key, the row's text form still gives both sides the same order.
    const order =
      table.key.length > 0 ? sql.join(table.key.map((column) => sql.ref(column))) : sql`${sql.table(table.name)}::text`;
    const version = options.rowVersions ? sql`xmin::text as "(xmin)", ` : sql``;
    const { rows } = await sql`select ${version}* from ${sql.table(table.name)} order by ${order}`.execute(db);
    result.tables[table.name] = rows;
  }
  const { rows: sequences } = await sql<{ name: string; value: number | null }>`
    select sequencename::text as name, last_value as value from pg_sequences where schemaname = 'public'
    order by sequencename`.execute(db);
  for (const sequence of sequences) result.sequences[sequence.name] = sequence.value;
  return result;
}

/** Row counts per table, for a readable failure when whole tables are missing. */
export function counts(snap: Snapshot): Record<string, number> {
  return Object.fromEntries(Object.entries(snap.tables).map(([name, rows]) => [name, rows.length]));
}
