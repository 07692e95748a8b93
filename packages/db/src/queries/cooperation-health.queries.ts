import type { CooperationHealthInput, HealthEngineering } from "@trame/core";
import { type Kysely, sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database } from "../schema.ts";
import { type ProjectEb, projectVisibleTo } from "./project.queries.ts";
import type { Viewer } from "./viewer.ts";

type Input = CooperationHealthInput;

/** An instant's French calendar day, as text so neither driver turns it into a Date. */
const parisDay = (column: string) => sql<string>`to_char(${sql.ref(column)} at time zone 'Europe/Paris', 'YYYY-MM-DD')`;

const engineering = (row: {
  provider_id: string | null;
  provider_name: string | null;
  fte: number | string | null;
  kind: HealthEngineering["kind"];
}): HealthEngineering => ({
  providerId: row.provider_id,
  providerName: row.provider_name,
  fte: row.fte === null ? null : Number(row.fte),
  kind: row.kind,
});

function readCooperations(db: Kysely<Database>, ids: readonly string[]) {
  return db
    .selectFrom("cooperations as c")
    .leftJoin("territories as pr", "pr.id", "c.engineering_provider_id")
    .select([
      "c.id",
      "c.name",
      "c.engagement_form",
      "c.status",
      "c.started_on",
      parisDay("c.created_at").as("created_on"),
      "c.themes",
      "c.narrative_text",
      "c.narrative_adopted_on",
      "c.engineering_provider_id as provider_id",
      "pr.name as provider_name",
      "c.engineering_fte as fte",
      "c.engineering_kind as kind",
    ])
    .where("c.id", "in", ids)
    .execute();
}

/**
 * The days the narrative changed: audited edits whose text differs before and after, and the
 * adoptions the timeline records (an adoption may be re-dated without a new text).
 */
function readNarrativeRevisions(db: Kysely<Database>, ids: readonly string[]) {
  return db
    .selectFrom("audit_log as l")
    .select([sql<string>`l.entity_id`.as("cooperation_id"), parisDay("l.at").as("on")])
    .where("l.entity_type", "=", "cooperation")
    .where("l.entity_id", "in", ids)
    .where("l.action", "in", ["created", "updated"])
    .where(
      sql<boolean>`coalesce(l.before -> 'narrative' ->> 'text', '') is distinct from coalesce(l.after -> 'narrative' ->> 'text', '')`,
    )
    .unionAll(
      db
        .selectFrom("timeline_entries as te")
        .select([sql<string>`te.cooperation_id::text`.as("cooperation_id"), sql<string>`te.occurred_on::text`.as("on")])
        .where("te.kind", "=", "narrative_adopted")
        .where("te.cooperation_id", "in", ids),
    )
    .execute();
}

function readMembers(db: Kysely<Database>, ids: readonly string[]) {
  return db
    .selectFrom("cooperation_members as m")
    .innerJoin("territories as t", "t.id", "m.territory_id")
    .select(["m.cooperation_id", "t.id", "t.name", "t.kind", "m.role", "m.joined_on", "m.left_on"])
    .where("m.cooperation_id", "in", ids)
    .orderBy("m.cooperation_id")
    .orderBy("t.name")
    .execute();
}

/** Archived projects have left the picture; restricted ones exist only for their partners' members. */
function readProjects(db: Kysely<Database>, ids: readonly string[], viewer: Viewer) {
  return db
    .selectFrom("projects as p")
    .leftJoin("territories as pe", "pe.id", "p.engineering_provider_id")
    .where("p.cooperation_id", "in", ids)
    .where("p.archived_at", "is", null)
    .where((eb) => projectVisibleTo(eb as unknown as ProjectEb, viewer))
    .select((eb) => [
      "p.id",
      "p.cooperation_id",
      "p.status",
      "p.themes",
      "p.started_on",
      "p.engineering_provider_id as provider_id",
      "pe.name as provider_name",
      "p.engineering_fte as fte",
      "p.engineering_kind as kind",
      jsonArrayFrom(
        eb
          .selectFrom("project_partners as pp")
          .select(["pp.territory_id", "pp.role"])
          .whereRef("pp.project_id", "=", "p.id")
          .where("pp.role", "in", ["lead", "co_owner"]),
      ).as("owners"),
      jsonArrayFrom(
        eb
          .selectFrom("project_status_history as h")
          .select(["h.to_status", "h.changed_on"])
          .whereRef("h.project_id", "=", "p.id")
          .orderBy("h.changed_on")
          .orderBy("h.created_at"),
      ).as("status_changes"),
    ])
    .execute();
}

/** Actions of a hidden or archived project go with it; actions of the cooperation as a whole stay. */
function readActions(db: Kysely<Database>, ids: readonly string[], viewer: Viewer) {
  return db
    .selectFrom("actions as a")
    .leftJoin("projects as p", "p.id", "a.project_id")
    .where("a.cooperation_id", "in", ids)
    .where("a.removed_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("a.project_id", "is", null),
        eb.and([eb("p.archived_at", "is", null), projectVisibleTo(eb as unknown as ProjectEb, viewer)]),
      ]),
    )
    .select((eb) => [
      "a.id",
      "a.cooperation_id",
      "a.occurred_on",
      "a.kind",
      "a.project_id",
      jsonArrayFrom(
        eb
          .selectFrom("timeline_entries as te")
          .innerJoin("timeline_entry_territories as tt", "tt.entry_id", "te.id")
          .select("tt.territory_id")
          .whereRef("te.action_id", "=", "a.id"),
      ).as("territories"),
    ])
    .execute();
}

