import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { EPCI_KINDS, type EpciKind } from "@trame/core";
import { type Database, fromReference, type Kysely, sql, territorySearchKey } from "@trame/db";
import { importContiguity } from "./import-contiguity.ts";
import { importDepartements } from "./import-departements.ts";

/** The fields of `@etalab/decoupage-administratif` 6.0.0 this import reads; checked on load (see assertShape). */
interface EtalabEpciMember {
  code: string;
  nom: string;
  populationMunicipale: number | null;
}
interface EtalabEpci {
  code: string;
  nom: string;
  type: string;
  populationMunicipale: number | null;
  membres: EtalabEpciMember[];
}
interface EtalabCommune {
  code: string;
  nom: string;
  type: string;
  departement?: string;
  /** The commune's own SIREN (2xx xxx xxx): ProConnect gives an agent's SIRET, whose first 9 digits it is. */
  siren?: string;
}

interface EpciRow {
  siren: string;
  name: string;
  kind: EpciKind;
  population: number | null;
  departements: string[];
  search_key: string;
}
interface CommuneRow {
  insee: string;
  name: string;
  population: number | null;
  siren: string;
  commune_siren: string | null;
}

/** ~35k communes: batches keep each bound parameter around half a megabyte of JSON. */
const COMMUNE_BATCH = 5_000;

/**
 * Imports every EPCI à fiscalité propre and its member communes from the official list, in one
 * transaction and set-based. Re-running updates rows in place (same ids, so cooperations keep their
 * members), writes only where the list changed and never over an administrator's edit (see
 * upsertEpci), and archives EPCI gone from the list (merged or dissolved) instead of deleting them,
 * since cooperations may still reference them.
 */
export async function importTerritories(
  db: Kysely<Database>,
): Promise<{ epci: number; communes: number; contiguity: number }> {
  await importDepartements(db);
  const { epci, communes } = await loadEtalab();
  const epciRows = toEpciRows(epci, communes);
  const communeRows = toCommuneRows(epci, communes);

  await db.transaction().execute(async (trx) => {
    // Two instances starting together on an empty database would otherwise import side by side.
    await sql`select pg_advisory_xact_lock(hashtext('trame.import-territories'))`.execute(trx);
    await upsertEpci(trx, epciRows);
    await archiveVanishedEpci(
      trx,
      epciRows.map((row) => row.siren),
    );
    for (let start = 0; start < communeRows.length; start += COMMUNE_BATCH) {
      await upsertCommunes(trx, communeRows.slice(start, start + COMMUNE_BATCH));
    }
    await deleteVanishedCommunes(
      trx,
      communeRows.map((row) => row.insee),
    );
  });
  // Pairs are matched by SIREN, so after the EPCI; loaded only when the data's version changed.
  const contiguity = await importContiguity(db);
  return { epci: epciRows.length, communes: communeRows.length, contiguity: contiguity.pairs };
}

/**
 * A field takes the list's new value only where it still holds the value the import last wrote
 * (`reference`): an administrator's correction of a name or a population survives every re-import.
 * A row whose reference is unknown (written before references were kept) keeps its values and only
 * gains its reference. Rows whose reference is unchanged are not written at all.
 */
async function upsertEpci(trx: Kysely<Database>, rows: EpciRow[]): Promise<void> {
  const fromList = (column: string) => fromReference("territories", column);
  await sql`
    insert into territories (siren, name, kind, population, departements, search_key, source, reference)
    select r.siren, r.name, r.kind, r.population, r.departements, r.search_key, 'etalab',
      jsonb_build_object('name', r.name, 'kind', r.kind, 'population', r.population, 'departements', r.departements)
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(siren text, name text, kind text, population integer, departements text[], search_key text)
    on conflict (siren) do update set
      name = ${fromList("name")}, kind = ${fromList("kind")}, population = ${fromList("population")},
      departements = ${fromList("departements")},
      search_key = case when to_jsonb(territories.name) = territories.reference->'name'
        then excluded.search_key else territories.search_key end,
      source = excluded.source, reference = excluded.reference,
      archived_at = null, version = territories.version + 1, updated_at = now()
    where territories.reference is distinct from excluded.reference
      or territories.source is distinct from excluded.source or territories.archived_at is not null
  `.execute(trx);
}

