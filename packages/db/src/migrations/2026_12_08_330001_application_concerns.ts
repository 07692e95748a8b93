import { type Kysely, sql } from "kysely";

/**
 * The territories each application concerns, one row each, with its status and deadlines (issue 17,
 * item 5).
 *
 * An application concerns its applicant and every partner of its project (the "mine" rule,
 * applicationConcerns). A territory page's deadlines asked that of a date window: the granted aids
 * of the whole country due in the next 60 days (453 nationally), each checked against the 4,545
 * partnerships of a metropolis. That cost 2.8 ms, the dashboard's slowest query, and it grew with
 * the country and the territory's history. Here the same deadlines are one range of an index that
 * starts with the territory: (territory, status, deadline).
 *
 * The rows are kept with the writes, in the same transaction:
 * - an application inserted adds its rows; one whose project, applicant, status or deadlines change
 *   has its rows rewritten; one deleted loses them (the foreign key cascades);
 * - a project whose partners change (the trigger on project_partners updates its array, 000005)
 *   has its applications' rows rewritten from the new array.
 * Application writers lock the project FOR SHARE and partner writers FOR UPDATE (000005), so one
 * always reads the other's committed rows: no row is written from an older partner list.
 * Visibility stays a read-time check on the project, as everywhere else.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table application_concerns (
      application_id uuid not null references funding_applications (id) on delete cascade,
      territory_id uuid not null,
      status text not null,
      submission_deadline date,
      spending_deadline date,
      primary key (application_id, territory_id)
    )`.execute(db);
  await sql.raw(`insert into application_concerns (${COLUMNS}) ${concernsOf("funding_applications")}`).execute(db);
  // A territory's drafts to file and granted aids to spend, in date order, read index-only.
  await sql`create index application_concerns_submission
    on application_concerns (territory_id, status, submission_deadline, application_id)`.execute(db);
  await sql`create index application_concerns_spending
    on application_concerns (territory_id, status, spending_deadline, application_id)`.execute(db);

  await sql.raw(keepConcernsFunction(CHANGED)).execute(db);
  for (const [event, referencing] of [
    ["insert", "new table as new_applications"],
    ["update", "old table as old_applications new table as new_applications"],
  ] as const) {
    await sql
      .raw(`create trigger funding_applications_keep_concerns_${event} after ${event} on funding_applications
        referencing ${referencing} for each statement execute function funding_applications_keep_concerns()`)
      .execute(db);
  }

  // The project's row lock, held by the update of its partner array, keeps application writers waiting.
  await sql
    .raw(`create function projects_keep_application_concerns() returns trigger language plpgsql as $$
    begin
      delete from application_concerns where application_id in (select id from funding_applications where project_id = new.id);
      insert into application_concerns (${COLUMNS})
        ${concernsOf("(select * from funding_applications where project_id = new.id)")};
      return null;
    end $$`)
    .execute(db);
  await sql`create trigger projects_keep_application_concerns after update of partner_territory_ids on projects
    for each row when (old.partner_territory_ids is distinct from new.partner_territory_ids)
    execute function projects_keep_application_concerns()`.execute(db);
}

/**
 * The statement trigger's function, given the query of the updated applications whose rows change
 * (`changed`, which must yield their id, project, applicant, status and deadlines). Migration 340001
 * replaces the query this one passes.
 */
export const keepConcernsFunction = (changed: string) => `
  create or replace function funding_applications_keep_concerns() returns trigger language plpgsql as $$
  begin
    -- Most updates (amounts, payments) change no row here: nothing to lock or rewrite. Nested, as
    -- old_applications exists only for an UPDATE.
    if tg_op = 'UPDATE' then
      if not exists (select 1 from ${changed} c) then
        return null;
      end if;
    end if;
    perform 1 from projects where id in (select project_id from new_applications) order by id for share;
    if tg_op = 'INSERT' then
      insert into application_concerns (${COLUMNS}) ${concernsOf("new_applications")};
    else
      delete from application_concerns where application_id in (select c.id from ${changed} c);
      insert into application_concerns (${COLUMNS}) ${concernsOf(changed)};
    end if;
    return null;
  end $$`;

/** The updated applications whose rows differ: another project or applicant, status or deadline. */
const CHANGED = `(select n.* from new_applications n join old_applications o on o.id = n.id
  where (o.project_id, o.applicant_territory_id, o.status, o.submission_deadline, o.spending_deadline)
    is distinct from (n.project_id, n.applicant_territory_id, n.status, n.submission_deadline, n.spending_deadline))`;

const COLUMNS = "application_id, territory_id, status, submission_deadline, spending_deadline";

/** The rows of the applications in `from`: their applicant and their project's partners, once each. */
const concernsOf = (from: string) => `
  select distinct a.id, t.territory_id, a.status, a.submission_deadline, a.spending_deadline
  from ${from} a join projects p on p.id = a.project_id
  cross join lateral unnest(p.partner_territory_ids || a.applicant_territory_id) as t (territory_id)`;

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
