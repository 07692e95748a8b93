import { describe, expect, it } from "vitest";
import { THROTTLE } from "../src/auth/login.service.ts";
import { failure, fieldsOf } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser, sessionFor, TEST_PASSWORD } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const db = () => testDb().db;
const testDb = useTestDb();

describe("auth", () => {
  it("connecte avec le bon mot de passe, pose le cookie et ouvre la session", async () => {
    const territory = await makeTerritory(db());
    const user = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "editor" }] });
    const { caller: anonymous, cookie } = await sessionFor(db(), null);
    const me = await anonymous.auth.login({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
    expect(me?.email).toBe(user.email);
    expect(me?.memberships).toEqual([{ territoryId: territory.id, territoryName: territory.name, role: "editor" }]);
    expect(cookie.token).toMatch(/^[\w-]{40,}$/);
    expect(me).not.toHaveProperty("password_hash");
  });

  it("répond pareil pour un e-mail inconnu et un mauvais mot de passe", async () => {
    const user = await makeUser(db());
    const caller = await callerFor(db(), null, "10.0.0.1");
    const wrongPassword = await failure(caller.auth.login({ email: user.email, password: "pas le bon" }));
    const unknownEmail = await failure(caller.auth.login({ email: "personne@example.fr", password: "pas le bon" }));
    expect(wrongPassword).toEqual(unknownEmail);
    expect(wrongPassword.code).toBe("UNAUTHORIZED");
    expect(wrongPassword.payload.message.fr).toBe("E-mail ou mot de passe incorrect");
  });

  it("bride les tentatives sur un compte, même avec ensuite le bon mot de passe", async () => {
    const user = await makeUser(db());
    const caller = await callerFor(db(), null, "10.0.0.2");
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      await failure(caller.auth.login({ email: user.email, password: `faux-${i}` }));
    }
    const throttled = await failure(caller.auth.login({ email: user.email, password: TEST_PASSWORD }));
    expect(throttled.code).toBe("TOO_MANY_REQUESTS");
  });

  it("refuse une saisie invalide en nommant le champ, en français et en anglais", async () => {
    const caller = await callerFor(db(), null);
    const { code, payload } = await failure(caller.auth.login({ email: "pas-un-email", password: "" }));
    expect(code).toBe("BAD_REQUEST");
    expect(fieldsOf(payload)).toEqual(["email", "password"]);
    expect(payload.fields[0]?.message).toEqual({ fr: "Adresse e-mail invalide", en: "Invalid email address" });
  });

  it("me est null sans session, et une session fermée ne sert plus", async () => {
    const anonymous = await callerFor(db(), null);
    expect(await anonymous.auth.me()).toBeNull();
    const user = await makeUser(db());
    const { caller, cookie, nextRequest } = await sessionFor(db(), user);
    expect((await caller.auth.me())?.id).toBe(user.id);
    await caller.auth.logout();
    expect(cookie.cleared).toBe(true);
    const later = await nextRequest();
    expect(await later.auth.me()).toBeNull();
    expect(
      (await failure(later.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "x".repeat(12) }))).code,
    ).toBe("UNAUTHORIZED");
  });

  it("change le mot de passe avec l'ancien, et l'inscrit à l'historique", async () => {
    const user = await makeUser(db());
    const caller = await callerFor(db(), user);
    const wrong = await failure(
      caller.auth.changePassword({ currentPassword: "faux", newPassword: "nouveau-mot-de-passe" }),
    );
    expect(fieldsOf(wrong.payload)).toEqual(["currentPassword"]);
    await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "nouveau-mot-de-passe" });
    const anonymous = await callerFor(db(), null, "10.0.0.3");
    await expect(anonymous.auth.login({ email: user.email, password: "nouveau-mot-de-passe" })).resolves.toBeTruthy();
    const history = await caller.audit.history({ entityType: "user", entityId: user.id });
    expect(history.map((h) => h.action)).toContain("password_changed");
  });
});
