import {
  type Database,
  findNeighbourLink,
  insertTerritory,
  type Kysely,
  recordAudit,
  upsertNeighbourLink,
} from "@trame/db";
import { DEMO_ACCOUNTS } from "./demo-accounts.data.ts";
import { demoKey } from "./demo-keys.ts";
import { OTHER_BODIES } from "./other-bodies.data.ts";
import { COOPERATION_STRUCTURES, NEIGHBOURS, STUDY_METROPOLISES } from "./seed-data.ts";
import type { SeedMarks } from "./seed-marks.ts";

const isSiren = (value: string) => /^\d{9}$/.test(value);

/** Every SIREN the seed refers to: metropolises, neighbours, members, EPCI associates and accounts. */
export function referencedSirens(): string[] {
  const sirens = new Set<string>(STUDY_METROPOLISES.map((m) => m.siren));
  for (const account of DEMO_ACCOUNTS) if (account.territorySiren) sirens.add(account.territorySiren);
  for (const n of NEIGHBOURS) sirens.add(n.metropolisSiren).add(n.neighbourSiren);
  for (const s of COOPERATION_STRUCTURES) {
    for (const siren of [...s.membres_siren, ...s.associes_non_epci.filter(isSiren)]) sirens.add(siren);
  }
  return [...sirens];
}

export interface SeedTerritory {
  id: string;
  population: number | null;
}

/** The imported EPCI the seed refers to, by SIREN; a missing one means the reference import is not done. */
export async function territoriesBySiren(trx: Kysely<Database>): Promise<Map<string, SeedTerritory>> {
  const sirens = referencedSirens();
  const rows = await trx
    .selectFrom("territories")
    .select(["id", "siren", "population"])
    .where("siren", "in", sirens)
    .execute();
  const bySiren = new Map(
    rows.flatMap((row) => (row.siren ? [[row.siren, { id: row.id, population: row.population }] as const] : [])),
  );
  const missing = sirens.filter((siren) => !bySiren.has(siren));
  if (missing.length > 0) {
    throw new Error(`Territories missing for the demo seed (run import-territories first): ${missing.join(", ")}`);
  }
  return bySiren;
}

/**
 * Creates the non-EPCI bodies once, under a seed key: a body an administrator has since renamed is
 * still the seed's, and is not made again. Returns each curated label's territory id.
 */
export async function ensureOtherBodies(
  trx: Kysely<Database>,
  marks: SeedMarks,
): Promise<{ idByLabel: Map<string, string>; created: number }> {
  const idByName = new Map<string, string>();
  let created = 0;
  for (const body of new Map(Object.values(OTHER_BODIES).map((b) => [b.name, b])).values()) {
    const key = demoKey.body(body.name);
    const known = marks.idOf(key);
    if (known) idByName.set(body.name, known);
    if (marks.has(key)) continue;
    const territory = await insertTerritory(trx, {
      ...body,
      siren: null,
      population: null,
      departements: [],
      source: "seed",
    });
    await recordAudit(trx, {
      entityType: "territory",
      entityId: territory.id,
      action: "seeded",
      actorId: null,
      before: null,
      after: territory,
    });
    await marks.record(trx, key, territory.id);
    idByName.set(body.name, territory.id);
    created++;
  }
  const idByLabel = new Map<string, string>();
  for (const [label, body] of Object.entries(OTHER_BODIES)) {
    const id = idByName.get(body.name);
    if (id) idByLabel.set(label, id);
  }
  return { idByLabel, created };
}

/**
 * Contiguous and functional neighbours of the four metropolises, each written once: a link an
 * administrator has since corrected or removed stays as they left it, and one they had already
 * recorded themselves is theirs.
 */
export async function seedNeighbourLinks(
  trx: Kysely<Database>,
  bySiren: ReadonlyMap<string, SeedTerritory>,
  marks: SeedMarks,
): Promise<number> {
  let written = 0;
  for (const record of NEIGHBOURS) {
    const key = demoKey.neighbour(record.metropolisSiren, record.neighbourSiren);
    if (marks.has(key)) continue;
    const territoryId = bySiren.get(record.metropolisSiren)?.id;
    const neighbourId = bySiren.get(record.neighbourSiren)?.id;
    if (!territoryId || !neighbourId)
      throw new Error(`Neighbour link ${record.metropolisSiren}-${record.neighbourSiren}: unknown SIREN`);
    await marks.record(trx, key, null);
    if (await findNeighbourLink(trx, territoryId, neighbourId)) continue;
    await upsertNeighbourLink(trx, { territoryId, neighbourId, kind: record.kind, source: record.source });
    written++;
  }
  return written;
}
