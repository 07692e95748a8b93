import {
  ACTION_KINDS,
  APPLICATION_STATUSES,
  ENGAGEMENT_FORMS,
  FUNDER_KINDS,
  PROJECT_STATUSES,
  THEMES,
} from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import type { DatasetSize } from "./dataset-size.ts";

/**
 * A deterministic pseudo-random number in [0, 1) from a text key: the same dataset on every run and
 * on both backends, with no random state to carry (md5 is stable across PostgreSQL versions).
 */
const rnd = (key: string) => `((('x' || substr(md5(${key}), 1, 8))::bit(32)::bigint)::float8 / 4294967296.0)`;
/** A uuid derived from a key, with the version-4 and variant bits set so the API's uuid validation accepts it. */
const uuid = (key: string) => `(overlay(overlay(md5(${key}) placing '4' from 13) placing '8' from 17)::uuid)`;
const textArray = (values: readonly string[]) => `array[${values.map((v) => `'${v}'`).join(",")}]::text[]`;

/**
 * Loads the bench dataset with set-based SQL (no row-by-row round trips). Activity is skewed the way
 * real use would be: territories are ranked by population and leads drawn with a cubic bias, so the
 * metropolises lead far more cooperations than small CC; projects get actions with a quadratic bias.
 */
export async function loadDataset(db: Kysely<Database>, size: DatasetSize, passwordHash: string): Promise<void> {
  const { users: U, cooperations: C, projects: P, actions: A, applications: F } = size;
  const steps = [
    sql`create temp table bench_t on commit drop as
        select row_number() over (order by population desc nulls last, siren)::int as n, id
        from territories where kind in ('METRO','MET69','CU','CA','CC')`,
    sql.raw(`create temp table bench_coop on commit drop as
        select i, ${uuid("'coop-' || i")} as id,
               1 + floor((select count(*) from bench_t) * power(${rnd("'lead-' || i")}, 3))::int as lead_n,
               2 + i % 5 as extra
        from generate_series(1, ${C}) i`),
    sql.raw(`insert into cooperations (id, name, engagement_form, status, themes, started_on)
        select id, 'Coopération ' || i, (${textArray(ENGAGEMENT_FORMS)})[1 + i % ${ENGAGEMENT_FORMS.length}], 'active',
               array[(${textArray(THEMES)})[1 + i % ${THEMES.length}]], date '2010-01-01' + (i % 4000)
        from bench_coop`),
    sql.raw(`insert into cooperation_members (cooperation_id, territory_id, role, joined_on)
        select bc.id, t.id, case when j = 0 then 'lead' else 'member' end, date '2010-01-01' + (bc.i % 4000)
        from bench_coop bc cross join lateral generate_series(0, bc.extra) j
        join bench_t t on t.n = 1 + ((bc.lead_n - 1 + j * 37) % (select count(*) from bench_t))`),
    sql.raw(`create temp table bench_project on commit drop as
        select j, ${uuid("'project-' || j")} as id, 1 + (j % ${C}) as coop_i, 1 + j % 4 as partners
        from generate_series(1, ${P}) j`),
    sql.raw(`insert into projects (id, cooperation_id, title, status, themes, started_on, budget_cents, visibility)
        select bp.id, bc.id, 'Projet ' || bp.j, (${textArray(PROJECT_STATUSES)})[1 + bp.j % ${PROJECT_STATUSES.length}],
               array[(${textArray(THEMES)})[1 + bp.j % ${THEMES.length}]], date '2014-01-01' + (bp.j % 3650),
               (bp.j % 97) * 1000000, case when bp.j % 10 = 0 then 'partners' else 'network' end
        from bench_project bp join bench_coop bc on bc.i = bp.coop_i`),
    sql.raw(`insert into project_partners (project_id, territory_id, role)
        select bp.id, t.id, case when k = 0 then 'lead' else 'partner' end
        from bench_project bp join bench_coop bc on bc.i = bp.coop_i
        cross join lateral generate_series(0, least(bp.partners - 1, bc.extra)) k
        join bench_t t on t.n = 1 + ((bc.lead_n - 1 + k * 37) % (select count(*) from bench_t))`),
    sql.raw(`insert into actions (id, cooperation_id, project_id, occurred_on, kind, title)
        select ${uuid("'action-' || a")}, p.cooperation_id, p.id,
               date '2016-01-01' + floor(${rnd("'day-' || a")} * 3650)::int,
               (${textArray(ACTION_KINDS)})[1 + a % ${ACTION_KINDS.length}], 'Action ' || a
        from generate_series(1, ${A}) a
        join bench_project bp on bp.j = 1 + floor(${P} * power(${rnd("'project-of-' || a")}, 2))::int
        join projects p on p.id = bp.id`),
    // Each entry stores the territories it shows (see refreshEntryTerritories): here its project's partners.
    sql`insert into timeline_entries (id, occurred_on, kind, title, cooperation_id, project_id, action_id, seq, territories)
        select a.id, a.occurred_on, a.kind, a.title, a.cooperation_id, a.project_id, a.id, nextval('timeline_entry_seq'),
               coalesce(pt.territories, '[]'::jsonb)
        from actions a
        left join (select pp.project_id,
                          jsonb_agg(jsonb_build_object('id', t.id, 'name', t.name) order by t.name, t.id) as territories
                   from project_partners pp join territories t on t.id = pp.territory_id
                   group by pp.project_id) pt on pt.project_id = a.project_id`,
    sql`insert into timeline_entry_territories (entry_id, territory_id, occurred_on)
        select a.id, pp.territory_id, a.occurred_on from actions a join project_partners pp on pp.project_id = a.project_id`,
    sql.raw(`insert into users (id, email, name, password_hash)
        select ${uuid("'user-' || u")}, 'user' || u || '@bench.trame.fr', 'Utilisateur ' || u, '${passwordHash}'
        from generate_series(1, ${U}) u`),
    sql.raw(`insert into memberships (user_id, territory_id, role)
        select ${uuid("'user-' || u")}, t.id, (array['viewer','editor','admin'])[1 + u % 3]
        from generate_series(1, ${U}) u
        join bench_t t on t.n = 1 + floor((select count(*) from bench_t) * power(${rnd("'member-' || u")}, 2))::int`),
    // Synthetic funders and programmes: the real catalogue is reference data the server seeds, not the bench.
    sql.raw(`insert into funders (id, name, kind)
        select ${uuid("'funder-' || k")}, 'Financeur de test ' || k, (${textArray(FUNDER_KINDS)})[1 + k % ${FUNDER_KINDS.length}]
        from generate_series(1, 8) k`),
    sql.raw(`insert into funding_programmes (id, funder_id, name, eligible_themes, is_national)
        select ${uuid("'programme-' || k")}, ${uuid("'funder-' || (1 + k % 8)")}, 'Dispositif de test ' || k,
               array[(${textArray(THEMES)})[1 + k % ${THEMES.length}]], true
        from generate_series(1, 30) k`),
    // Each application is filed by its project's lead; statuses cycle through the workflow so every state exists.
    sql.raw(`insert into funding_applications (id, project_id, applicant_territory_id, programme_id, status,
               requested_cents, granted_cents, submission_deadline, submitted_on, decision_on, spending_deadline)
        select ${uuid("'application-' || x")}, bp.id, pp.territory_id, ${uuid("'programme-' || (1 + x % 30)")}, st.status,
               (1 + x % 500) * 100000,
               case when st.status in ('granted', 'closed') then (1 + x % 500) * 80000 end,
               date '2016-01-01' + (x % 3800),
               case when st.status <> 'draft' then date '2016-01-01' + (x % 3800) end,
               case when st.status in ('granted', 'closed', 'rejected') then date '2016-03-01' + (x % 3800) end,
               case when st.status in ('granted', 'closed') then date '2018-01-01' + (x % 3800) end
        from generate_series(1, ${F}) x
        join bench_project bp on bp.j = 1 + floor(${P} * power(${rnd("'application-of-' || x")}, 2))::int
        join project_partners pp on pp.project_id = bp.id and pp.role = 'lead'
        cross join lateral (select (${textArray(APPLICATION_STATUSES)})[1 + x % ${APPLICATION_STATUSES.length}] as status) st`),
    sql`insert into funding_payments (application_id, paid_on, amount_cents)
        select id, decision_on + 90, case when status = 'closed' then granted_cents else granted_cents / 2 end
        from funding_applications where status in ('granted', 'closed')`,
    sql`create table if not exists bench_dataset (loaded_at timestamptz not null default now())`,
    sql`insert into bench_dataset default values`,
  ];
  await db.transaction().execute(async (trx) => {
    for (const step of steps) await step.execute(trx);
  });
  // Bulk-loaded tables have no visibility map yet, so index-only scans would still visit the heap
  // until autovacuum passes (as it does on a live database, inserts included): vacuum now.
  await sql`vacuum analyze`.execute(db);
}

export async function datasetLoaded(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ present: boolean }>`select to_regclass('bench_dataset') is not null as present`.execute(
    db,
  );
  return rows[0]?.present === true;
}
