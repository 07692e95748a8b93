import type { ListProjectsInput } from "@trame/core";
import { type CompiledQuery, type Kysely, sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DbHandle } from "./create-db.ts";
import { territoryDashboard } from "./queries/dashboard.queries.ts";
import { readDeadlines } from "./queries/deadline.queries.ts";
import { listApplications } from "./queries/funding-application.queries.ts";
import { listProjects } from "./queries/project.queries.ts";
import { readTimeline } from "./queries/timeline-read.queries.ts";
import type { Database } from "./schema.ts";
import { createGeneratedDb, type PlanNode, planNodes } from "./testing/generated-dataset.ts";
import { capturingDb } from "./testing/query-capture.ts";

/**
 * Plans, not timings: on a generated dataset the main queries must be index-driven. A large table
 * read sequentially, or a keyset page not read from its index, means the cost would grow with
 * the country's history.
 */
const LARGE_TABLE_ROWS = 5_000;

let handle: DbHandle;
let largeTables: Set<string>;
let viewer: { isInstanceAdmin: boolean; territoryIds: string[] };
let busiest: { territoryId: string; cooperationId: string; projectId: string };

async function planOf(db: Kysely<Database>, query: CompiledQuery) {
  const { rows } = await db.executeQuery<{ "QUERY PLAN": unknown }>({
    ...query,
    sql: `explain (format json) ${query.sql}`,
  });
  const raw = rows[0]?.["QUERY PLAN"];
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  const seqScans: string[] = [];
  const indexes: string[] = [];
  const relations: string[] = [];
  const nodeTypes: string[] = [];
  for (const root of parsed) {
    for (const node of planNodes(root.Plan)) {
      if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) seqScans.push(node["Relation Name"]);
      if (node["Index Name"]) indexes.push(node["Index Name"]);
      if (node["Relation Name"]) relations.push(node["Relation Name"]);
      nodeTypes.push(node["Node Type"]);
    }
  }
  return { seqScansOfLargeTables: seqScans.filter((t) => largeTables.has(t)), indexes, relations, nodeTypes };
}

/** Runs a query function against a capturing connection and returns the plans of what it sent. */
async function plansOf(run: (db: Kysely<Database>) => Promise<unknown>) {
  const { db, captured } = capturingDb(handle);
  await run(db);
  return Promise.all(captured.map((query) => planOf(handle.db, query)));
}

beforeAll(async () => {
  handle = await createGeneratedDb(1255, 0.04);
  const { db } = handle;
  const { rows } = await sql<{ relname: string }>`
    select relname from pg_class where relkind = 'r' and reltuples >= ${LARGE_TABLE_ROWS}`.execute(db);
  largeTables = new Set(rows.map((r) => r.relname));
  const top = await sql<{ territory_id: string; cooperation_id: string; project_id: string }>`
    select et.territory_id, e.cooperation_id, e.project_id
    from timeline_entry_territories et join timeline_entries e on e.id = et.entry_id
    where et.territory_id = (select territory_id from timeline_entry_territories group by 1 order by count(*) desc limit 1)
    limit 1`.execute(db);
  const row = top.rows[0];
  if (!row) throw new Error("empty dataset");
  busiest = { territoryId: row.territory_id, cooperationId: row.cooperation_id, projectId: row.project_id };
  viewer = { isInstanceAdmin: false, territoryIds: [row.territory_id] };
}, 180_000);

afterAll(() => handle.close());

