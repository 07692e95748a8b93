import { engagementFormLabels, projectStatusLabels } from "@trame/core";
import { type Kysely, sql } from "kysely";

/**
 * Timeline titles are worded at read time, in the reader's language, from facts (issue 15, item 3):
 * an entry keeps its kind, its subject's own words in `title` (an action's or project's title, a
 * territory's or programme's name, copied as it was then) and the facts in `detail`. This backfills
 * the facts of entries that only had a French sentence, and takes the sentences out of `title`.
 *
 * It also gives entries ids in the order they were written (a millisecond timestamp, then a
 * counter): feeds sort a day's entries by id, so same-day entries now keep the order in which things
 * happened instead of a random one, with the same (date, id) keyset and indexes as before.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await backfillFacts(db);
  await orderedIds(db);
}

async function backfillFacts(db: Kysely<any>): Promise<void> {
  // Memberships: "X rejoint la coopération" / "X quitte la coopération" → the territory, by name.
  for (const [kind, phrase] of [
    ["member_joined", " rejoint la coopération"],
    ["member_left", " quitte la coopération"],
  ] as const) {
    await sql`update timeline_entries
      set detail = detail || jsonb_build_object('territory', jsonb_build_object('id', null,
            'name', left(title, length(title) - length(${phrase}))))
      where kind = ${kind} and detail -> 'territory' is null and right(title, length(${phrase})) = ${phrase}`.execute(
      db,
    );
    await sql`update timeline_entries set title = detail -> 'territory' ->> 'name'
      where kind = ${kind} and detail -> 'territory' ->> 'name' is not null`.execute(db);
  }

  // Engagement forms: "Nouvelle forme d'engagement : <libellé>" → the form's code.
  const prefix = "Nouvelle forme d'engagement : ";
  for (const [form, label] of Object.entries(engagementFormLabels)) {
    await sql`update timeline_entries set detail = detail || jsonb_build_object('to', ${form}::text)
      where kind = 'engagement_form_changed' and detail -> 'to' is null and title = ${prefix + label.fr}`.execute(db);
  }
  await sql`update timeline_entries set title = ''
    where kind = 'engagement_form_changed' and detail ->> 'to' is not null`.execute(db);
  await sql`update timeline_entries set title = '' where kind = 'narrative_adopted'`.execute(db);

  // Funding steps already carried their facts: the title becomes the programme's short name.
  await sql`update timeline_entries
    set title = coalesce(nullif(detail -> 'programme' ->> 'acronym', ''), detail -> 'programme' ->> 'name')
    where kind = 'funding_status' and detail -> 'programme' ->> 'name' is not null`.execute(db);

  // Demo project steps were titled "<projet> : <statut>": the status is already in the facts.
  for (const [status, label] of Object.entries(projectStatusLabels)) {
    const suffix = ` : ${label.fr.toLowerCase()}`;
    await sql`update timeline_entries set title = left(title, length(title) - length(${suffix}))
      where kind = 'project_status' and detail ->> 'to' = ${status} and right(title, length(${suffix})) = ${suffix}`.execute(
      db,
    );
  }

  // An action's notes travel with its entry (its detail on screen, in the CSV and the calendar).
  await sql`update timeline_entries e set detail = e.detail || jsonb_build_object('notes', a.notes)
    from actions a where a.id = e.action_id and a.notes <> ''`.execute(db);
}

async function orderedIds(db: Kysely<any>): Promise<void> {
  await sql`create sequence timeline_entry_order`.execute(db);
  // 48 bits of milliseconds, the version 7 nibble, then the counter: unique (the counter never
  // repeats) and increasing with the order of writing across all instances sharing the database.
  await sql`create function timeline_entry_id_at(at timestamptz, n bigint) returns uuid language sql immutable as $$
      select (lpad(to_hex(floor(extract(epoch from at) * 1000)::bigint), 12, '0') || '7000' || '8'
              || lpad(to_hex(n), 15, '0'))::uuid
    $$`.execute(db);
  await sql`create function timeline_entry_id() returns uuid language sql volatile as $$
      select timeline_entry_id_at(clock_timestamp(), nextval('timeline_entry_order'))
    $$`.execute(db);
  await sql`alter table timeline_entries alter column id set default timeline_entry_id()`.execute(db);

  // Existing entries are renumbered in the order they were written; their links follow.
  await sql`alter table timeline_entry_territories drop constraint timeline_entry_territories_entry_id_fkey`.execute(
    db,
  );
  await sql`alter table timeline_entry_territories add constraint timeline_entry_territories_entry_id_fkey
    foreign key (entry_id) references timeline_entries (id) on delete cascade on update cascade`.execute(db);
  await sql`update timeline_entries e set id = o.new_id
    from (select id, timeline_entry_id_at(created_at, row_number() over (order by created_at, seq)) as new_id
          from timeline_entries) o
    where o.id = e.id`.execute(db);
  await sql`select setval('timeline_entry_order', greatest((select count(*) from timeline_entries), 1))`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