function readApplications(db: Kysely<Database>, ids: readonly string[], viewer: Viewer) {
  return db
    .selectFrom("funding_applications as fa")
    .innerJoin("projects as p", "p.id", "fa.project_id")
    .innerJoin("funding_programmes as fp", "fp.id", "fa.programme_id")
    .innerJoin("funders as f", "f.id", "fp.funder_id")
    .where("p.cooperation_id", "in", ids)
    .where("p.archived_at", "is", null)
    .where((eb) => projectVisibleTo(eb as unknown as ProjectEb, viewer))
    .select((eb) => [
      "fa.id",
      "p.cooperation_id",
      "fa.project_id",
      "fa.status",
      "fp.id as programme_id",
      "fp.name as programme_name",
      "fp.acronym",
      "fp.external_ref",
      "f.id as funder_id",
      "f.name as funder_name",
      "fa.granted_cents",
      "fa.decision_on",
      // Filed on: the submission, else the first recorded step (a draft's own date), else the record's day.
      eb.fn
        .coalesce(
          sql<string | null>`fa.submitted_on::text`,
          eb
            .selectFrom("funding_transitions as ft")
            .select(sql<string>`min(ft.occurred_on)::text`.as("first"))
            .whereRef("ft.application_id", "=", "fa.id"),
          parisDay("fa.created_at"),
        )
        .as("filed_on"),
    ])
    .execute();
}

function groupBy<T extends { cooperation_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.cooperation_id);
    if (list) list.push(row);
    else groups.set(row.cooperation_id, [row]);
  }
  return groups;
}

/**
 * What the health rules read about each cooperation, in six set-based queries whatever the number
 * of cooperations (the comparison of a metropolis's cooperations costs the same round trips as one).
 */
export async function loadCooperationHealthInputs(
  db: Kysely<Database>,
  cooperationIds: readonly string[],
  viewer: Viewer,
): Promise<Map<string, Input>> {
  const result = new Map<string, Input>();
  if (cooperationIds.length === 0) return result;
  const ids = [...new Set(cooperationIds)];
  const [cooperations, revisions, members, projects, actions, applications] = await Promise.all([
    readCooperations(db, ids),
    readNarrativeRevisions(db, ids),
    readMembers(db, ids),
    readProjects(db, ids, viewer),
    readActions(db, ids, viewer),
    readApplications(db, ids, viewer),
  ]);
  const revisionsOf = groupBy(revisions);
  const membersOf = groupBy(members);
  const projectsOf = groupBy(projects);
  const actionsOf = groupBy(actions);
  const applicationsOf = groupBy(applications);
  for (const c of cooperations) {
    result.set(c.id, {
      cooperation: {
        id: c.id,
        name: c.name,
        engagementForm: c.engagement_form,
        status: c.status,
        startedOn: c.started_on,
        createdOn: c.created_on,
        themes: c.themes,
        narrative: {
          text: c.narrative_text,
          adoptedOn: c.narrative_adopted_on,
          revisedOn: [...new Set((revisionsOf.get(c.id) ?? []).map((r) => r.on))].sort(),
        },
        engineering: engineering(c),
      },
      members: (membersOf.get(c.id) ?? []).map((m) => ({
        territoryId: m.id,
        name: m.name,
        kind: m.kind,
        role: m.role,
        joinedOn: m.joined_on,
        leftOn: m.left_on,
      })),
      projects: (projectsOf.get(c.id) ?? []).map((p) => ({
        id: p.id,
        status: p.status,
        themes: p.themes,
        startedOn: p.started_on,
        leadTerritoryId: p.owners.find((o) => o.role === "lead")?.territory_id ?? null,
        coOwnerTerritoryIds: p.owners.filter((o) => o.role === "co_owner").map((o) => o.territory_id),
        engineering: engineering(p),
        statusChanges: p.status_changes.map((h) => ({ to: h.to_status, on: h.changed_on })),
      })),
      actions: (actionsOf.get(c.id) ?? []).map((a) => ({
        id: a.id,
        occurredOn: a.occurred_on,
        kind: a.kind,
        projectId: a.project_id,
        territoryIds: a.territories.map((t) => t.territory_id),
      })),
      applications: (applicationsOf.get(c.id) ?? []).map((a) => ({
        id: a.id,
        projectId: a.project_id,
        status: a.status,
        programme: { id: a.programme_id, name: a.programme_name, acronym: a.acronym, externalRef: a.external_ref },
        funder: { id: a.funder_id, name: a.funder_name },
        grantedCents: a.granted_cents === null ? null : Number(a.granted_cents),
        filedOn: a.filed_on ?? "",
        decidedOn: a.decision_on,
      })),
    });
  }
  return result;
}

export async function loadCooperationHealthInput(
  db: Kysely<Database>,
  cooperationId: string,
  viewer: Viewer,
): Promise<Input | undefined> {
  return (await loadCooperationHealthInputs(db, [cooperationId], viewer)).get(cooperationId);
}

/** The cooperations a territory belongs to today, archived ones aside, by name: the comparison's columns. */
export async function listCurrentCooperationIds(db: Kysely<Database>, territoryId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("cooperation_members as m")
    .innerJoin("cooperations as c", "c.id", "m.cooperation_id")
    .select("c.id")
    .distinct()
    .select(sql<string>`lower(c.name)`.as("sort_name"))
    .where("m.territory_id", "=", territoryId)
    .where("m.left_on", "is", null)
    .where("c.archived_at", "is", null)
    .orderBy("sort_name")
    .orderBy("c.id")
    .execute();
  return rows.map((r) => r.id);
}
