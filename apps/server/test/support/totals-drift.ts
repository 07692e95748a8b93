import { type Database, type Kysely, sql } from "@trame/db";

/**
 * Every per-territory total (migrations 000005 and 310001) recomputed from the rows it summarises, the
 * copy of a restricted project's partners on its rows (320001) and the territories each application
 * concerns (330001): the rows that differ, none when the triggers kept them exact.
 */
export async function totalsDrift(db: Kysely<Database>): Promise<unknown[]> {
  const { rows } = await sql`
    with paid as (select application_id, sum(amount_cents) as paid from funding_payments group by application_id),
    -- The "mine" rule, from project_partners itself: each application under its applicant and partners.
    concerned as (
      select a.id as application_id, c.territory_id
      from funding_applications a
      cross join lateral (select a.applicant_territory_id as territory_id
        union select pp.territory_id from project_partners pp where pp.project_id = a.project_id) c),
    live_funding as (
      select a.applicant_territory_id, a.programme_id, a.status,
             case when p.visibility = 'network' then null else p.id end as restricted_project_id,
             count(*) as n, sum(a.requested_cents) as requested, coalesce(sum(a.granted_cents), 0) as granted,
             coalesce(sum(paid.paid), 0) as paid
      from funding_applications a join projects p on p.id = a.project_id
      left join paid on paid.application_id = a.id
      group by 1, 2, 3, 4),
    live_concerned as (
      select c.territory_id, a.programme_id, a.status,
             case when p.visibility = 'network' then null else p.id end as restricted_project_id,
             count(*) as n, sum(a.requested_cents) as requested, coalesce(sum(a.granted_cents), 0) as granted,
             coalesce(sum(paid.paid), 0) as paid
      from concerned c join funding_applications a on a.id = c.application_id
      join projects p on p.id = a.project_id
      left join paid on paid.application_id = a.id
      group by 1, 2, 3, 4),
    live_projects as (
      select pp.territory_id, p.status, p.themes, case when p.visibility = 'network' then null else p.id end as restricted_project_id,
             count(*) as n
      from project_partners pp join projects p on p.id = pp.project_id
      where p.archived_at is null
      group by 1, 2, 3, 4),
    live_concerns as (
      select c.application_id, c.territory_id, a.status, a.submission_deadline, a.spending_deadline
      from concerned c join funding_applications a on a.id = c.application_id)
    select 'funding' as kind, f.applicant_territory_id as expected, g.applicant_territory_id as stored
    from live_funding f full join territory_funding_totals g
      on g.applicant_territory_id = f.applicant_territory_id and g.programme_id = f.programme_id
     and g.status = f.status and g.restricted_project_id is not distinct from f.restricted_project_id
    where (f.n, f.requested, f.granted, f.paid)
      is distinct from (g.application_count, g.requested_cents, g.granted_cents, g.paid_cents)
    union all
    select 'concerned', f.territory_id, g.territory_id
    from live_concerned f full join territory_concerned_funding_totals g
      on g.territory_id = f.territory_id and g.programme_id = f.programme_id
     and g.status = f.status and g.restricted_project_id is not distinct from f.restricted_project_id
    where (f.n, f.requested, f.granted, f.paid)
      is distinct from (g.application_count, g.requested_cents, g.granted_cents, g.paid_cents)
    union all
    select 'projects', p.territory_id, c.territory_id
    from live_projects p full join territory_project_counts c
      on c.territory_id = p.territory_id and c.status = p.status and c.themes = p.themes
     and c.restricted_project_id is not distinct from p.restricted_project_id
    where p.n is distinct from c.project_count
    union all
    select 'concerns', coalesce(l.application_id, s.application_id), coalesce(l.territory_id, s.territory_id)
    from live_concerns l full join application_concerns s
      on s.application_id = l.application_id and s.territory_id = l.territory_id
    where (l.status, l.submission_deadline, l.spending_deadline)
      is distinct from (s.status, s.submission_deadline, s.spending_deadline)
    union all
    select 'paid', a.id, null from funding_applications a left join paid on paid.application_id = a.id
    where a.paid_cents <> coalesce(paid.paid, 0)
    union all
    select 'partner copy', g.restricted_project_id, null
    from (select restricted_project_id, restricted_partner_ids from territory_funding_totals
          union all select restricted_project_id, restricted_partner_ids from territory_concerned_funding_totals
          union all select restricted_project_id, restricted_partner_ids from territory_project_counts) g
    left join projects p on p.id = g.restricted_project_id
    where g.restricted_partner_ids is distinct from p.partner_territory_ids
    union all
    select 'partners', p.id, null from projects p
    where p.partner_territory_ids <> coalesce(
      (select array_agg(x.territory_id order by x.territory_id) from project_partners x where x.project_id = p.id), '{}')
  `.execute(db);
  return rows;
}
