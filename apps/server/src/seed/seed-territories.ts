import type { TerritoryKind } from "@trame/core";
import {
  type Database,
  findNeighbourLink,
  insertTerritory,
  type Kysely,
  recordAudit,
  upsertNeighbourLink,
} from "@trame/db";
import { DEMO_ACCOUNTS } from "./demo-accounts.ts";
import { COOPERATION_STRUCTURES, NEIGHBOURS, STUDY_METROPOLISES } from "./seed-data.ts";

interface OtherBody {
  name: string;
  kind: TerritoryKind;
  country: string;
}

const germanPartner = (name: string): OtherBody => ({ name, kind: "foreign_partner", country: "DE" });

/**
 * Associates named in the curated data that are not EPCI, by the label the data uses. The data
 * spells the town of Kehl two ways ("Kehl" in the Eurodistrict, "Ville de Kehl (DE)" in the Strasbourg
 * convention): both are the same partner, so one territory.
 */
export const OTHER_BODIES: Readonly<Record<string, OtherBody>> = {
  "Ortenaukreis (DE)": germanPartner("Ortenaukreis (DE)"),
  Achern: germanPartner("Ville d'Achern (DE)"),
  Kehl: germanPartner("Ville de Kehl (DE)"),
  "Ville de Kehl (DE)": germanPartner("Ville de Kehl (DE)"),
  Lahr: germanPartner("Ville de Lahr (DE)"),
  Oberkirch: germanPartner("Ville d'Oberkirch (DE)"),
  Offenburg: germanPartner("Ville d'Offenburg (DE)"),
  "État français": { name: "État français", kind: "other", country: "FR" },
};

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
 * Creates the non-EPCI bodies once; found again by name and kind (they have no SIREN to key on).
 * Returns each curated label's territory id.
 */
export async function ensureOtherBodies(
  trx: Kysely<Database>,
): Promise<{ idByLabel: Map<string, string>; created: number }> {
  const idByName = new Map<string, string>();
  let created = 0;
  for (const body of new Map(Object.values(OTHER_BODIES).map((b) => [b.name, b])).values()) {
    const existing = await trx
      .selectFrom("territories")
      .select("id")
      .where("name", "=", body.name)
      .where("kind", "=", body.kind)
      .where("siren", "is", null)
      .executeTakeFirst();
    if (existing) {
      idByName.set(body.name, existing.id);
      continue;
    }
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
 * Contiguous and functional neighbours of the four metropolises. A link already stored is left as it
 * is, like every seeded row: an administrator may have corrected its kind or source since.
 */
export async function seedNeighbourLinks(
  trx: Kysely<Database>,
  bySiren: ReadonlyMap<string, SeedTerritory>,
): Promise<number> {
  let written = 0;
  for (const record of NEIGHBOURS) {
    const territoryId = bySiren.get(record.metropolisSiren)?.id;
    const neighbourId = bySiren.get(record.neighbourSiren)?.id;
    if (!territoryId || !neighbourId)
      throw new Error(`Neighbour link ${record.metropolisSiren}-${record.neighbourSiren}: unknown SIREN`);
    if (await findNeighbourLink(trx, territoryId, neighbourId)) continue;
    await upsertNeighbourLink(trx, { territoryId, neighbourId, kind: record.kind, source: record.source });
    written++;
  }
  return written;
}
