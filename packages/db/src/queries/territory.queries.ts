import type { NeighbourKind, SearchTerritoriesInput, TerritoryKind } from "@trame/core";
import { searchKey } from "@trame/core";
import { type Kysely, type Selectable, sql } from "kysely";
import type { Database, NewTerritory, TerritoriesTable } from "../schema.ts";
import { listContiguity } from "./territory-contiguity.queries.ts";

export interface Territory {
  id: string;
  siren: string | null;
  name: string;
  kind: TerritoryKind;
  population: number | null;
  departements: string[];
  country: string;
  version: number;
}

const territoryColumns = [
  "territories.id",
  "territories.siren",
  "territories.name",
  "territories.kind",
  "territories.population",
  "territories.departements",
  "territories.country",
  "territories.version",
] as const;

function toTerritory(
  row: Pick<
    Selectable<TerritoriesTable>,
    "id" | "siren" | "name" | "kind" | "population" | "departements" | "country" | "version"
  >,
): Territory {
  return {
    id: row.id,
    siren: row.siren,
    name: row.name,
    kind: row.kind,
    population: row.population,
    departements: row.departements,
    country: row.country,
    version: row.version,
  };
}

export async function searchTerritories(
  db: Kysely<Database>,
  input: SearchTerritoriesInput,
): Promise<{ items: Territory[]; total: number }> {
  const key = searchKey(input.query);
  let query = db.selectFrom("territories").where("archived_at", "is", null);
  if (/^\d{9}$/.test(key)) {
    query = query.where("siren", "=", key);
  } else if (key) {
    // Escape LIKE wildcards typed by the user: "%" must search for a percent sign, not match everything.
    const pattern = key.replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where("search_key", "like", `%${pattern}%`);
  }
  if (input.kinds?.length) query = query.where("kind", "in", input.kinds);
  if (input.departement) query = query.where(sql<boolean>`${input.departement} = any(departements)`);

  const rows = await query
    .select([...territoryColumns, sql<number>`count(*) over ()`.as("total")])
    // Names starting with the query first, then the most populous: "orleans" puts Orléans Métropole on top.
    .orderBy(sql`starts_with(search_key, ${key})`, "desc")
    .orderBy("population", (ob) => ob.desc().nullsLast())
    .orderBy("name")
    .orderBy("id")
    .limit(input.limit)
    .offset(input.offset)
    .execute();
  return { items: rows.map(toTerritory), total: rows[0]?.total ?? 0 };
}

export async function getTerritory(db: Kysely<Database>, id: string): Promise<Territory | undefined> {
  const row = await db.selectFrom("territories").select(territoryColumns).where("id", "=", id).executeTakeFirst();
  return row && toTerritory(row);
}

export async function getTerritoriesByIds(db: Kysely<Database>, ids: readonly string[]): Promise<Territory[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom("territories").select(territoryColumns).where("id", "in", ids).execute();
  return rows.map(toTerritory);
}

export async function findTerritoryBySiren(db: Kysely<Database>, siren: string): Promise<Territory | undefined> {
  const row = await db.selectFrom("territories").select(territoryColumns).where("siren", "=", siren).executeTakeFirst();
  return row && toTerritory(row);
}

export interface Commune {
  insee: string;
  name: string;
  population: number | null;
}

export async function listCommunes(db: Kysely<Database>, territoryId: string): Promise<Commune[]> {
  return db
    .selectFrom("communes")
    .select(["insee", "name", "population"])
    .where("territory_id", "=", territoryId)
    .orderBy("population", (ob) => ob.desc().nullsLast())
    .orderBy("name")
    .execute();
}

export interface Neighbour {
  territory: Territory;
  kind: NeighbourKind;
  source: string;
  /** Length of the shared boundary, for a neighbour by geometry; null for a functional link only. */
  lengthKm: number | null;
  /** An administrator (or the demo seed) recorded this link: it can be edited or removed. */
  recorded: boolean;
}

/** Where a contiguity computed from geometry comes from, shown where no link was recorded by hand. */
export const CONTIGUITY_SOURCE = "Contiguïté des communes (IGN Admin Express, EPCI 2026)";

/**
 * A territory's neighbours, one entry per neighbour: the contiguity computed from geometry (with the
 * shared length) merged with the links administrators record (with their source). A recorded link
 * to a territory that also shares a boundary keeps its source and gains the length. Contiguous
 * first, then by name.
 */
export async function listNeighbours(db: Kysely<Database>, territoryId: string): Promise<Neighbour[]> {
  const [links, contiguity] = await Promise.all([listNeighbourLinks(db, territoryId), listContiguity(db, territoryId)]);
  const byId = new Map<string, Neighbour>(links.map((link) => [link.territory.id, link]));
  const missing = contiguity.filter((pair) => !byId.has(pair.id)).map((pair) => pair.id);
  const territories = new Map((await getTerritoriesByIds(db, missing)).map((t) => [t.id, t]));
  for (const { id, lengthKm } of contiguity) {
    const link = byId.get(id);
    if (link) {
      byId.set(id, { ...link, kind: "contiguous", lengthKm });
      continue;
    }
    const territory = territories.get(id);
    if (territory)
      byId.set(id, { territory, kind: "contiguous", source: CONTIGUITY_SOURCE, lengthKm, recorded: false });
  }
  const order = (kind: NeighbourKind) => (kind === "contiguous" ? 0 : 1);
  return [...byId.values()].sort(
    (a, b) => order(a.kind) - order(b.kind) || a.territory.name.localeCompare(b.territory.name, "fr"),
  );
}

