import { type Kysely, sql } from "kysely";

/**
 * A feed page reads nothing but its entries: each entry also carries its cooperation's name, its
 * project's title and visibility (migration 000006 gave it its territories). Joining cooperations
 * and projects for each of the 50 entries of a page was half of the page's remaining cost at
 * national scale (ADR 0005).
 *
 * The database keeps the copies, whoever writes: a trigger fills them when an entry is written or
 * moved to another project, and renames (cooperation name, project title or visibility, territory
 * name) rewrite the entries concerned in the same transaction. Nothing in the services can forget.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table timeline_entries
    add column cooperation_name text, add column project_title text, add column project_visibility text`.execute(db);
  await sql`update timeline_entries e set
      cooperation_name = (select c.name from cooperations c where c.id = e.cooperation_id),
      project_title = (select p.title from projects p where p.id = e.project_id),
      project_visibility = (select p.visibility from projects p where p.id = e.project_id)`.execute(db);
  await sql`alter table timeline_entries alter column cooperation_name set not null`.execute(db);

  await sql`create function timeline_entry_copy_names() returns trigger language plpgsql as $$
    begin
      select c.name into new.cooperation_name from cooperations c where c.id = new.cooperation_id;
      select p.title, p.visibility into new.project_title, new.project_visibility
      from projects p where p.id = new.project_id;
      if new.project_id is null then
        new.project_title := null;
        new.project_visibility := null;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger timeline_entries_copy_names before insert or update of cooperation_id, project_id
    on timeline_entries for each row execute function timeline_entry_copy_names()`.execute(db);

  await sql`create function timeline_entries_follow_cooperation() returns trigger language plpgsql as $$
    begin
      update timeline_entries set cooperation_name = new.name where cooperation_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger cooperations_rename_entries after update of name on cooperations
    for each row when (old.name is distinct from new.name)
    execute function timeline_entries_follow_cooperation()`.execute(db);

  await sql`create function timeline_entries_follow_project() returns trigger language plpgsql as $$
    begin
      update timeline_entries set project_title = new.title, project_visibility = new.visibility
      where project_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger projects_rename_entries after update of title, visibility on projects
    for each row when (old.title is distinct from new.title or old.visibility is distinct from new.visibility)
    execute function timeline_entries_follow_project()`.execute(db);

  // An entry's territories as shown, from its links: used when links are written and on renames.
  await sql`create function timeline_entry_territories_json(entry uuid) returns jsonb language sql stable as $$
      select coalesce(jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by t.name, t.id), '[]'::jsonb)
      from timeline_entry_territories x join territories t on t.id = x.territory_id
      where x.entry_id = entry
    $$`.execute(db);
  // Until now the services rewrote territory names on entries: now the database does.
  await sql`create function timeline_entries_follow_territory() returns trigger language plpgsql as $$
    begin
      update timeline_entries e set territories = timeline_entry_territories_json(e.id)
      where e.id in (select entry_id from timeline_entry_territories where territory_id = new.id);
      return null;
    end $$`.execute(db);
  await sql`create trigger territories_rename_entries after update of name on territories
    for each row when (old.name is distinct from new.name)
    execute function timeline_entries_follow_territory()`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
