import { type Kysely, sql } from "kysely";
import { applyFundingPending, statementTriggers } from "./statement-triggers.ts";

/**
 * Exact per-territory totals for the dashboard and the list counts (issue 6, national scale).
 *
 * - `funding_applications.paid_cents`: the sum of the application's payments, kept by a trigger on
 *   funding_payments, so no read sums payments row by row any more.
 * - `territory_funding_totals`: applications grouped by applicant, programme and status;
 *   `territory_project_counts`: live projects grouped by partner, status and themes.
 * - `projects.partner_territory_ids`: the partners of each project, for a GIN index.
 *
 * Visibility stays a read-time filter: rows of restricted projects are kept apart, one bucket per
 * project (`restricted_project_id`; null for projects visible to the whole network), so a reader
 * adds the network rows and, among restricted ones, those of projects one of their territories
 * partners — the same rule as projectVisibleTo. Partner changes then need no recount of funding.
 *
 * How the totals stay exact, whatever writes them (services, fixtures, bulk loads):
 * - statement-level triggers compute the difference each statement makes (its transition tables:
 *   minus the rows before, plus the rows after) and record it in a pending table; nothing is
 *   recounted from a snapshot that a concurrent writer could have made stale;
 * - a deferred trigger adds the pending differences to the totals once, at commit, keys in order:
 *   the shared total rows are locked only for that instant and always in the same order, so two
 *   transactions writing the same territories queue instead of deadlocking;
 * - each trigger locks the projects it reads (FOR SHARE, or FOR UPDATE for partners, as
 *   lockProject) before reading them: a concurrent change of their visibility, status or themes has
 *   either committed and is seen by the next statement's snapshot, or waits for this transaction
 *   and then moves the rows it added.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await paidCents(db);
  await partnerTerritoryIds(db);
  await totalsTables(db);

  // A statement records its differences here; territoryTotalsApply moves them into the totals.
  await sql`create table territory_funding_pending as select * from territory_funding_totals with no data`.execute(db);
  await sql`create table territory_project_pending as select * from territory_project_counts with no data`.execute(db);
  await sql`create table territory_totals_commit (xid bigint primary key)`.execute(db);
  await sql
    .raw(`create function territory_totals_apply() returns trigger language plpgsql as $$
    declare r record;
    begin
      delete from territory_totals_commit where xid = new.xid;
      ${applyFundingPending("territory_funding_pending", "territory_funding_totals", "applicant_territory_id")}
      for r in with d as (delete from territory_project_pending returning *)
        insert into territory_project_counts as t (${PROJECT_COLUMNS})
        select territory_id, status, themes, restricted_project_id, sum(project_count)
        from d group by 1, 2, 3, 4
        having sum(project_count) <> 0
        order by 1, 2, 3, 4
        on conflict (territory_id, status, themes, restricted_project_id) do update set
          project_count = t.project_count + excluded.project_count
        returning t.*
      loop
        if r.project_count = 0 then
          delete from territory_project_counts t
          where t.territory_id = r.territory_id and t.status = r.status and t.themes = r.themes
            and t.restricted_project_id is not distinct from r.restricted_project_id;
        end if;
      end loop;
      return null;
    end $$`)
    .execute(db);
  // One marker row per transaction (the first statement inserts it), so the apply runs once, at commit.
  await sql`create constraint trigger territory_totals_apply after insert on territory_totals_commit
    deferrable initially deferred for each row execute function territory_totals_apply()`.execute(db);
  const atCommit =
    "if found then insert into territory_totals_commit values (txid_current()) on conflict do nothing; end if;";

  // ---- applications: signed rows (sign, applicant, programme, status, project, amounts) -------
  const fundingDeltas = (deltas: string) => `
    insert into territory_funding_pending (${FUNDING_COLUMNS})
    select d.applicant_territory_id, d.programme_id, d.status,
           case when p.visibility = 'network' then null else p.id end,
           sum(d.sign), sum(d.sign * d.requested_cents), sum(d.sign * coalesce(d.granted_cents, 0)),
           sum(d.sign * d.paid_cents)
    from (${deltas}) d join projects p on p.id = d.project_id
    group by 1, 2, 3, 4
    having sum(d.sign) <> 0 or sum(d.sign * d.requested_cents) <> 0
        or sum(d.sign * coalesce(d.granted_cents, 0)) <> 0 or sum(d.sign * d.paid_cents) <> 0;
    ${atCommit}`;
  const applicationRows = (table: string, sign: number) =>
    `select ${sign} as sign, applicant_territory_id, programme_id, status, project_id, requested_cents,
            granted_cents, paid_cents from ${table}`;
  const shareProjects = (ids: string) => `perform 1 from projects where id in (${ids}) order by id for share;`;
  await sql
    .raw(`create function funding_applications_keep_totals() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${shareProjects("select project_id from new_applications")}
        ${fundingDeltas(applicationRows("new_applications", 1))}
      elsif tg_op = 'DELETE' then
        ${shareProjects("select project_id from old_applications")}
        ${fundingDeltas(applicationRows("old_applications", -1))}
      else
        ${shareProjects("select project_id from old_applications union select project_id from new_applications")}
        ${fundingDeltas(`${applicationRows("old_applications", -1)} union all ${applicationRows("new_applications", 1)}`)}
      end if;
      return null;
    end $$`)
    .execute(db);
  await statementTriggers(db, "funding_applications", "funding_applications_keep_totals", "applications");

  // ---- partners: signed rows (sign, territory, status, themes, visibility, project, archived_at) -
  const projectDeltas = (deltas: string) => `
    insert into territory_project_pending (${PROJECT_COLUMNS})
    select d.territory_id, d.status, d.themes, case when d.visibility = 'network' then null else d.project_id end,
           sum(d.sign)
    from (${deltas}) d
    where d.archived_at is null
    group by 1, 2, 3, 4
    having sum(d.sign) <> 0;
    ${atCommit}`;
  const partnerRows = (table: string, sign: number) =>
    `select ${sign} as sign, x.territory_id, p.status, p.themes, p.visibility, p.id as project_id, p.archived_at
     from ${table} x join projects p on p.id = x.project_id`;
  // A partner change is a change of the project: FOR UPDATE, as lockProject takes.
  const lockProjects = (ids: string) => `perform 1 from projects where id in (${ids}) order by id for update;`;
  await sql
    .raw(`create function project_partners_keep_counts() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${lockProjects("select project_id from new_partners")}
        ${projectDeltas(partnerRows("new_partners", 1))}
      elsif tg_op = 'DELETE' then
        ${lockProjects("select project_id from old_partners")}
        ${projectDeltas(partnerRows("old_partners", -1))}
      else
        ${lockProjects("select project_id from old_partners union select project_id from new_partners")}
        ${projectDeltas(`${partnerRows("old_partners", -1)} union all ${partnerRows("new_partners", 1)}`)}
      end if;
      return null;
    end $$`)
    .execute(db);
  await statementTriggers(db, "project_partners", "project_partners_keep_counts", "partners");

  // ---- projects: status, themes, archiving or visibility move their rows in both totals --------
  // The project's row lock, held by this update, keeps partner and application writers waiting.
  const changed = `(select o.id, o.status as old_status, o.themes as old_themes, o.visibility as old_visibility,
      o.archived_at as old_archived_at, n.status, n.themes, n.visibility, n.archived_at
    from old_projects o join new_projects n on n.id = o.id
    where (o.status, o.themes, o.visibility, o.archived_at)
      is distinct from (n.status, n.themes, n.visibility, n.archived_at))`;
  const bucket = (visibility: string) => `case when ${visibility} = 'network' then null else c.id end`;
  await sql
    .raw(`create function projects_keep_totals() returns trigger language plpgsql as $$
    begin
      ${projectDeltas(`select -1 as sign, pp.territory_id, c.old_status as status, c.old_themes as themes,
          c.old_visibility as visibility, c.id as project_id, c.old_archived_at as archived_at
        from ${changed} c join project_partners pp on pp.project_id = c.id
        union all
        select 1, pp.territory_id, c.status, c.themes, c.visibility, c.id, c.archived_at
        from ${changed} c join project_partners pp on pp.project_id = c.id`)}
      insert into territory_funding_pending (${FUNDING_COLUMNS})
      select a.applicant_territory_id, a.programme_id, a.status, d.bucket,
             sum(d.sign), sum(d.sign * a.requested_cents), sum(d.sign * coalesce(a.granted_cents, 0)),
             sum(d.sign * a.paid_cents)
      from (select c.id, -1 as sign, ${bucket("c.old_visibility")} as bucket
            from ${changed} c where c.old_visibility is distinct from c.visibility
            union all
            select c.id, 1, ${bucket("c.visibility")}
            from ${changed} c where c.old_visibility is distinct from c.visibility) d
      join funding_applications a on a.project_id = d.id
      group by 1, 2, 3, 4;
      ${atCommit}
      return null;
    end $$`)
    .execute(db);
  await sql`create trigger projects_keep_totals after update on projects
    referencing old table as old_projects new table as new_projects
    for each statement execute function projects_keep_totals()`.execute(db);

  // ---- indexes --------------------------------------------------------------------------------
  // The application list by applicant reads its page in order and stops (the total comes from the
  // totals above); the deadlines read only the window, for drafts and granted aids.
  await sql`create index funding_applications_applicant_recent
    on funding_applications (applicant_territory_id, created_at desc, id desc)`.execute(db);
  await sql`create index funding_applications_applicant_submission
    on funding_applications (applicant_territory_id, status, submission_deadline)`.execute(db);
  await sql`create index funding_applications_applicant_spending
    on funding_applications (applicant_territory_id, status, spending_deadline)`.execute(db);
  // Its prefix of the two above: one index fewer to keep up.
  await sql`drop index funding_applications_applicant`.execute(db);
  // Planned ends in the next weeks: a short range of dates, not every project a territory partners.
  await sql`create index projects_ended_on on projects (ended_on)`.execute(db);
}

const FUNDING_COLUMNS = `applicant_territory_id, programme_id, status, restricted_project_id,
  application_count, requested_cents, granted_cents, paid_cents`;
const PROJECT_COLUMNS = "territory_id, status, themes, restricted_project_id, project_count";

/** `funding_applications.paid_cents`, backfilled, then kept by payments as they are written. */
async function paidCents(db: Kysely<any>): Promise<void> {
  await sql`alter table funding_applications add column paid_cents bigint not null default 0`.execute(db);
  await sql`update funding_applications a set paid_cents = s.paid
    from (select application_id, sum(amount_cents) as paid from funding_payments group by application_id) s
    where s.application_id = a.id`.execute(db);
  // Payments are written under the application's row lock (lockApplication): the update waits for nothing.
  await sql`create function funding_payments_keep_paid() returns trigger language plpgsql as $$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        update funding_applications a set paid_cents = a.paid_cents - d.amount
        from (select application_id, sum(amount_cents) as amount from old_payments group by application_id) d
        where a.id = d.application_id;
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        update funding_applications a set paid_cents = a.paid_cents + d.amount
        from (select application_id, sum(amount_cents) as amount from new_payments group by application_id) d
        where a.id = d.application_id;
      end if;
      return null;
    end $$`.execute(db);
  await statementTriggers(db, "funding_payments", "funding_payments_keep_paid", "payments");
}

