import type { MemberRole, TerritoryKind, Theme } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";
import { type ProjectEb, projectVisibleTo } from "./project.queries.ts";
import { type FeedEb, visibleTo } from "./timeline-read.queries.ts";
import type { Viewer } from "./viewer.ts";

/** What a map shape needs: the SIREN finds the outline, the rest names it. */
export interface MapTerritory {
  id: string;
  siren: string | null;
  name: string;
  kind: TerritoryKind;
}

/** How much two territories do together, as the viewer may see it. */
export interface CooperationFigures {
  /** Cooperations (not archived) both belong to now. */
  cooperations: number;
  /** Projects (not archived) both are partners of, restricted ones only for their partners' members. */
  projects: number;
  /** Actions since `since` whose entry names both, under the same visibility. */
  actions: number;
}

const EMPTY: CooperationFigures = { cooperations: 0, projects: 0, actions: 0 };

/**
 * For one territory, the figures of cooperation with every other territory it does something with,
 * by partner id. Three grouped reads, each driven by the territory's own rows (its memberships, its
 * partnerships, its timeline entries since `since`), so the cost follows its history, not the country.
 */
export async function cooperationFiguresOf(
  db: Kysely<Database>,
  territoryId: string,
  viewer: Viewer,
  since: string,
): Promise<Map<string, CooperationFigures>> {
  const [cooperations, projects, actions] = await Promise.all([
    db
      .selectFrom("cooperation_members as m1")
      .innerJoin("cooperation_members as m2", "m2.cooperation_id", "m1.cooperation_id")
      .innerJoin("cooperations as c", "c.id", "m1.cooperation_id")
      .where("m1.territory_id", "=", territoryId)
      .where("m1.left_on", "is", null)
      .where("m2.left_on", "is", null)
      .where("m2.territory_id", "<>", territoryId)
      .where("c.archived_at", "is", null)
      .select((eb) => ["m2.territory_id as id", eb.fn.count<string>("m1.cooperation_id").distinct().as("n")])
      .groupBy("m2.territory_id")
      .execute(),
    db
      .selectFrom("project_partners as pp1")
      .innerJoin("project_partners as pp2", "pp2.project_id", "pp1.project_id")
      .innerJoin("projects as p", "p.id", "pp1.project_id")
      .where("pp1.territory_id", "=", territoryId)
      .where("pp2.territory_id", "<>", territoryId)
      .where("p.archived_at", "is", null)
      .where((eb) => projectVisibleTo(eb as unknown as ProjectEb, viewer))
      .select((eb) => ["pp2.territory_id as id", eb.fn.count<string>("p.id").distinct().as("n")])
      .groupBy("pp2.territory_id")
      .execute(),
    // An action's timeline entry names the territories involved; a removed action has no entry.
    db
      .selectFrom("timeline_entry_territories as x1")
      .innerJoin("timeline_entries as e", "e.id", "x1.entry_id")
      .innerJoin("timeline_entry_territories as x2", "x2.entry_id", "x1.entry_id")
      .where("x1.territory_id", "=", territoryId)
      .where("x1.occurred_on", ">=", since)
      .where("e.action_id", "is not", null)
      .where("x2.territory_id", "<>", territoryId)
      .where((eb) => visibleTo(eb as unknown as FeedEb, viewer))
      .select((eb) => ["x2.territory_id as id", eb.fn.count<string>("e.action_id").distinct().as("n")])
      .groupBy("x2.territory_id")
      .execute(),
  ]);
  const out = new Map<string, CooperationFigures>();
  const add = (rows: Array<{ id: string; n: string | number | bigint }>, key: keyof CooperationFigures) => {
    for (const row of rows) out.set(row.id, { ...(out.get(row.id) ?? EMPTY), [key]: Number(row.n) });
  };
  add(cooperations, "cooperations");
  add(projects, "projects");
  add(actions, "actions");
  return out;
}

export async function mapTerritories(db: Kysely<Database>, ids: readonly string[]): Promise<MapTerritory[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom("territories")
    .select(["id", "siren", "name", "kind"])
    .where("id", "in", [...ids])
    .orderBy("name")
    .orderBy("id")
    .execute();
}

export interface MapMember extends MapTerritory {
  role: MemberRole;
}

/** A cooperation's current members and the territories that touch one of them without being members. */
export async function cooperationMapOf(
  db: Kysely<Database>,
  cooperationId: string,
): Promise<{ members: MapMember[]; neighbours: MapTerritory[] }> {
  const members = await db
    .selectFrom("cooperation_members as m")
    .innerJoin("territories as t", "t.id", "m.territory_id")
    .where("m.cooperation_id", "=", cooperationId)
    .where("m.left_on", "is", null)
    .select(["t.id", "t.siren", "t.name", "t.kind", "m.role"])
    .orderBy("t.name")
    .orderBy("t.id")
    .execute();
  const memberIds = members.map((m) => m.id);
  if (memberIds.length === 0) return { members, neighbours: [] };
  const neighbours = await db
    .selectFrom("territory_contiguity as tc")
    .innerJoin("territories as t", (join) =>
      join.on((eb) =>
        eb.or([
          eb.and([eb("tc.territory_a", "in", memberIds), eb("t.id", "=", eb.ref("tc.territory_b"))]),
          eb.and([eb("tc.territory_b", "in", memberIds), eb("t.id", "=", eb.ref("tc.territory_a"))]),
        ]),
      ),
    )
    .where((eb) => eb.or([eb("tc.territory_a", "in", memberIds), eb("tc.territory_b", "in", memberIds)]))
    .where("t.id", "not in", memberIds)
    .select(["t.id", "t.siren", "t.name", "t.kind"])
    .distinct()
    .orderBy("t.name")
    .orderBy("t.id")
    .execute();
  return { members, neighbours };
}

