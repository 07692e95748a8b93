import { createHash, randomUUID } from "node:crypto";
import type { Theme } from "@trame/core";
import { type Database, insertSession, insertTimelineEntry, type Kysely } from "@trame/db";
import { newSessionToken } from "../../src/auth/session-token.ts";
import { makeTerritory, makeUser, type TestUser } from "./factories.ts";

/** A session cookie for plain HTTP routes, as the browser would send it after signing in. */
export async function cookieFor(db: Kysely<Database>, user: TestUser): Promise<string> {
  const token = newSessionToken();
  const tokenHash = createHash("sha256").update(token).digest("hex");
  await insertSession(db, { tokenHash, userId: user.id, expiresAt: new Date(Date.now() + 3600_000) });
  return `trame_session=${token}`;
}

async function makeProject(
  db: Kysely<Database>,
  tag: string,
  cooperationId: string,
  partners: string[],
  visibility: "network" | "partners",
  themes: Theme[],
) {
  const project = await db
    .insertInto("projects")
    .values({
      cooperation_id: cooperationId,
      title: `Légumerie ${visibility} ${tag}`,
      status: "in_progress",
      visibility,
      themes,
      started_on: "2021-03-15",
      budget_cents: 123_450,
    })
    .returning(["id", "title"])
    .executeTakeFirstOrThrow();
  await db
    .insertInto("project_partners")
    .values(
      partners.map((territoryId, i) => ({
        project_id: project.id,
        territory_id: territoryId,
        role: i ? "partner" : "lead",
      })),
    )
    .execute();
  return project;
}

/**
 * Three territories with accented names in one cooperation; a project restricted to Orléans and
 * Hérault beside an open one; five dated entries, one of which tries a spreadsheet formula; a
 * viewer of a partner (Hérault) and a viewer of a non-partner (Réunion), each with a session.
 */
export async function exportWorld(db: Kysely<Database>) {
  const tag = randomUUID().slice(0, 6);
  const [orleans, reunion, herault] = await Promise.all(
    ["Orléans Métropole", "CC de la Réunion", "CC du Pays de l'Hérault"].map((name) =>
      makeTerritory(db, { name: `${name} ${tag}` }),
    ),
  );
  if (!orleans || !reunion || !herault) throw new Error("fixtures");
  const cooperation = await db
    .insertInto("cooperations")
    .values({
      name: `Coopération Orléans–Hérault ${tag}`,
      engagement_form: "convention",
      status: "active",
      themes: ["water"],
    })
    .returning(["id", "name"])
    .executeTakeFirstOrThrow();
  const restricted = await makeProject(db, tag, cooperation.id, [orleans.id, herault.id], "partners", ["water"]);
  const open = await makeProject(db, tag, cooperation.id, [orleans.id, reunion.id], "network", ["water", "food"]);
  const all = [orleans.id, reunion.id, herault.id];
  const add = (occurredOn: string, title: string, extra: Partial<Parameters<typeof insertTimelineEntry>[1]> = {}) =>
    insertTimelineEntry(db, {
      occurredOn,
      kind: "meeting",
      title,
      cooperationId: cooperation.id,
      territoryIds: all,
      ...extra,
    });
  const entries = {
    launch: await add("2024-03-12", "Réunion de lancement à Orléans"),
    formula: await add("2024-04-01", '=HYPERLINK("http://exemple.invalid";"clic")', { kind: "workshop" }),
    workshop: await add("2024-04-20", "Atelier ; eau\npotable", { kind: "workshop", projectId: open.id }),
    secret: await add("2024-05-02", restricted.title, {
      kind: "project_status",
      projectId: restricted.id,
      detail: { from: "idea", to: "planned", comment: "Délibération du conseil" },
      territoryIds: [orleans.id, herault.id],
    }),
    joined: await add("2024-06-01", "Adhésion de la Réunion", { kind: "member_joined" }),
  };
  const partner = await makeUser(db, { memberships: [{ territoryId: herault.id, role: "viewer" }] });
  const outsider = await makeUser(db, { memberships: [{ territoryId: reunion.id, role: "viewer" }] });
  return {
    territories: { orleans, reunion, herault },
    cooperation,
    restricted,
    open,
    entries,
    partner,
    outsider,
    partnerCookie: await cookieFor(db, partner),
    outsiderCookie: await cookieFor(db, outsider),
  };
}
