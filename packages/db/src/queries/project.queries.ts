import type {
  EngineeringKind,
  ListProjectsInput,
  PartnerRole,
  ProjectStatus,
  TerritoryKind,
  Theme,
  Visibility,
} from "@trame/core";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import { jsonArrayFrom, jsonObjectFrom } from "kysely/helpers/postgres";
import type { Database, ProjectsTable } from "../schema.ts";
import { type Viewer, viewerTerritories } from "./viewer.ts";

/** Who reads: the same shape as the timeline's reader, since both hide restricted projects alike. */
export type ProjectViewer = Viewer;

export interface ProjectListItem {
  id: string;
  title: string;
  cooperation: { id: string; name: string };
  themes: Theme[];
  status: ProjectStatus;
  startedOn: string | null;
  endedOn: string | null;
  budgetCents: number | null;
  lead: { id: string; name: string } | null;
  partnerCount: number;
  visibility: Visibility;
  archived: boolean;
  version: number;
}

export interface ProjectPartner {
  territory: { id: string; name: string; kind: TerritoryKind };
  role: PartnerRole;
}

export interface ProjectStatusChange {
  id: string;
  from: ProjectStatus | null;
  to: ProjectStatus;
  changedOn: string;
  comment: string;
  changedBy: { id: string; name: string } | null;
}

export interface ProjectDetail extends ProjectListItem {
  summary: string;
  statusChangedOn: string | null;
  engineering: { provider: { id: string; name: string } | null; fte: number | null; kind: EngineeringKind };
  tags: string[];
  isDemo: boolean;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  partners: ProjectPartner[];
  statusHistory: ProjectStatusChange[];
}

export type ProjectEb = ExpressionBuilder<Database & { p: ProjectsTable }, "p">;

/**
 * The single SQL definition of "this viewer may see project p" (canViewProject in core says the
 * same for one loaded project): a restricted project exists only for members of its partners.
 *
 * The partners are read from the project's own row (`partner_territory_ids`, kept by a trigger on
 * project_partners at the end of every statement that writes them, migration 000005), so the check
 * costs the same per row whatever the viewer's history. Asked of project_partners, PostgreSQL hashed
 * every partnership of the viewer's territories on each list (4,545 rows, 0.7 ms, for a metropolis
 * at national scale; issue 17, item 5).
 */
export function projectVisibleTo(eb: ProjectEb, viewer: ProjectViewer) {
  if (viewer.isInstanceAdmin) return eb.lit(true);
  if (viewer.territoryIds.length === 0) return eb("p.visibility", "=", "network");
  return eb.or([eb("p.visibility", "=", "network"), eb("p.partner_territory_ids", "&&", viewerTerritories(viewer))]);
}

function leadOf(eb: ProjectEb) {
  return jsonObjectFrom(
    eb
      .selectFrom("project_partners as lp")
      .innerJoin("territories as lt", "lt.id", "lp.territory_id")
      .select(["lt.id", "lt.name"])
      .whereRef("lp.project_id", "=", "p.id")
      .where("lp.role", "=", "lead"),
  );
}

function listRowQuery(db: Kysely<Database>, viewer: ProjectViewer | null) {
  return db
    .selectFrom("projects as p")
    .innerJoin("cooperations as c", "c.id", "p.cooperation_id")
    .where((eb) => (viewer ? projectVisibleTo(eb as ProjectEb, viewer) : eb.lit(true)))
    .select((eb) => [
      "p.id",
      "p.title",
      "c.id as cooperation_id",
      "c.name as cooperation_name",
      "p.themes",
      "p.status",
      "p.started_on",
      "p.ended_on",
      "p.budget_cents",
      "p.visibility",
      "p.archived_at",
      "p.version",
      leadOf(eb as ProjectEb).as("lead"),
      // The partners array on the row is exactly the project's partners (kept by trigger, 000005).
      sql<number>`cardinality(p.partner_territory_ids)`.as("partner_count"),
    ]);
}

type ListRow = Awaited<ReturnType<ReturnType<typeof listRowQuery>["executeTakeFirstOrThrow"]>>;

function toListItem(row: ListRow): ProjectListItem {
  return {
    id: row.id,
    title: row.title,
    cooperation: { id: row.cooperation_id, name: row.cooperation_name },
    themes: row.themes,
    status: row.status,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    budgetCents: row.budget_cents === null ? null : Number(row.budget_cents),
    lead: row.lead,
    partnerCount: Number(row.partner_count ?? 0),
    visibility: row.visibility,
    archived: row.archived_at !== null,
    version: row.version,
  };
}

