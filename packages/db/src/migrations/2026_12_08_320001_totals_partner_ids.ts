import { type Kysely, sql } from "kysely";

/**
 * The partners of a restricted project on its rows of the per-territory totals (issue 17, item 5).
 *
 * A reader sees a restricted project's rows when one of its territories partners the project. Asked
 * of project_partners, that check hashed every partnership of the reader's territories on every
 * count: 4,545 rows for a metropolis at national scale, 0.6–0.7 ms in each of the dashboard's
 * three totals queries and in the application list's total, and growing with history. Each
 * restricted row now carries its project's partners (`restricted_partner_ids`, a copy of
 * `projects.partner_territory_ids`), so the check reads the row it is on (`&&` with the reader's
 * territories), and the key indexes carry the copy for index-only reads.
 *
 * The copy is kept with the writes, in the same transaction:
 * - a row inserted (by the totals' apply at commit) takes its project's current partners;
 * - a project whose partners change (the trigger on project_partners updates its array) rewrites
 *   the copy on its rows. That transaction holds the project's row lock, and every writer of a
 *   restricted project's rows holds a lock on the project until commit (000005, 310001), so no
 *   row is written from an older partner list.
 * Network rows (`restricted_project_id` null) carry no copy: everyone reads them.
 */
const TOTALS = [
  {
    table: "territory_funding_totals",
    key: "(applicant_territory_id, programme_id, status, restricted_project_id)",
    sums: "application_count, requested_cents, granted_cents, paid_cents",
  },
  {
    table: "territory_concerned_funding_totals",
    key: "(territory_id, programme_id, status, restricted_project_id)",
    sums: "application_count, requested_cents, granted_cents, paid_cents",
  },
  {
    table: "territory_project_counts",
    key: "(territory_id, status, themes, restricted_project_id)",
    sums: "project_count",
  },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create function totals_take_partner_ids() returns trigger language plpgsql as $$
    begin
      if new.restricted_project_id is not null then
        new.restricted_partner_ids := (select partner_territory_ids from projects where id = new.restricted_project_id);
      end if;
      return new;
    end $$`.execute(db);

  for (const { table, key, sums } of TOTALS) {
    await sql.raw(`alter table ${table} add column restricted_partner_ids uuid[]`).execute(db);
    await sql
      .raw(`update ${table} g set restricted_partner_ids = p.partner_territory_ids
        from projects p where p.id = g.restricted_project_id`)
      .execute(db);
    await sql
      .raw(`create trigger ${table}_take_partner_ids before insert on ${table}
        for each row execute function totals_take_partner_ids()`)
      .execute(db);
    // Found by project when its partners change; network rows are left out of the index.
    await sql
      .raw(`create index ${table}_restricted on ${table} (restricted_project_id)
        where restricted_project_id is not null`)
      .execute(db);
    // The key's index again, carrying the sums and the copy, so a page reads its rows index-only.
    await sql.raw(`drop index ${table}_key`).execute(db);
    await sql
      .raw(`create unique index ${table}_key on ${table} ${key}
        include (${sums}, restricted_partner_ids) nulls not distinct`)
      .execute(db);
  }

  await sql
    .raw(`create function projects_keep_totals_partner_ids() returns trigger language plpgsql as $$
    begin
      ${TOTALS.map(
        ({ table }) => `update ${table} set restricted_partner_ids = new.partner_territory_ids
        where restricted_project_id = new.id;`,
      ).join("\n      ")}
      return null;
    end $$`)
    .execute(db);
  await sql`create trigger projects_keep_totals_partner_ids after update of partner_territory_ids on projects
    for each row when (old.partner_territory_ids is distinct from new.partner_territory_ids)
    execute function projects_keep_totals_partner_ids()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
