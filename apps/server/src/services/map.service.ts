import { MAP_RECENT_ACTION_MONTHS, notFound, type Theme, todayInFrance } from "@trame/core";
import {
  type CooperationFigures,
  cooperationFiguresOf,
  cooperationMapOf,
  type Database,
  getTerritory,
  type Kysely,
  listContiguity,
  type MapTerritory,
  mapDepartements,
  mapTerritories,
  nationalMapFigures,
  type Viewer,
} from "@trame/db";

export interface TerritoryMapLink extends CooperationFigures {
  territory: MapTerritory;
  /** Shares a boundary (from geometry); a body it only cooperates with is not contiguous. */
  contiguous: boolean;
  lengthKm: number | null;
}

/** The first day counted as "the last 12 months", in France's calendar. */
export function recentSince(today: string = todayInFrance()): string {
  const [year, month, day] = today.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1 - MAP_RECENT_ACTION_MONTHS, day));
  return date.toISOString().slice(0, 10);
}

/**
 * A territory's map: each contiguous neighbour (even with nothing recorded: where cooperation could
 * start) and each territory it cooperates with, with the figures the viewer may see. Sorted by how
 * much they do together, then by name.
 */
export async function readTerritoryMap(db: Kysely<Database>, viewer: Viewer, territoryId: string) {
  const territory = await getTerritory(db, territoryId);
  if (!territory) throw notFound({ fr: "Territoire", en: "Territory" });
  const since = recentSince();
  const [contiguity, figures] = await Promise.all([
    listContiguity(db, territoryId),
    cooperationFiguresOf(db, territoryId, viewer, since),
  ]);
  const lengths = new Map(contiguity.map((c) => [c.id, c.lengthKm]));
  const territories = await mapTerritories(db, [...new Set([...lengths.keys(), ...figures.keys()])]);
  const links: TerritoryMapLink[] = territories.map((t) => ({
    territory: t,
    contiguous: lengths.has(t.id),
    lengthKm: lengths.get(t.id) ?? null,
    ...(figures.get(t.id) ?? { cooperations: 0, projects: 0, actions: 0 }),
  }));
  const total = (l: TerritoryMapLink) => l.cooperations + l.projects + l.actions;
  links.sort((a, b) => total(b) - total(a) || a.territory.name.localeCompare(b.territory.name, "fr"));
  const { id, siren, name, kind } = territory;
  return { territory: { id, siren, name, kind }, since, links };
}

export async function readCooperationMap(db: Kysely<Database>, cooperationId: string) {
  const found = await db
    .selectFrom("cooperations")
    .select(["id", "name"])
    .where("id", "=", cooperationId)
    .executeTakeFirst();
  if (!found) throw notFound({ fr: "Coopération", en: "Cooperation" });
  return { cooperation: found, ...(await cooperationMapOf(db, cooperationId)) };
}

export async function readNationalMap(db: Kysely<Database>, viewer: Viewer, theme: Theme | undefined) {
  const { metropoles, entries } = await nationalMapFigures(db, viewer, theme);
  return { theme: theme ?? null, metropoles, entries };
}

/**
 * The régions and départements `/carte` can zoom to, each with the SIRENs of its territories. The same
 * for every reader (geography, no project figure), so the web app keeps it for the session.
 */
export async function readMapAreas(db: Kysely<Database>) {
  const departements = await mapDepartements(db);
  const regions = new Map<string, { code: string; name: string; sirens: Set<string> }>();
  for (const departement of departements) {
    const region = regions.get(departement.regionCode) ?? {
      code: departement.regionCode,
      name: departement.regionName,
      sirens: new Set<string>(),
    };
    for (const siren of departement.sirens) region.sirens.add(siren);
    regions.set(departement.regionCode, region);
  }
  return {
    regions: [...regions.values()]
      .map((region) => ({ code: region.code, name: region.name, sirens: [...region.sirens].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name, "fr")),
    departements: departements.map(({ code, name, regionCode, sirens }) => ({ code, name, regionCode, sirens })),
  };
}