/**
 * `projects.partner_territory_ids`: the project's partners, sorted, kept by a trigger on
 * project_partners. With a GIN index it lets "projects of this territory with this theme" intersect
 * two indexes (a few hundred rows) instead of reading every project of the theme, or every project
 * of the territory, to find the few dozen they share.
 */
async function partnerTerritoryIds(db: Kysely<any>): Promise<void> {
  await sql`alter table projects add column partner_territory_ids uuid[] not null default '{}'`.execute(db);
  await sql`update projects p set partner_territory_ids = s.ids
    from (select project_id, array_agg(territory_id order by territory_id) as ids
          from project_partners group by project_id) s
    where s.project_id = p.id`.execute(db);
  // Locks the projects first (partner writers already hold it: lockProject), then rereads their
  // partners with a snapshot taken after the lock, so two concurrent writers cannot lose a partner.
  const refresh = (projectIds: string) => `
    perform 1 from projects where id in (${projectIds}) order by id for update;
    update projects p set partner_territory_ids = coalesce(
        (select array_agg(x.territory_id order by x.territory_id) from project_partners x where x.project_id = p.id),
        '{}')
    where p.id in (${projectIds});`;
  await sql
    .raw(`create function project_partners_keep_ids() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        ${refresh("select project_id from new_partners")}
      elsif tg_op = 'DELETE' then
        ${refresh("select project_id from old_partners")}
      else
        ${refresh("select project_id from old_partners union select project_id from new_partners")}
      end if;
      return null;
    end $$`)
    .execute(db);
  await statementTriggers(db, "project_partners", "project_partners_keep_ids", "partners");
  await sql`create index projects_partner_territories on projects using gin (partner_territory_ids)`.execute(db);
}

