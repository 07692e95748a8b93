import { describe, expect, it } from "vitest";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser, TEST_PASSWORD } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;

describe("administration des comptes", () => {
  it("l'administration de l'instance crée un compte, qui peut se connecter ; un e-mail en double est refusé", async () => {
    const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    const created = await admin.admin.createUser({
      email: "Nouvelle.Chargee@Example.fr",
      name: "Nouvelle chargée",
      password: TEST_PASSWORD,
    });
    expect(created.email).toBe("nouvelle.chargee@example.fr");
    const anonymous = await callerFor(db(), null, "10.1.0.1");
    await expect(
      anonymous.auth.login({ email: "nouvelle.chargee@example.fr", password: TEST_PASSWORD }),
    ).resolves.toBeTruthy();
    const duplicate = await failure(
      admin.admin.createUser({ email: "nouvelle.chargee@example.fr", name: "Doublon", password: TEST_PASSWORD }),
    );
    expect(duplicate.code).toBe("CONFLICT");
    const weak = await failure(admin.admin.createUser({ email: "x@example.fr", name: "X", password: "court" }));
    expect(fieldsOf(weak.payload)).toEqual(["password"]);
    const users = await admin.admin.users({ query: "Nouvelle.CHARG" });
    expect(users.items.map((u) => u.email)).toEqual(["nouvelle.chargee@example.fr"]);
    expect(users.total).toBe(1);
    expect(users.items[0]).not.toHaveProperty("password_hash");
    expect((await admin.admin.users({ query: "chargée" })).items.map((u) => u.name)).toContain("Nouvelle chargée");
    // "%" is searched for, not a wildcard.
    expect((await admin.admin.users({ query: "%" })).items).toEqual([]);
  });

  it("un utilisateur ordinaire ne liste ni ne crée de comptes", async () => {
    const caller = await callerFor(db(), await makeUser(db()));
    expect((await failure(caller.admin.users({}))).code).toBe("FORBIDDEN");
    expect(
      (await failure(caller.admin.createUser({ email: "y@example.fr", name: "Y", password: TEST_PASSWORD }))).code,
    ).toBe("FORBIDDEN");
  });

  it("l'administrateur d'un territoire ne liste que les personnes de ses territoires, et un compte par son e-mail exact", async () => {
    const [mine, other] = [await makeTerritory(db()), await makeTerritory(db())];
    const territoryAdmin = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: mine.id, role: "admin" }] }),
    );
    const member = await makeUser(db(), {
      memberships: [
        { territoryId: mine.id, role: "editor" },
        { territoryId: other.id, role: "admin" },
      ],
    });
    const outsider = await makeUser(db(), { memberships: [{ territoryId: other.id, role: "editor" }] });

    const listed = await territoryAdmin.admin.users({ limit: 100 });
    expect(listed.items.map((u) => u.id)).toContain(member.id);
    expect(listed.items.map((u) => u.id)).not.toContain(outsider.id);
    // Only the memberships this administrator manages: the other territory is none of their business.
    expect(listed.items.find((u) => u.id === member.id)?.memberships).toEqual([
      { territoryId: mine.id, territoryName: mine.name, role: "editor" },
    ]);
    expect((await territoryAdmin.admin.users({ query: outsider.email.slice(0, 8) })).items).toEqual([]);
    const byEmail = await territoryAdmin.admin.users({ query: outsider.email.toUpperCase() });
    expect(byEmail.items.map((u) => [u.id, u.memberships])).toEqual([[outsider.id, []]]);

    const editor = await callerFor(db(), outsider);
    expect((await failure(editor.admin.users({}))).code).toBe("FORBIDDEN");
  });

  it("l'administrateur d'un territoire gère ses rattachements, pas ceux d'un autre territoire", async () => {
    const [mine, other] = [await makeTerritory(db()), await makeTerritory(db())];
    const territoryAdmin = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: mine.id, role: "admin" }] }),
    );
    const colleague = await makeUser(db(), { memberships: [] });
    await territoryAdmin.admin.setMembership({ territoryId: mine.id, userId: colleague.id, role: "editor" });
    const asColleague = await callerFor(db(), colleague);
    expect((await asColleague.auth.me())?.memberships).toEqual([
      { territoryId: mine.id, territoryName: mine.name, role: "editor" },
    ]);
    const refused = await failure(
      territoryAdmin.admin.setMembership({ territoryId: other.id, userId: colleague.id, role: "admin" }),
    );
    expect(refused.code).toBe("FORBIDDEN");
    expect(refused.payload.message.fr).toContain("Administrateur");
    const editor = await callerFor(db(), colleague);
    expect((await failure(editor.admin.removeMembership({ territoryId: mine.id, userId: colleague.id }))).code).toBe(
      "FORBIDDEN",
    );
    await territoryAdmin.admin.removeMembership({ territoryId: mine.id, userId: colleague.id });
    const history = await territoryAdmin.audit.history({
      entityType: "membership",
      entityId: `${colleague.id}:${mine.id}`,
    });
    expect(history.map((h) => h.action)).toEqual(["removed", "created"]);
    expect(
      (await failure(territoryAdmin.admin.removeMembership({ territoryId: mine.id, userId: colleague.id }))).code,
    ).toBe("NOT_FOUND");
  });
});

describe("adminProcedure", () => {
  /** Every procedure reserved to instance administrators; a territory's own administrator is the closest outsider. */
  const instanceOnly = [
    ["admin", "createUser"],
    ["admin", "failedJobs"],
    ["admin", "mailOutbox"],
    ["admin", "mailMessage"],
    ["admin", "sendTestMail"],
    ["funding", "createProgramme"],
    ["funding", "updateProgramme"],
    ["territory", "create"],
    ["territory", "update"],
    ["territory", "setNeighbour"],
    ["territory", "removeNeighbour"],
  ] as const;

  it("refuse chaque procédure d'instance à l'administrateur d'un territoire, avant même de lire l'entrée", async () => {
    const territory = await makeTerritory(db());
    const caller = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "admin" }] }),
    );
    for (const [namespace, name] of instanceOnly) {
      const procedure = (caller[namespace] as unknown as Record<string, (input: unknown) => Promise<unknown>>)[name];
      // An empty input: were the input read first, this would be a BAD_REQUEST naming its fields.
      const refused = await failure(procedure?.({}) ?? Promise.resolve());
      expect([`${namespace}.${name}`, refused.code]).toEqual([`${namespace}.${name}`, "FORBIDDEN"]);
      expect(refused.payload.message.en).toMatch(/instance administrator/i);
    }
  });
});
