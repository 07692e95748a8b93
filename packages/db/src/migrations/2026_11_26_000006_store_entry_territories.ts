import { type Kysely, sql } from "kysely";

/**
 * Each timeline entry keeps the territories it shows (ids and names, sorted by name) in one jsonb
 * column, written with the links in the same transaction and refreshed when a territory is renamed.
 * A feed page then reads them with the entry instead of one sorted join per entry: that join was a
 * third of a 50-entry page's cost at national scale (ADR 0005).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table timeline_entries add column territories jsonb not null default '[]'::jsonb`.execute(db);
  await sql`update timeline_entries e set territories = s.territories
    from (select x.entry_id,
                 jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by t.name, t.id) as territories
          from timeline_entry_territories x join territories t on t.id = x.territory_id
          group by x.entry_id) s
    where s.entry_id = e.id`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