/** The links recorded by hand. Symmetric in meaning, stored once: read both directions. */
async function listNeighbourLinks(db: Kysely<Database>, territoryId: string): Promise<Neighbour[]> {
  const rows = await db
    .selectFrom("territory_neighbours as n")
    .innerJoin("territories", (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb("n.territory_id", "=", territoryId), eb("territories.id", "=", eb.ref("n.neighbour_id"))]),
          eb.and([eb("n.neighbour_id", "=", territoryId), eb("territories.id", "=", eb.ref("n.territory_id"))]),
        ]),
      ),
    )
    .select([...territoryColumns, "n.kind as link_kind", "n.source as link_source"])
    .where((eb) => eb.or([eb("n.territory_id", "=", territoryId), eb("n.neighbour_id", "=", territoryId)]))
    .execute();
  return rows.map((row) => ({
    territory: toTerritory(row),
    kind: row.link_kind,
    source: row.link_source,
    lengthKm: null,
    recorded: true,
  }));
}

export async function findNeighbourLink(db: Kysely<Database>, a: string, b: string) {
  return db
    .selectFrom("territory_neighbours")
    .selectAll()
    .where((eb) =>
      eb.or([
        eb.and([eb("territory_id", "=", a), eb("neighbour_id", "=", b)]),
        eb.and([eb("territory_id", "=", b), eb("neighbour_id", "=", a)]),
      ]),
    )
    .executeTakeFirst();
}

export async function upsertNeighbourLink(
  db: Kysely<Database>,
  link: { territoryId: string; neighbourId: string; kind: NeighbourKind; source: string },
): Promise<void> {
  const existing = await findNeighbourLink(db, link.territoryId, link.neighbourId);
  if (existing) {
    await db
      .updateTable("territory_neighbours")
      .set({ kind: link.kind, source: link.source })
      .where("territory_id", "=", existing.territory_id)
      .where("neighbour_id", "=", existing.neighbour_id)
      .execute();
    return;
  }
  await db
    .insertInto("territory_neighbours")
    .values({ territory_id: link.territoryId, neighbour_id: link.neighbourId, kind: link.kind, source: link.source })
    .execute();
}

export async function deleteNeighbourLink(db: Kysely<Database>, a: string, b: string): Promise<number> {
  const result = await db
    .deleteFrom("territory_neighbours")
    .where((eb) =>
      eb.or([
        eb.and([eb("territory_id", "=", a), eb("neighbour_id", "=", b)]),
        eb.and([eb("territory_id", "=", b), eb("neighbour_id", "=", a)]),
      ]),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function insertTerritory(
  db: Kysely<Database>,
  values: Omit<NewTerritory, "search_key">,
): Promise<Territory> {
  const row = await db
    .insertInto("territories")
    .values({ ...values, search_key: territorySearchKey(values.name, values.siren ?? null) })
    .returning(territoryColumns)
    .executeTakeFirstOrThrow();
  return toTerritory(row);
}

/** Optimistic update: only applies when the stored version is still `version`; undefined otherwise. */
export async function updateTerritory(
  db: Kysely<Database>,
  id: string,
  version: number,
  changes: {
    name?: string | undefined;
    population?: number | null | undefined;
    departements?: string[] | undefined;
    siren?: string | null;
  },
): Promise<Territory | undefined> {
  const current = await getTerritory(db, id);
  if (!current || current.version !== version) return undefined;
  const name = changes.name ?? current.name;
  const row = await db
    .updateTable("territories")
    .set({
      ...changes,
      search_key: territorySearchKey(name, changes.siren === undefined ? current.siren : changes.siren),
      version: sql`version + 1`,
      updated_at: sql`now()`,
    })
    .where("id", "=", id)
    .where("version", "=", version)
    .returning(territoryColumns)
    .executeTakeFirst();
  return row && toTerritory(row);
}

/** The SIREN is folded into the key so one trigram index serves both name and SIREN substrings. */
export function territorySearchKey(name: string, siren: string | null): string {
  return siren ? `${searchKey(name)} ${siren}` : searchKey(name);
}

export async function countTerritories(db: Kysely<Database>, kinds?: readonly TerritoryKind[]): Promise<number> {
  let query = db.selectFrom("territories").select((eb) => eb.fn.countAll<number>().as("n"));
  if (kinds?.length) query = query.where("kind", "in", kinds);
  const row = await query.executeTakeFirstOrThrow();
  return Number(row.n);
}
