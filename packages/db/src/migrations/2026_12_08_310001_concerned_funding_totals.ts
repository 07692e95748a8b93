import { type Kysely, sql } from "kysely";
import { applyFundingPending, bySignedRows, statementTriggers } from "./statement-triggers.ts";

/**
 * Funding totals per *concerned* territory (issue 17, item 5): a territory page sums the
 * applications that concern the territory — filed by it, or on a project it partners (the shared
 * "mine" rule, applicationConcerns). The per-applicant totals of migration 000005 cannot answer
 * that, so the page summed every concerned application and its cost grew with history (89 ms p50
 * nationally). These rows count each application once under its applicant and once under each other
 * partner of its project, grouped by programme and status, so the page reads a few rows.
 *
 * They are kept exactly as 000005 keeps its totals, and by the same machinery: statement triggers
 * record signed differences in a pending table, and a deferred trigger on the same commit marker
 * adds them at commit, keys in order. Visibility stays a read-time filter (`restricted_project_id`,
 * read with totalsVisibleTo). The writers that change what a territory is concerned by:
 * - an application written, moved or paid (its own row, under its applicant and its partners);
 * - a partner added or removed (the project's applications, except those the partner filed itself,
 *   which it is concerned by anyway);
 * - a project's visibility changed (its applications move between buckets).
 * The deadlines beside those figures get indexes by date window, for the same reason (below).
 * Application writers lock the project FOR SHARE and partner writers FOR UPDATE (000005), so one
 * always reads the other's committed rows: an application is never counted without a new partner,
 * or twice with it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table territory_concerned_funding_totals (
      territory_id uuid not null,
      programme_id uuid not null,
      status text not null,
      restricted_project_id uuid,
      application_count bigint not null,
      requested_cents bigint not null,
      granted_cents bigint not null,
      paid_cents bigint not null
    )`.execute(db);
  // The sums ride in the key's index, so a page reads them index-only, in programme and status
  // order: a metropolis's 1,800 rows are scattered over as many heap pages (5.8 ms nationally, 1.7
  // ms index-only).
  await sql`create unique index territory_concerned_funding_totals_key on territory_concerned_funding_totals
    (territory_id, programme_id, status, restricted_project_id)
    include (application_count, requested_cents, granted_cents, paid_cents) nulls not distinct`.execute(db);
  await sql
    .raw(`insert into territory_concerned_funding_totals (${COLUMNS})
    select c.territory_id, a.programme_id, a.status, ${BUCKET}, count(*), sum(a.requested_cents),
           coalesce(sum(a.granted_cents), 0), sum(a.paid_cents)
    from funding_applications a join projects p on p.id = a.project_id
    cross join lateral (${concernedBy("a")}) c
    group by 1, 2, 3, 4`)
    .execute(db);
  await sql`create table territory_concerned_funding_pending
    as select * from territory_concerned_funding_totals with no data`.execute(db);

  // Named to sort before territory_totals_apply, which deletes the commit marker both fire on.
  await sql
    .raw(`create function territory_concerned_totals_apply() returns trigger language plpgsql as $$
    declare r record;
    begin
      ${applyFundingPending("territory_concerned_funding_pending", "territory_concerned_funding_totals", "territory_id")}
      return null;
    end $$`)
    .execute(db);
  await sql`create constraint trigger territory_concerned_totals_apply after insert on territory_totals_commit
    deferrable initially deferred for each row execute function territory_concerned_totals_apply()`.execute(db);

  // ---- applications: each signed row under its applicant and every partner of its project -----
  const applicationDeltas = (rows: string) => `
    perform 1 from projects where id in (select project_id from (${rows}) r) order by id for share;
    ${pending(`(${rows}) a join projects p on p.id = a.project_id
      cross join lateral (select t.territory_id, a.sign from (${concernedBy("a")}) t) c`)}`;
  const signed = (table: string, sign: number) =>
    `select ${sign} as sign, applicant_territory_id, programme_id, status, project_id, requested_cents,
            granted_cents, paid_cents from ${table}`;
  await sql
    .raw(`create function funding_applications_keep_concerned() returns trigger language plpgsql as $$
    begin
      ${bySignedRows(applicationDeltas, signed, "applications")}
      return null;
    end $$`)
    .execute(db);
  await statementTriggers(db, "funding_applications", "funding_applications_keep_concerned", "applications");

  // ---- partners: the project's applications under the partner, unless it filed them itself ----
  const partnerDeltas = (rows: string) => `
    perform 1 from projects where id in (select project_id from (${rows}) r) order by id for update;
    ${pending(`(${rows}) x
      join funding_applications a on a.project_id = x.project_id and a.applicant_territory_id <> x.territory_id
      join projects p on p.id = a.project_id
      cross join lateral (select x.territory_id, x.sign) c`)}`;
  const partners = (table: string, sign: number) => `select ${sign} as sign, project_id, territory_id from ${table}`;
  await sql
    .raw(`create function project_partners_keep_concerned() returns trigger language plpgsql as $$
    begin
      ${bySignedRows(partnerDeltas, partners, "partners")}
      return null;
    end $$`)
    .execute(db);
  await statementTriggers(db, "project_partners", "project_partners_keep_concerned", "partners");

  // ---- projects: a visibility change moves the project's applications to the other bucket -----
  // The project's row lock, held by this update, keeps partner and application writers waiting.
  await sql
    .raw(`create function projects_keep_concerned() returns trigger language plpgsql as $$
    begin
      ${pending(`(select -1 as sign, o.id, o.visibility from old_projects o join new_projects n on n.id = o.id
                  where o.visibility <> n.visibility
                  union all
                  select 1, n.id, n.visibility from old_projects o join new_projects n on n.id = o.id
                  where o.visibility <> n.visibility) p
        join funding_applications a on a.project_id = p.id
        cross join lateral (select t.territory_id, p.sign from (${concernedBy("a")}) t) c`)}
      return null;
    end $$`)
    .execute(db);
  await sql`create trigger projects_keep_concerned after update on projects
    referencing old table as old_projects new table as new_projects
    for each statement execute function projects_keep_concerned()`.execute(db);

  // The deadlines of a page follow the same rule, so they cannot start from the applicant: they read
  // the window of dates (drafts to submit, granted aids to spend) and keep what concerns the
  // territory. Without these the applicant-first indexes of 000005 were read whole (6 ms nationally).
  await sql`create index funding_applications_submission_window
    on funding_applications (status, submission_deadline)`.execute(db);
  await sql`create index funding_applications_spending_window
    on funding_applications (status, spending_deadline)`.execute(db);
}

const COLUMNS = `territory_id, programme_id, status, restricted_project_id,
  application_count, requested_cents, granted_cents, paid_cents`;

/** The bucket of an application's project `p`: null when the whole network sees it. */
const BUCKET = "case when p.visibility = 'network' then null else p.id end";

/** The territories an application `a` concerns: its applicant and its project's partners, once each. */
const concernedBy = (a: string) =>
  `select ${a}.applicant_territory_id as territory_id
   union select pp.territory_id from project_partners pp where pp.project_id = ${a}.project_id`;

/**
 * Records signed differences: `from` yields applications `a` (with their amounts), their project
 * `p` and, as `c`, the territory concerned and the row's sign.
 */
const pending = (from: string) => `
    insert into territory_concerned_funding_pending (${COLUMNS})
    select c.territory_id, a.programme_id, a.status, ${BUCKET}, sum(c.sign), sum(c.sign * a.requested_cents),
           sum(c.sign * coalesce(a.granted_cents, 0)), sum(c.sign * a.paid_cents)
    from ${from}
    group by 1, 2, 3, 4
    having sum(c.sign) <> 0 or sum(c.sign * a.requested_cents) <> 0
        or sum(c.sign * coalesce(a.granted_cents, 0)) <> 0 or sum(c.sign * a.paid_cents) <> 0;
    if found then insert into territory_totals_commit values (txid_current()) on conflict do nothing; end if;`;

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