/** The two totals tables, their keys, and their content computed from the current rows. */
async function totalsTables(db: Kysely<any>): Promise<void> {
  await sql`create table territory_funding_totals (
      applicant_territory_id uuid not null,
      programme_id uuid not null,
      status text not null,
      restricted_project_id uuid,
      application_count bigint not null,
      requested_cents bigint not null,
      granted_cents bigint not null,
      paid_cents bigint not null
    )`.execute(db);
  await sql`create unique index territory_funding_totals_key on territory_funding_totals
    (applicant_territory_id, programme_id, status, restricted_project_id) nulls not distinct`.execute(db);
  await sql`insert into territory_funding_totals (${sql.raw(FUNDING_COLUMNS)})
    select a.applicant_territory_id, a.programme_id, a.status,
           case when p.visibility = 'network' then null else p.id end,
           count(*), sum(a.requested_cents), coalesce(sum(a.granted_cents), 0), sum(a.paid_cents)
    from funding_applications a join projects p on p.id = a.project_id
    group by 1, 2, 3, 4`.execute(db);

  await sql`create table territory_project_counts (
      territory_id uuid not null,
      status text not null,
      themes text[] not null,
      restricted_project_id uuid,
      project_count bigint not null
    )`.execute(db);
  await sql`create unique index territory_project_counts_key on territory_project_counts
    (territory_id, status, themes, restricted_project_id) nulls not distinct`.execute(db);
  await sql`insert into territory_project_counts (${sql.raw(PROJECT_COLUMNS)})
    select pp.territory_id, p.status, p.themes, case when p.visibility = 'network' then null else p.id end, count(*)
    from project_partners pp join projects p on p.id = pp.project_id
    where p.archived_at is null
    group by 1, 2, 3, 4`.execute(db);
}

export async function down(): Promise<void> {
  throw new Error("Migrations are forward-only");
}