export interface NationalMapEntry {
  id: string;
  siren: string;
  /** Cooperations (of the theme, if one is asked) it shares with a metropolis now. */
  cooperations: number;
  /** Projects (of the theme) it partners with a metropolis, as the viewer may see them. */
  projects: number;
}

const METROPOLIS_KINDS: TerritoryKind[] = ["METRO", "MET69"];

/** Every territory with a SIREN and the figures of its cooperation with a metropolis (the métropoles among them). */
export async function nationalMapFigures(
  db: Kysely<Database>,
  viewer: Viewer,
  theme: Theme | undefined,
): Promise<{ metropoles: MapTerritory[]; entries: NationalMapEntry[] }> {
  const themeFilter = (column: "c.themes" | "p.themes") =>
    theme ? sql<boolean>`${sql.ref(column)} @> array[${theme}]::text[]` : sql<boolean>`true`;
  const [metropoles, cooperations, projects] = await Promise.all([
    db
      .selectFrom("territories")
      .select(["id", "siren", "name", "kind"])
      .where("kind", "in", METROPOLIS_KINDS)
      .where("archived_at", "is", null)
      .orderBy("name")
      .execute(),
    db
      .selectFrom("cooperation_members as m")
      .innerJoin("cooperations as c", "c.id", "m.cooperation_id")
      .innerJoin("territories as t", "t.id", "m.territory_id")
      .where("m.left_on", "is", null)
      .where("c.archived_at", "is", null)
      .where("t.siren", "is not", null)
      .where(themeFilter("c.themes"))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("cooperation_members as mm")
            .innerJoin("territories as metro", "metro.id", "mm.territory_id")
            .select(eb.lit(1).as("one"))
            .whereRef("mm.cooperation_id", "=", "c.id")
            .whereRef("mm.territory_id", "<>", "t.id")
            .where("mm.left_on", "is", null)
            .where("metro.kind", "in", METROPOLIS_KINDS),
        ),
      )
      .select((eb) => ["t.id", "t.siren", eb.fn.count<string>("c.id").distinct().as("n")])
      .groupBy(["t.id", "t.siren"])
      .execute(),
    db
      .selectFrom("project_partners as pp")
      .innerJoin("projects as p", "p.id", "pp.project_id")
      .innerJoin("territories as t", "t.id", "pp.territory_id")
      .where("p.archived_at", "is", null)
      .where("t.siren", "is not", null)
      .where(themeFilter("p.themes"))
      .where((eb) => projectVisibleTo(eb as unknown as ProjectEb, viewer))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom("project_partners as mp")
            .innerJoin("territories as metro", "metro.id", "mp.territory_id")
            .select(eb.lit(1).as("one"))
            .whereRef("mp.project_id", "=", "p.id")
            .whereRef("mp.territory_id", "<>", "t.id")
            .where("metro.kind", "in", METROPOLIS_KINDS),
        ),
      )
      .select((eb) => ["t.id", "t.siren", eb.fn.count<string>("p.id").distinct().as("n")])
      .groupBy(["t.id", "t.siren"])
      .execute(),
  ]);
  const bySiren = new Map<string, NationalMapEntry>();
  const entry = (id: string, siren: string) => {
    let found = bySiren.get(siren);
    if (!found) {
      found = { id, siren, cooperations: 0, projects: 0 };
      bySiren.set(siren, found);
    }
    return found;
  };
  for (const row of cooperations) if (row.siren) entry(row.id, row.siren).cooperations = Number(row.n);
  for (const row of projects) if (row.siren) entry(row.id, row.siren).projects = Number(row.n);
  return { metropoles, entries: [...bySiren.values()].sort((a, b) => a.siren.localeCompare(b.siren)) };
}

/** A département and the SIRENs of the territories that reach into it: what `/carte` zooms to. */
export interface MapDepartement {
  code: string;
  name: string;
  regionCode: string;
  regionName: string;
  sirens: string[];
}

/**
 * Every département with its région and the SIRENs of the live territories whose `departements`
 * include it (an EPCI across two départements is in both). One grouped statement over the 109
 * départements; the map unions the outlines itself, régions included.
 */
export async function mapDepartements(db: Kysely<Database>): Promise<MapDepartement[]> {
  const { rows } = await sql<{
    code: string;
    name: string;
    region_code: string;
    region_name: string;
    sirens: string[];
  }>`
    select d.code, d.name, d.region_code, d.region_name, array_agg(t.siren order by t.siren) as sirens
    from departements d
    join territories t on d.code = any(t.departements)
    where t.siren is not null and t.archived_at is null
    group by d.code, d.name, d.region_code, d.region_name
    order by d.code
  `.execute(db);
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    regionCode: row.region_code,
    regionName: row.region_name,
    sirens: row.sirens,
  }));
}