async function archiveVanishedEpci(trx: Kysely<Database>, sirens: string[]): Promise<void> {
  await sql`
    update territories set archived_at = now(), version = version + 1, updated_at = now()
    where source = 'etalab' and archived_at is null
      and siren not in (select jsonb_array_elements_text(${JSON.stringify(sirens)}::jsonb))
  `.execute(trx);
}

async function upsertCommunes(trx: Kysely<Database>, rows: CommuneRow[]): Promise<void> {
  await sql`
    insert into communes (insee, name, population, territory_id, siren)
    select r.insee, r.name, r.population, t.id, r.commune_siren
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      as r(insee text, name text, population integer, siren text, commune_siren text)
    join territories t on t.siren = r.siren
    on conflict (insee) do update set
      name = excluded.name, population = excluded.population, territory_id = excluded.territory_id,
      siren = excluded.siren
    where (communes.name, communes.population, communes.territory_id, communes.siren)
      is distinct from (excluded.name, excluded.population, excluded.territory_id, excluded.siren)
  `.execute(trx);
}

/** Communes merged into a commune nouvelle leave the list; nothing references communes, so they go. */
async function deleteVanishedCommunes(trx: Kysely<Database>, codes: string[]): Promise<void> {
  await sql`
    delete from communes
    where insee not in (select jsonb_array_elements_text(${JSON.stringify(codes)}::jsonb))
  `.execute(trx);
}

function toEpciRows(epci: EtalabEpci[], communes: Map<string, EtalabCommune>): EpciRow[] {
  return epci.map((item) => {
    const kind = EPCI_KINDS.find((k) => k === item.type);
    if (!kind) throw new Error(`EPCI ${item.code}: unknown nature juridique "${item.type}"`);
    return {
      siren: item.code,
      name: item.nom,
      kind,
      population: item.populationMunicipale,
      departements: departementsOf(item, communes),
      search_key: territorySearchKey(item.nom, item.code),
    };
  });
}

/** Ordered by the population each département holds, so the first one is the EPCI's main département. */
function departementsOf(item: EtalabEpci, communes: Map<string, EtalabCommune>): string[] {
  const weight = new Map<string, number>();
  for (const member of item.membres) {
    const departement = communes.get(member.code)?.departement ?? member.code.slice(0, 2);
    weight.set(departement, (weight.get(departement) ?? 0) + (member.populationMunicipale ?? 0));
  }
  return [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code]) => code);
}

/**
 * One row per member commune of an EPCI (34,871 in 6.0.0): the few current communes outside any EPCI
 * (islands, overseas collectivities) have no territory to belong to. The name is the current one
 * from the communes file (the EPCI file lags behind renamings); the population is the EPCI file's
 * population municipale, the same vintage as the EPCI's, so a territory's communes add up to it.
 */
function toCommuneRows(epci: EtalabEpci[], communes: Map<string, EtalabCommune>): CommuneRow[] {
  return epci.flatMap((item) =>
    item.membres.map((member) => ({
      insee: member.code,
      name: communes.get(member.code)?.nom ?? member.nom,
      population: member.populationMunicipale,
      siren: item.code,
      commune_siren: communes.get(member.code)?.siren ?? null,
    })),
  );
}

/** The package's index.js reads its files relative to the working directory, so read them directly. */
async function loadEtalab(): Promise<{ epci: EtalabEpci[]; communes: Map<string, EtalabCommune> }> {
  const require = createRequire(import.meta.url);
  const read = async (file: string): Promise<unknown> =>
    JSON.parse(await readFile(require.resolve(`@etalab/decoupage-administratif/data/${file}`), "utf8"));
  const [epciData, communeData] = await Promise.all([read("epci.json"), read("communes.json")]);
  const epci = assertShape<EtalabEpci>(epciData, "epci.json", ["code", "nom", "type", "membres"]);
  const allCommunes = assertShape<EtalabCommune>(communeData, "communes.json", ["code", "nom", "type"]);
  const current = allCommunes.filter((commune) => commune.type === "commune-actuelle");
  return { epci, communes: new Map(current.map((commune) => [commune.code, commune])) };
}

/** A cheap guard against a package upgrade that renames fields: fail loudly before writing anything. */
function assertShape<T>(data: unknown, file: string, fields: string[]): T[] {
  const first: unknown = Array.isArray(data) ? data[0] : undefined;
  const ok = typeof first === "object" && first !== null && fields.every((field) => field in first);
  if (!ok) throw new Error(`@etalab/decoupage-administratif ${file}: unexpected format (fields ${fields.join(", ")})`);
  return data as T[];
}
