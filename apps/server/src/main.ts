import { fileURLToPath } from "node:url";
import { EPCI_KINDS, judgePassword } from "@trame/core";
import { countCommunesWithoutSiren, countTerritories } from "@trame/db";
import { pino } from "pino";
import { ProConnectClient, proConnectSettings } from "./auth/proconnect-client.ts";
import { openDatabase } from "./database.ts";
import { sweepOrphanChunks } from "./documents/document-store.ts";
import { parseEnv, publicUrlOf } from "./env.ts";
import { defaultMaxActive } from "./http/admission.ts";
import { buildApp } from "./http/app.ts";
import { startJobQueue } from "./jobs/job-queue.ts";
import { startLiveHub } from "./live/live-hub.ts";
import { smtpTransport } from "./mail/transport.ts";
import { DEMO_PASSWORD, seedDemo } from "./seed/demo-seed.ts";
import { seedFundingCatalogue } from "./seed/seed-funding-catalogue.ts";
import { exitGracefullyOnSignals } from "./shutdown.ts";
import { importContiguity } from "./territories/import-contiguity.ts";
import { importTerritories } from "./territories/import-territories.ts";

const env = parseEnv();
const webDist = env.TRAME_WEB_DIST ?? fileURLToPath(new URL("../../web/dist", import.meta.url));

const log = pino({ level: env.LOG_LEVEL });
const database = await openDatabase(env);
const live = await startLiveHub(database, log);
const proconnectSettings = proConnectSettings(env);
const proconnect = proconnectSettings ? new ProConnectClient(proconnectSettings) : null;
log.info(
  { backend: database.backend, dataDir: database.backend === "pglite" ? env.TRAME_DATA_DIR : undefined },
  "database ready",
);
const orphanChunks = await sweepOrphanChunks(database.db);
if (orphanChunks > 0) log.info({ orphanChunks }, "removed chunks of uploads interrupted by a crash");

// First start: the official EPCI list, so any intercommunality can be found from day one. Again once
// after migration 145001, which added the communes' SIREN (ProConnect finds an agent's EPCI with it).
if ((await countTerritories(database.db, EPCI_KINDS)) === 0 || (await countCommunesWithoutSiren(database.db)) > 0) {
  const imported = await importTerritories(database.db);
  log.info(imported, "EPCI imported from @etalab/decoupage-administratif");
}
// Also on an instance imported before contiguity existed; reads one row when this version is loaded.
const contiguity = await importContiguity(database.db);
if (contiguity.loaded) log.info(contiguity, "EPCI contiguity loaded");
const catalogue = await seedFundingCatalogue(database.db);
log.info({ added: catalogue }, "funding programmes catalogue ready (reference data, whatever TRAME_DEMO)");
if (env.TRAME_DEMO) {
  const { accounts } = await seedDemo(database.db);
  log.info(
    { password: DEMO_PASSWORD, accounts: accounts.map((a) => a.email) },
    "demo data ready (disable with TRAME_DEMO=false) / données de démonstration prêtes",
  );
}

const mailTransport = env.SMTP_URL ? smtpTransport(env.SMTP_URL, env.MAIL_FROM) : null;
const jobs = await startJobQueue(database, log, {
  housekeepingCron: env.TRAME_HOUSEKEEPING_CRON,
  remindersCron: env.TRAME_REMINDERS_CRON,
  digestDailyCron: env.TRAME_DIGEST_DAILY_CRON,
  digestWeeklyCron: env.TRAME_DIGEST_WEEKLY_CRON,
  outboxKeepDays: env.TRAME_OUTBOX_KEEP_DAYS,
  publicUrl: publicUrlOf(env),
  mailTransport,
});
log.info(
  {
    housekeeping: env.TRAME_HOUSEKEEPING_CRON,
    reminders: env.TRAME_REMINDERS_CRON,
    smtp: env.SMTP_URL ? new URL(env.SMTP_URL).host : null,
  },
  env.SMTP_URL
    ? "job queue ready (pg-boss), e-mail sent over SMTP"
    : "job queue ready (pg-boss); no SMTP_URL: e-mail stays in the outbox (/admin/courriels)",
);
const app = await buildApp({
  db: database.db,
  webDist,
  logger: log,
  trustProxy: env.TRAME_TRUST_PROXY,
  demo: env.TRAME_DEMO,
  live,
  proconnect,
  jobs: jobs.boss,
  notifications: env.TRAME_NOTIFICATIONS ? jobs.boss : null,
  publicUrl: publicUrlOf(env),
  maxActiveRequests: env.TRAME_MAX_ACTIVE_REQUESTS ?? defaultMaxActive(env.DATABASE_POOL_SIZE),
  sessionPolicy: {
    idleSeconds: env.TRAME_SESSION_IDLE_MINUTES * 60,
    maxSeconds: env.TRAME_SESSION_MAX_HOURS * 3600,
  },
});

await app.listen({ port: env.PORT, host: env.HOST });
// The password estimator's dictionaries load on first use (a few hundred ms): now, not in someone's request.
void judgePassword("warm-up").catch((error: unknown) => log.warn({ error }, "password estimator not loaded"));

// The database closes last: requests and jobs still running need it until they end.
exitGracefullyOnSignals(log, [
  () => app.close(),
  () => jobs.stop(),
  () => mailTransport?.close(),
  () => live.close(),
  () => database.close(),
]);
