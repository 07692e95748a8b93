import { type ActionKind, formalityOf, partnerRoleLabels } from "@trame/core";
import { type Database, insertTimelineEntry, type Kysely, recordAudit } from "@trame/db";
import { demoKey } from "./demo-keys.ts";
import { DEMO_PROJECTS, type DemoAction, type DemoProject, type TerritoryRef } from "./demo-projects.data.ts";
import type { SeedMarks } from "./seed-marks.ts";

export interface ProjectSeedLookups {
  /** Territory id by SIREN or by the label of a non-EPCI body. */
  territoryId(ref: TerritoryRef): string;
}

interface SeededCooperation {
  id: string;
  name: string;
  engagementForm: keyof typeof formalityOf;
  startedOn: string | null;
  memberIds: string[];
}

async function cooperationsByRef(trx: Kysely<Database>): Promise<Map<string, SeededCooperation>> {
  const rows = await trx
    .selectFrom("cooperations as c")
    .innerJoin("cooperation_members as m", "m.cooperation_id", "c.id")
    .select(["c.id", "c.external_ref", "c.name", "c.engagement_form", "c.started_on", "m.territory_id"])
    .where("c.external_ref", "is not", null)
    .where("c.is_demo", "=", true)
    .where("m.left_on", "is", null)
    .execute();
  const byRef = new Map<string, SeededCooperation>();
  for (const row of rows) {
    if (!row.external_ref) continue;
    const entry = byRef.get(row.external_ref) ?? {
      id: row.id,
      name: row.name,
      engagementForm: row.engagement_form,
      startedOn: row.started_on,
      memberIds: [],
    };
    entry.memberIds.push(row.territory_id);
    byRef.set(row.external_ref, entry);
  }
  return byRef;
}

async function insertAction(
  trx: Kysely<Database>,
  action: DemoAction,
  where: { cooperationId: string; projectId: string | null; territoryIds: string[] },
): Promise<string> {
  const { id } = await trx
    .insertInto("actions")
    .values({
      cooperation_id: where.cooperationId,
      project_id: where.projectId,
      occurred_on: action.on,
      kind: action.kind,
      title: action.title,
      notes: action.notes ?? "",
      is_demo: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await insertTimelineEntry(trx, {
    occurredOn: action.on,
    kind: action.kind,
    title: action.title,
    detail: { notes: action.notes ?? "" },
    cooperationId: where.cooperationId,
    projectId: where.projectId,
    actionId: id,
    territoryIds: where.territoryIds,
  });
  return id;
}

async function seedProject(
  trx: Kysely<Database>,
  project: DemoProject,
  cooperation: SeededCooperation,
  lookups: ProjectSeedLookups,
): Promise<string> {
  const partners = project.partners.map(([ref, role]) => ({ territoryId: lookups.territoryId(ref), role }));
  const partnerIds = partners.map((p) => p.territoryId);
  const [first, ...steps] = project.statuses;
  if (!first) throw new Error(`${project.title}: no status`);
  const current = steps.at(-1) ?? first;
  const { id } = await trx
    .insertInto("projects")
    .values({
      cooperation_id: cooperation.id,
      title: project.title,
      summary: project.summary,
      themes: project.themes,
      status: current[0],
      status_changed_on: current[1],
      started_on: first[1],
      budget_cents: project.budgetEuros === undefined ? null : project.budgetEuros * 100,
      engineering_provider_id: project.engineering ? lookups.territoryId(project.engineering.provider) : null,
      engineering_fte: project.engineering?.fte ?? null,
      engineering_kind: project.engineering?.kind ?? "none",
      visibility: project.visibility ?? "network",
      is_demo: true,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await trx
    .insertInto("project_partners")
    .values(partners.map((p) => ({ project_id: id, territory_id: p.territoryId, role: p.role })))
    .execute();

  let from: (typeof first)[0] | null = null;
  for (const [status, on] of project.statuses) {
    await trx
      .insertInto("project_status_history")
      .values({ project_id: id, from_status: from, to_status: status, changed_on: on })
      .execute();
    await insertTimelineEntry(trx, {
      occurredOn: on,
      kind: "project_status",
      title: project.title,
      detail: { from, to: status, comment: "" },
      cooperationId: cooperation.id,
      projectId: id,
      territoryIds: partnerIds,
    });
    from = status;
  }
  for (const action of project.actions) {
    await insertAction(trx, action, { cooperationId: cooperation.id, projectId: id, territoryIds: partnerIds });
  }
  await recordAudit(trx, {
    entityType: "project",
    entityId: id,
    action: "seeded",
    actorId: null,
    before: null,
    after: { title: project.title, partners: partners.map((p) => `${p.territoryId}:${partnerRoleLabels[p.role].fr}`) },
  });
  return id;
}

/** How a cooperation's founding date reads on its timeline, by the formality of its form. */
function foundingKind(cooperation: SeededCooperation): ActionKind {
  const formality = formalityOf[cooperation.engagementForm];
  if (formality === "contractual") return "signature";
  if (formality === "statutory") return "decision";
  return "milestone";
}

const FOUNDING_TITLE: Record<ActionKind, string> = {
  signature: "Signature",
  decision: "Création ou approbation",
  milestone: "Étape fondatrice",
  meeting: "",
  workshop: "",
  study: "",
  public_event: "",
  field_visit: "",
  communication: "",
  other: "",
};

/**
 * Joint projects and dated actions for the demo cooperations, plus each cooperation's founding
 * date (from the curated data) as an action, so every demo territory has a timeline to read. Each
 * is made once, under its seed key (the project's own key, the cooperation's curated id): a project
 * renamed, an action moved or removed since stays as its users left it.
 */
export async function seedProjects(
  trx: Kysely<Database>,
  lookups: ProjectSeedLookups,
  marks: SeedMarks,
): Promise<number> {
  const byRef = await cooperationsByRef(trx);
  let created = 0;
  for (const project of DEMO_PROJECTS) {
    const key = demoKey.project(project.key);
    const cooperation = byRef.get(project.cooperation);
    if (!cooperation || marks.has(key)) continue;
    await marks.record(trx, key, await seedProject(trx, project, cooperation, lookups));
    created++;
  }
  for (const [ref, cooperation] of byRef) {
    const key = demoKey.founding(ref);
    if (!cooperation.startedOn || marks.has(key)) continue;
    const kind = foundingKind(cooperation);
    const title = `${FOUNDING_TITLE[kind]} : ${cooperation.name}`;
    const actionId = await insertAction(
      trx,
      { on: cooperation.startedOn, kind, title },
      { cooperationId: cooperation.id, projectId: null, territoryIds: cooperation.memberIds },
    );
    await marks.record(trx, key, actionId);
  }
  return created;
}
