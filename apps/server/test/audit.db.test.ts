import { describe, expect, it } from "vitest";
import { failure } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser } from "./support/factories.ts";
import { projectWorld } from "./support/project-fixtures.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

describe("historique (audit)", () => {
  it("l'historique d'un projet réservé est introuvable hors de ses partenaires", async () => {
    const world = await projectWorld(db());
    const project = await world.createProject({ visibility: "partners" });
    const outsider = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: (await makeTerritory(db())).id, role: "admin" }] }),
    );
    expect((await failure(outsider.audit.history({ entityType: "project", entityId: project.id }))).code).toBe(
      "NOT_FOUND",
    );
    const history = await (await world.as("leadEditor")).audit.history({ entityType: "project", entityId: project.id });
    expect(history.map((h) => h.action)).toContain("created");
  });

  it("l'historique d'un compte n'est lisible que par son titulaire et l'administration", async () => {
    const owner = await makeUser(db());
    const other = await callerFor(db(), await makeUser(db()));
    expect((await failure(other.audit.history({ entityType: "user", entityId: owner.id }))).code).toBe("FORBIDDEN");
    const self = await callerFor(db(), owner);
    expect((await self.audit.history({ entityType: "user", entityId: owner.id })).map((h) => h.action)).toEqual([
      "created",
    ]);
  });

  it("lit l'historique d'un lien (rattachement utilisateur:territoire)", async () => {
    const admin = await makeUser(db(), { isInstanceAdmin: true });
    const caller = await callerFor(db(), admin);
    const territory = await makeTerritory(db());
    const user = await makeUser(db());
    await caller.admin.setMembership({ userId: user.id, territoryId: territory.id, role: "editor" });
    const history = await caller.audit.history({ entityType: "membership", entityId: `${user.id}:${territory.id}` });
    expect(history[0]?.after).toEqual({ role: "editor" });
    expect((await failure(caller.audit.history({ entityType: "membership", entityId: "pas-un-id" }))).code).toBe(
      "BAD_REQUEST",
    );
  });
});
