import { countTerritories, sql } from "@trame/db";
import { datasetLoaded, datasetSize, loadDataset } from "@trame/db/dataset";
import { hashPassword } from "@trame/server/src/auth/password.ts";
import { buildDigests } from "@trame/server/src/jobs/mail-digest.job.ts";
import { sqlExecutor } from "@trame/server/src/jobs/sql-executor.ts";
import { MAIL_QUEUE } from "@trame/server/src/mail/outbox.ts";
import { importTerritories } from "@trame/server/src/territories/import-territories.ts";
import PgBoss from "pg-boss";
import { openBenchDatabase } from "./bench-db.ts";
import { readSettings } from "./env.ts";

/**
 * `pnpm bench:digest` (default scale: national, 20,000 users): the weekly digest of every user
 * built and queued — their week of notifications (five partners' actions each, put in the weekly
 * digest for the bench) re-checked for visibility, the deadlines of the next 30 days of their
 * territories, rendered in their language, written to the outbox with their keys and one pg-boss
 * job each — three runs, each from scratch, the median printed. The queue lives in a schema of its
 * own with no worker, so nothing is sent; everything the bench writes is removed at the end.
 */
const RUNS = 3;
const DAY = "2026-12-07"; // a Monday
const MARK = "Bench digest";
const BOSS_SCHEMA = "pgboss_digest_bench";

const settings = readSettings(process.argv.slice(2).length ? undefined : ["--scale", "national"]);
const size = datasetSize(settings.factor);
const bench = await openBenchDatabase(settings);
const { db } = bench.handle;
console.log(`Trame digest bench — ${bench.label}, scale ${settings.scaleName} (${size.users} users)`);
if (!(await datasetLoaded(db))) {
  if ((await countTerritories(db)) === 0) await importTerritories(db);
  await loadDataset(db, size, await hashPassword("bench-password-2026"));
  console.log("dataset loaded");
}

async function cleanUp(): Promise<void> {
  await sql`delete from mail_outbox where kind = 'digest-weekly' and id in (
    select outbox_id from digests_sent where day = ${DAY}::date and period = 'weekly')`.execute(db);
  await sql`delete from digests_sent where day = ${DAY}::date and period = 'weekly'`.execute(db);
}

const boss = new PgBoss({ db: sqlExecutor(bench.handle), schema: BOSS_SCHEMA });
boss.on("error", (error) => console.warn("pg-boss", error));
try {
  await cleanUp();
  await sql`delete from notifications where kind = 'action_logged' and payload->>'actionTitle' like ${`${MARK}%`}`.execute(
    db,
  );
  // A week of partners' actions: five per user, on projects of their territories, Monday to Sunday.
  const seeded = await sql`
    insert into notifications (user_id, event_id, created_at, category, kind, payload, cooperation_id, project_id)
    select m.user_id, gen_random_uuid(),
           ((${DAY}::date - 1 - (pr.k % 7)::int)::timestamp + interval '10 hours') at time zone 'Europe/Paris',
           'action', 'action_logged',
           jsonb_build_object('kind', 'action_logged', 'cooperationId', pr.cooperation_id, 'cooperationName', pr.cooperation_name,
             'projectId', pr.id, 'projectTitle', pr.title, 'actionId', gen_random_uuid(),
             'actionTitle', ${MARK} || ' ' || pr.k, 'occurredOn', ${DAY}::date - 1),
           pr.cooperation_id, pr.id
    from memberships m
    cross join lateral (
      select p.id, p.title, p.cooperation_id, c.name as cooperation_name, row_number() over () as k
      from project_partners pp join projects p on p.id = pp.project_id join cooperations c on c.id = p.cooperation_id
      where pp.territory_id = m.territory_id
      limit 5
    ) pr`.execute(db);
  console.log(`notifications of the week: ${seeded.numAffectedRows ?? "?"}`);
  // Actions in the weekly digest for everyone (the default puts them in the daily one); removed at the end.
  await sql`insert into mail_preferences (user_id, category, delivery)
    select id, 'action', 'weekly' from users on conflict (user_id, category) do nothing`.execute(db);

  await boss.start();
  await boss.createQueue(MAIL_QUEUE, { name: MAIL_QUEUE });

  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await cleanUp();
    const start = performance.now();
    const counts = await buildDigests(bench.handle, boss, {
      period: "weekly",
      today: DAY,
      publicUrl: "https://trame.example.fr",
    });
    const elapsed = (performance.now() - start) / 1000;
    seconds.push(elapsed);
    const jobs = await sql<{
      n: string;
    }>`select count(*) as n from ${sql.table(`${BOSS_SCHEMA}.job`)} where name = ${MAIL_QUEUE}`.execute(db);
    console.log(
      `run ${run + 1}: ${counts.candidates} users read, ${counts.queued} digests built and queued in ${elapsed.toFixed(1)} s (${jobs.rows[0]?.n} jobs in the queue)`,
    );
    await sql`delete from ${sql.table(`${BOSS_SCHEMA}.job`)}`.execute(db);
  }
  seconds.sort((a, b) => a - b);
  console.log(`median: ${seconds[Math.floor(RUNS / 2)]?.toFixed(1)} s for ${size.users} users (target: under 120 s)`);
} finally {
  await boss.stop({ graceful: false, close: false }).catch(() => undefined);
  await cleanUp();
  await sql`delete from notifications where kind = 'action_logged' and payload->>'actionTitle' like ${`${MARK}%`}`.execute(
    db,
  );
  await sql`delete from mail_preferences where category = 'action' and delivery = 'weekly'`.execute(db);
  await sql`drop schema if exists ${sql.id(BOSS_SCHEMA)} cascade`.execute(db);
  await bench.close();
}
