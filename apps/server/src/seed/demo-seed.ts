import { EPCI_KINDS } from "@trame/core";
import { countTerritories, type Database, type Kysely, sql } from "@trame/db";
import { importTerritories } from "../territories/import-territories.ts";
import { DEMO_ACCOUNTS, type DemoAccount, insertDemoAccounts, prepareMissingAccounts } from "./demo-accounts.ts";
import { seedApplications } from "./seed-applications.ts";
import { seedCooperationLife } from "./seed-cooperation-life.ts";
import { seedCooperations } from "./seed-cooperations.ts";
import { seedProjects } from "./seed-projects.ts";
import { ensureOtherBodies, seedNeighbourLinks, territoriesBySiren } from "./seed-territories.ts";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts.ts";

export interface SeedDemoResult {
  accounts: DemoAccount[];
  /** What this run added; all zero on a re-run. */
  created: { territories: number; neighbourLinks: number; cooperations: number; projects: number; accounts: number };
}

/**
 * The demo of the four territories of the study: their neighbours, the real cooperation structures
 * around them and one account per territory. Idempotent: rows are keyed (SIREN, external_ref, email,
 * name of a body) and only missing ones are added, all in one transaction, so a run either lands whole
 * or not at all. Imports the official EPCI list first when the database has none.
 */
export async function seedDemo(db: Kysely<Database>, options: { currentYear?: number } = {}): Promise<SeedDemoResult> {
  if ((await countTerritories(db, EPCI_KINDS)) === 0) await importTerritories(db);
  const currentYear = options.currentYear ?? new Date().getFullYear();
  const prepared = await prepareMissingAccounts(db);

  const created = await db.transaction().execute(async (trx) => {
    // Two instances starting together on a fresh database must not both add the bodies found by name.
    await sql`select pg_advisory_xact_lock(hashtext('trame.seed-demo'))`.execute(trx);
    const bySiren = await territoriesBySiren(trx);
    const bodies = await ensureOtherBodies(trx);
    const neighbourLinks = await seedNeighbourLinks(trx, bySiren);
    const cooperations = await seedCooperations(trx, { bySiren, otherBodyIdByLabel: bodies.idByLabel }, currentYear);
    const projects = await seedProjects(trx, {
      territoryId(ref) {
        const id = bySiren.get(ref)?.id ?? bodies.idByLabel.get(ref);
        if (!id) throw new Error(`demo project: unknown territory ${ref}`);
        return id;
      },
    });
    await seedApplications(trx, (ref) => bySiren.get(ref)?.id ?? bodies.idByLabel.get(ref));
    await seedCooperationLife(trx, (siren) => {
      const id = bySiren.get(siren)?.id;
      if (!id) throw new Error(`demo cooperation life: unknown SIREN ${siren}`);
      return id;
    });
    const accounts = await insertDemoAccounts(trx, prepared, (siren) => bySiren.get(siren)?.id);
    return { territories: bodies.created, neighbourLinks, cooperations, projects, accounts };
  });
  return { accounts: [...DEMO_ACCOUNTS], created };
}
