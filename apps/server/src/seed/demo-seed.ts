import { EPCI_KINDS } from "@trame/core";
import { countTerritories, type Database, type Kysely, sql } from "@trame/db";
import { importTerritories } from "../territories/import-territories.ts";
import { adoptEarlierDemo } from "./adopt-earlier-demo.ts";
import { DEMO_ACCOUNTS, type DemoAccount } from "./demo-accounts.data.ts";
import { insertDemoAccounts, prepareMissingAccounts } from "./demo-accounts.ts";
import { expectedDemoKeys } from "./demo-keys.ts";
import { seedApplications } from "./seed-applications.ts";
import { seedCooperationLife } from "./seed-cooperation-life.ts";
import { seedCooperations } from "./seed-cooperations.ts";
import { SeedMarks } from "./seed-marks.ts";
import { seedProjects } from "./seed-projects.ts";
import { ensureOtherBodies, seedNeighbourLinks, territoriesBySiren } from "./seed-territories.ts";

export { DEMO_ACCOUNTS, DEMO_PASSWORD, type DemoAccount } from "./demo-accounts.data.ts";

export interface SeedDemoResult {
  accounts: DemoAccount[];
  /** What this run added; all zero on a re-run. */
  created: { territories: number; neighbourLinks: number; cooperations: number; projects: number; accounts: number };
}

const NOTHING = { territories: 0, neighbourLinks: 0, cooperations: 0, projects: 0, accounts: 0 };

/**
 * The demo of the four territories of the study: their neighbours, the real cooperation structures
 * around them and one account per territory. Each piece is made once and recorded under a key the
 * seed owns (seed_marks); once every piece is recorded a run reads one table and writes nothing, so a
 * restart never undoes what users changed or removed. A run lands whole or not at all (one
 * transaction). Imports the official EPCI list first when the database has none.
 */
export async function seedDemo(db: Kysely<Database>, options: { currentYear?: number } = {}): Promise<SeedDemoResult> {
  if ((await countTerritories(db, EPCI_KINDS)) === 0) await importTerritories(db);
  const recorded = await SeedMarks.read(db);
  if (recorded.missing(expectedDemoKeys()).length === 0) return { accounts: [...DEMO_ACCOUNTS], created: NOTHING };

  const currentYear = options.currentYear ?? new Date().getFullYear();
  const prepared = await prepareMissingAccounts(recorded);
  const created = await db.transaction().execute(async (trx) => {
    // Two instances starting together on a fresh database must not both seed.
    await sql`select pg_advisory_xact_lock(hashtext('trame.seed-demo'))`.execute(trx);
    const marks = await SeedMarks.read(trx);
    if (await adoptEarlierDemo(trx, marks)) return NOTHING;
    const bySiren = await territoriesBySiren(trx);
    const bodies = await ensureOtherBodies(trx, marks);
    const neighbourLinks = await seedNeighbourLinks(trx, bySiren, marks);
    const otherBodyIdByLabel = bodies.idByLabel;
    const cooperations = await seedCooperations(trx, { bySiren, otherBodyIdByLabel }, currentYear, marks);
    const territoryIdOf = (ref: string) => bySiren.get(ref)?.id ?? otherBodyIdByLabel.get(ref);
    const projects = await seedProjects(
      trx,
      {
        territoryId(ref) {
          const id = territoryIdOf(ref);
          if (!id) throw new Error(`demo project: unknown territory ${ref}`);
          return id;
        },
      },
      marks,
    );
    await seedApplications(trx, territoryIdOf, marks);
    await seedCooperationLife(
      trx,
      (siren) => {
        const id = bySiren.get(siren)?.id;
        if (!id) throw new Error(`demo cooperation life: unknown SIREN ${siren}`);
        return id;
      },
      marks,
    );
    const accounts = await insertDemoAccounts(trx, prepared, (siren) => bySiren.get(siren)?.id, marks);
    return { territories: bodies.created, neighbourLinks, cooperations, projects, accounts };
  });
  return { accounts: [...DEMO_ACCOUNTS], created };
}
