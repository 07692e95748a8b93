import type { ProjectStatus, TerritoryCandidate, Visibility } from "@trame/core";
import { type Database, type Kysely, sql } from "@trame/db";

export interface ContextProject {
  id: string;
  title: string;
  status: ProjectStatus;
  visibility: Visibility;
  archived: boolean;
  partnerIds: string[];
  leadId: string | null;
}

export interface ContextProgramme {
  id: string;
  name: string;
  acronym: string;
  funderName: string;
  archived: boolean;
}

/**
 * What the rows of one import are checked against, read once per preview: every territory (names
 * are matched among all of them, so « not a member » is told apart from « unknown »), the
 * cooperation's current members, its projects and the programme catalogue.
 */
export interface ImportContext {
  cooperationId: string;
  territories: TerritoryCandidate[];
  territoryById: Map<string, TerritoryCandidate>;
  memberIds: Set<string>;
  projects: ContextProject[];
  programmes: ContextProgramme[];
}

export async function loadImportContext(db: Kysely<Database>, cooperationId: string): Promise<ImportContext> {
  const [territories, members, projects, partners, programmes] = await Promise.all([
    db.selectFrom("territories").select(["id", "name", "siren"]).execute(),
    db
      .selectFrom("cooperation_members")
      .select("territory_id")
      .where("cooperation_id", "=", cooperationId)
      .where("left_on", "is", null)
      .execute(),
    db
      .selectFrom("projects")
      .select(["id", "title", "status", "visibility", sql<boolean>`archived_at is not null`.as("archived")])
      .where("cooperation_id", "=", cooperationId)
      .execute(),
    db
      .selectFrom("project_partners as pp")
      .innerJoin("projects as p", "p.id", "pp.project_id")
      .select(["pp.project_id", "pp.territory_id", "pp.role"])
      .where("p.cooperation_id", "=", cooperationId)
      .execute(),
    db
      .selectFrom("funding_programmes as fp")
      .innerJoin("funders as f", "f.id", "fp.funder_id")
      .select([
        "fp.id",
        "fp.name",
        "fp.acronym",
        "f.name as funder_name",
        sql<boolean>`fp.archived_at is not null`.as("archived"),
      ])
      .execute(),
  ]);
  const partnersOf = new Map<string, { territory_id: string; role: string }[]>();
  for (const partner of partners) {
    partnersOf.set(partner.project_id, [...(partnersOf.get(partner.project_id) ?? []), partner]);
  }
  return {
    cooperationId,
    territories,
    territoryById: new Map(territories.map((t) => [t.id, t])),
    memberIds: new Set(members.map((m) => m.territory_id)),
    projects: projects.map((p) => ({
      id: p.id,
      title: p.title,
      status: p.status,
      visibility: p.visibility,
      archived: p.archived,
      partnerIds: (partnersOf.get(p.id) ?? []).map((pp) => pp.territory_id),
      leadId: (partnersOf.get(p.id) ?? []).find((pp) => pp.role === "lead")?.territory_id ?? null,
    })),
    programmes: programmes.map((p) => ({
      id: p.id,
      name: p.name,
      acronym: p.acronym,
      funderName: p.funder_name,
      archived: p.archived,
    })),
  };
}
