import { fileURLToPath } from "node:url";
import { EPCI_KINDS } from "@trame/core";
import { countCommunesWithoutSiren, countTerritories } from "@trame/db";
import { pino } from "pino";
import { ProConnectClient, proConnectSettings } from "./auth/proconnect-client.ts";
import { openDatabase } from "./database.ts";
import { parseEnv } from "./env.ts";
import { buildApp } from "./http/app.ts";
import { startJobQueue } from "./jobs/job-queue.ts";
import { startLiveHub } from "./live/live-hub.ts";
import { DEMO_PASSWORD, seedDemo } from "./seed/demo-seed.ts";
import { seedFundingCatalogue } from "./seed/seed-funding-catalogue.ts";
import { importContiguity } from "./territories/import-contiguity.ts";
import { importTerritories } from "./territories/import-territories.ts";

const env = parseEnv();
const webDist = env.TRAME_WEB_DIST ?? fileURLToPath(new URL("../../web/dist", import.meta.url));

const log = pino({ level: env.LOG_LEVEL });
const database = await openDatabase(env);
const live = await startLiveHub(database, log);
const proconnectSettings = proConnectSettings(env);
const proconnect = proconnectSettings ? new ProConnectClient(proconnectSettings) : null;
const app = await buildApp({
  db: database.db,
  webDist,
  logger: log,
  trustProxy: env.TRAME_TRUST_PROXY,
  live,
  proconnect,
  sessionPolicy: {
    idleSeconds: env.TRAME_SESSION_IDLE_MINUTES * 60,
    maxSeconds: env.TRAME_SESSION_MAX_HOURS * 3600,
  },
});
log.info(
  { backend: database.backend, dataDir: database.backend === "pglite" ? env.TRAME_DATA_DIR : undefined },
  "database ready",
);

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

const jobs = await startJobQueue(database, log, { housekeepingCron: env.TRAME_HOUSEKEEPING_CRON });
log.info({ housekeeping: env.TRAME_HOUSEKEEPING_CRON }, "job queue ready (pg-boss)");

await app.listen({ port: env.PORT, host: env.HOST });

// SIGTERM (orchestrator) and SIGINT (Ctrl-C): stop accepting, let in-flight requests finish, then close the database.
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await app.close();
    await jobs.stop();
    await live.close();
    await database.close();
    process.exit(0);
  });
}