describe("plans des requêtes principales", () => {
  it("le jeu de données a bien de grandes tables", () => {
    for (const table of ["timeline_entry_territories", "timeline_entries", "actions"])
      expect(largeTables.has(table)).toBe(true);
  });

  it("la frise d'un territoire lit l'index keyset, première page comme page profonde", async () => {
    const { rows } = await sql<{ occurred_on: string; entry_id: string }>`
      select occurred_on, entry_id from timeline_entry_territories where territory_id = ${busiest.territoryId}
      order by occurred_on desc, entry_id desc offset 500 limit 1`.execute(handle.db);
    const deep = rows[0] && { occurredOn: rows[0].occurred_on, id: rows[0].entry_id };
    expect(deep).toBeDefined();
    for (const cursor of [undefined, deep]) {
      const plans = await plansOf((db) =>
        readTimeline(db, { territoryId: busiest.territoryId }, { limit: 50, cursor }, viewer),
      );
      expect(plans[0]?.indexes).toContain("timeline_entry_territories_keyset");
      expect(plans[0]?.seqScansOfLargeTables).toEqual([]);
    }
  });

  it("les frises d'une coopération et d'un projet lisent leurs propres index", async () => {
    const cooperation = await plansOf((db) =>
      readTimeline(db, { cooperationId: busiest.cooperationId }, { limit: 50 }, viewer),
    );
    expect(cooperation[0]?.indexes).toContain("timeline_entries_cooperation");
    expect(cooperation[0]?.seqScansOfLargeTables).toEqual([]);
    const project = await plansOf((db) => readTimeline(db, { projectId: busiest.projectId }, { limit: 50 }, viewer));
    expect(project[0]?.indexes).toContain("timeline_entries_project");
    expect(project[0]?.seqScansOfLargeTables).toEqual([]);
  });

  it("la liste filtrée des projets ne parcourt aucune grande table", async () => {
    const input: ListProjectsInput = {
      territoryId: busiest.territoryId,
      theme: "water",
      query: "",
      includeArchived: false,
      limit: 20,
      offset: 0,
    };
    const plans = await plansOf((db) => listProjects(db, input, viewer));
    for (const plan of plans) expect(plan.seqScansOfLargeTables).toEqual([]);
  });

  it("la liste filtrée des projets croise les index des thématiques et des partenaires", async () => {
    const input: ListProjectsInput = {
      territoryId: busiest.territoryId,
      theme: "water",
      status: "in_progress",
      query: "",
      includeArchived: false,
      limit: 20,
      offset: 0,
    };
    const [plan] = await plansOf((db) => listProjects(db, input, viewer));
    expect(plan?.indexes).toContain("projects_partner_territories");
    expect(plan?.seqScansOfLargeTables).toEqual([]);
    // Visibility from the project's own row: never every partnership of the viewer's territories.
    expect(plan?.indexes).not.toContain("project_partners_territory");
  });

  it("les demandes d'un territoire se lisent dans l'ordre de l'index, le total dans ses totaux", async () => {
    const plans = await plansOf((db) =>
      listApplications(
        db,
        { applicantTerritoryId: busiest.territoryId, status: "granted", limit: 20, offset: 0 },
        viewer,
      ),
    );
    expect(plans).toHaveLength(1);
    expect(plans[0]?.relations).toContain("territory_funding_totals");
    // Applicant and status lead the index (migration 330002): the page reads its own entries only.
    expect(plans[0]?.indexes).toContain("funding_applications_applicant_status_recent");
    expect(plans[0]?.relations).not.toContain("funding_payments");
    expect(plans[0]?.seqScansOfLargeTables).toEqual([]);
    // Restricted projects' rows are checked on the row (its partners' copy), not against every
    // partnership of the viewer's territories.
    expect(plans[0]?.indexes).not.toContain("project_partners_territory");
  });

  it("le tableau de bord lit ses comptes de projets et ses demandes dans les totaux du territoire", async () => {
    const plans = await plansOf((db) => territoryDashboard(db, busiest.territoryId, viewer, "2026-11-26"));
    for (const plan of plans) {
      expect(plan.seqScansOfLargeTables).toEqual([]);
      expect(plan.relations).not.toContain("funding_payments");
    }
    // Project counts (by status, by theme) come from the per-territory totals, never from projects.
    const counting = plans.filter((p) => p.relations.includes("territory_project_counts"));
    expect(counting).toHaveLength(2);
    for (const plan of counting) expect(plan.relations).not.toContain("projects");
    // Visibility from the rows' copy of their project's partners: no list of the viewer's partnerships.
    for (const plan of counting) expect(plan.indexes).not.toContain("project_partners_territory");
    // Funding figures follow the one "mine" rule (applications filed by the territory or on a
    // project it partners) and come from the totals kept per concerned territory, by their key:
    // a few rows whatever the history, never the applications themselves.
    const funding = plans.filter((p) => p.relations.includes("funders") && !p.relations.includes("territories"));
    expect(funding).toHaveLength(1);
    expect(funding[0]?.indexes).toContain("territory_concerned_funding_totals_key");
    expect(funding[0]?.relations).not.toContain("funding_applications");
    expect(funding[0]?.indexes).not.toContain("project_partners_territory");
    const deadlines = plans.filter((p) => !counting.includes(p) && !funding.includes(p));
    expect(deadlines.flatMap((p) => p.indexes)).toEqual(
      expect.arrayContaining(["application_concerns_submission", "application_concerns_spending", "projects_ended_on"]),
    );
    // An application's deadlines start from the territory it concerns (migration 330001): never the
    // country's window of dates, nor every partnership of the territory.
    const applicationDeadlines = deadlines.filter((p) => p.relations.includes("funding_applications"));
    expect(applicationDeadlines).toHaveLength(2);
    for (const plan of applicationDeadlines) {
      expect(plan.indexes).not.toContain("funding_applications_spending_window");
      expect(plan.indexes).not.toContain("funding_applications_submission_window");
      expect(plan.indexes).not.toContain("project_partners_territory");
    }
  });

  it("les échéances d'Accueil, à venir et dépassées, suivent l'index du territoire dans l'ordre des dates", async () => {
    const plans = await plansOf((db) =>
      readDeadlines(db, { territoryIds: [busiest.territoryId], today: "2026-11-26", days: 30 }, viewer),
    );
    const applicationDeadlines = plans.filter((p) => p.relations.includes("funding_applications"));
    // Drafts and granted aids, upcoming and overdue.
    expect(applicationDeadlines).toHaveLength(4);
    for (const plan of applicationDeadlines) {
      expect(plan.indexes.some((name) => name.startsWith("application_concerns_"))).toBe(true);
      // Walked in date order and cut at the limit: an open-ended window never sorts a history.
      expect(plan.nodeTypes).not.toContain("Sort");
      expect(plan.nodeTypes).not.toContain("Incremental Sort");
      expect(plan.seqScansOfLargeTables).toEqual([]);
    }
  });
});