export async function listProjects(
  db: Kysely<Database>,
  input: ListProjectsInput,
  viewer: ProjectViewer,
): Promise<{ items: ProjectListItem[]; total: number }> {
  // The page is chosen first (ids, sort key and the total over the filtered projects), and only its
  // rows meet the cooperation, the lead and the partner count: those cost per row shown, not per
  // project of a metropolis's history (issue 17, item 5).
  let page = db.selectFrom("projects as p").where((eb) => projectVisibleTo(eb as ProjectEb, viewer));
  if (!input.includeArchived) page = page.where("p.archived_at", "is", null);
  if (input.cooperationId) page = page.where("p.cooperation_id", "=", input.cooperationId);
  if (input.status) page = page.where("p.status", "=", input.status);
  // `@>` rather than `= any(...)`: the containment operator is the one the GIN index on themes serves.
  if (input.theme) page = page.where(sql<boolean>`p.themes @> array[${input.theme}]::text[]`);
  const { territoryId } = input;
  // The partners copied on the project (migration 000005) and their GIN index: with a theme, the two
  // indexes intersect to the few projects of both, where a join had to read every project of either.
  if (territoryId) page = page.where(sql<boolean>`p.partner_territory_ids @> array[${territoryId}]::uuid[]`);
  if (input.query) {
    // Escape LIKE wildcards typed by the user; lower(title) is what the trigram index covers.
    const pattern = input.query.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    page = page.where(sql`lower(p.title)`, "like", `%${pattern}%`);
  }
  const chosen = page
    .select(["p.id", sql<string>`lower(p.title)`.as("sort_title"), sql<number>`count(*) over ()`.as("total")])
    .orderBy(sql`lower(p.title)`)
    .orderBy("p.id")
    .limit(input.limit)
    .offset(input.offset)
    .as("pg");
  // Visibility was decided in the page; the rows are read past it.
  const rows = await listRowQuery(db, null)
    .innerJoin(chosen, "pg.id", "p.id")
    .select("pg.total")
    .orderBy("pg.sort_title")
    .orderBy("p.id")
    .execute();
  return { items: rows.map(toListItem), total: Number(rows[0]?.total ?? 0) };
}

/**
 * One project as `viewer` may see it: undefined when it does not exist or is hidden from them. A null
 * viewer reads past visibility, for services that have already checked the actor.
 */
export async function getProject(
  db: Kysely<Database>,
  id: string,
  viewer: ProjectViewer | null,
): Promise<ProjectDetail | undefined> {
  const row = await listRowQuery(db, viewer)
    .leftJoin("territories as ep", "ep.id", "p.engineering_provider_id")
    .select((eb) => [
      "p.summary",
      "p.status_changed_on",
      "ep.id as provider_id",
      "ep.name as provider_name",
      "p.engineering_fte",
      "p.engineering_kind",
      "p.tags",
      "p.is_demo",
      "p.created_at",
      "p.updated_at",
      jsonArrayFrom(
        eb
          .selectFrom("project_partners as pp")
          .innerJoin("territories as t", "t.id", "pp.territory_id")
          .select(["pp.role", "t.id", "t.name", "t.kind"])
          .whereRef("pp.project_id", "=", "p.id")
          .orderBy(sql`pp.role = 'lead'`, "desc")
          .orderBy("t.name")
          .orderBy("t.id"),
      ).as("partners"),
      jsonArrayFrom(
        eb
          .selectFrom("project_status_history as h")
          .leftJoin("users as u", "u.id", "h.changed_by")
          .select([
            "h.id",
            "h.from_status",
            "h.to_status",
            "h.changed_on",
            "h.comment",
            "u.id as user_id",
            "u.name as user_name",
          ])
          .whereRef("h.project_id", "=", "p.id")
          // Recording order, not changed_on: each row's `from` is the previous row's `to`, even when a
          // change is back-dated before the day the project was entered.
          .orderBy("h.created_at")
          .orderBy("h.changed_on")
          .orderBy("h.id"),
      ).as("status_history"),
    ])
    .where("p.id", "=", id)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    ...toListItem(row),
    summary: row.summary,
    statusChangedOn: row.status_changed_on,
    engineering: {
      provider: row.provider_id && row.provider_name ? { id: row.provider_id, name: row.provider_name } : null,
      fte: row.engineering_fte === null ? null : Number(row.engineering_fte),
      kind: row.engineering_kind,
    },
    tags: row.tags,
    isDemo: row.is_demo,
    archivedAt: row.archived_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    partners: row.partners.map((p) => ({ territory: { id: p.id, name: p.name, kind: p.kind }, role: p.role })),
    statusHistory: row.status_history.map((h) => ({
      id: h.id,
      from: h.from_status,
      to: h.to_status,
      changedOn: h.changed_on,
      comment: h.comment,
      changedBy: h.user_id && h.user_name ? { id: h.user_id, name: h.user_name } : null,
    })),
  };
}
