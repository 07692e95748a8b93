import { sql } from "@trame/db";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { failure } from "./support/expect-error.ts";
import { callerFor, makeTerritory, makeUser, sessionFor, TEST_PASSWORD, type TestUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

/** Issue 13, item 6: shutting out a departing colleague, session limits, "my sessions". */
const testDb = useTestDb();
const db = () => testDb().db;

const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SAFARI_IPHONE =
  "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent", sessionPolicy: { idleSeconds: 1800, maxSeconds: 12 * 3600 } });
});
afterAll(async () => {
  await app.close();
});

/** Signs in over HTTP as a browser would and answers the session cookie. */
async function signIn(user: TestUser, userAgent = FIREFOX_WINDOWS, remoteAddress = "192.0.2.10"): Promise<string> {
  const response = await app.inject({
    method: "POST",
    url: "/trpc/auth.login",
    headers: { "content-type": "application/json", "user-agent": userAgent },
    payload: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    remoteAddress,
  });
  expect(response.statusCode).toBe(200);
  const cookie = response.cookies.find((c) => c.name === "trame_session");
  if (!cookie) throw new Error("no session cookie");
  return `trame_session=${cookie.value}`;
}

const me = async (cookie: string) =>
  (await app.inject({ url: "/trpc/auth.me", headers: { cookie } })).json<{ result: { data: { id: string } | null } }>()
    .result.data;

describe("cycle de vie des comptes", () => {
  it("un administrateur désactive un compte : ses sessions tombent, il ne se reconnecte plus ; réactivé, il revient", async () => {
    const territory = await makeTerritory(db());
    const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    const leaving = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "editor" }] });
    const cookie = await signIn(leaving);
    expect((await me(cookie))?.id).toBe(leaving.id);

    const result = await admin.admin.disableUser({ userId: leaving.id });
    expect(result).toMatchObject({ disabled: true, endedSessions: 1 });
    expect(await me(cookie)).toBeNull();
    const again = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      payload: JSON.stringify({ email: leaving.email, password: TEST_PASSWORD }),
      remoteAddress: "192.0.2.11",
    });
    expect(again.statusCode).toBe(401);

    await admin.admin.enableUser({ userId: leaving.id });
    expect((await me(await signIn(leaving)))?.id).toBe(leaving.id);
    const history = await admin.audit.history({ entityType: "user", entityId: leaving.id });
    expect(history.map((h) => h.action).slice(0, 2)).toEqual(["enabled", "disabled"]);
  });

  it("l'administrateur d'un territoire gère les gens de ses seuls territoires, pas les autres", async () => {
    const [mine, other] = await Promise.all([makeTerritory(db()), makeTerritory(db())]);
    const territoryAdmin = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: mine.id, role: "admin" }] }),
    );
    const own = await makeUser(db(), { memberships: [{ territoryId: mine.id, role: "editor" }] });
    const shared = await makeUser(db(), {
      memberships: [
        { territoryId: mine.id, role: "editor" },
        { territoryId: other.id, role: "editor" },
      ],
    });
    const stranger = await makeUser(db(), { memberships: [{ territoryId: other.id, role: "viewer" }] });
    const instanceAdmin = await makeUser(db(), { isInstanceAdmin: true });
    expect((await territoryAdmin.admin.endSessions({ userId: own.id })).userId).toBe(own.id);
    for (const target of [shared, stranger, instanceAdmin]) {
      expect((await failure(territoryAdmin.admin.disableUser({ userId: target.id }))).code).toBe("FORBIDDEN");
    }
    const editor = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: mine.id, role: "editor" }] }),
    );
    expect((await failure(editor.admin.disableUser({ userId: own.id }))).code).toBe("FORBIDDEN");
  });

  it("fermer les sessions d'un compte vaut pour toutes ses sessions", async () => {
    const territory = await makeTerritory(db());
    const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    const user = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "viewer" }] });
    const cookies = [await signIn(user), await signIn(user, SAFARI_IPHONE)];
    expect((await admin.admin.endSessions({ userId: user.id })).endedSessions).toBe(2);
    for (const cookie of cookies) expect(await me(cookie)).toBeNull();
  });

  it("un nouveau mot de passe exigé : à la connexion suivante, le compte ne fait que le changer", async () => {
    const territory = await makeTerritory(db());
    const admin = await callerFor(db(), await makeUser(db(), { isInstanceAdmin: true }));
    const user = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "editor" }] });
    const before = await signIn(user);
    await admin.admin.requirePasswordChange({ userId: user.id });
    expect(await me(before)).toBeNull();

    const { caller, nextRequest } = await sessionFor(db(), user);
    expect((await caller.auth.me())?.passwordChangeRequired).toBe(true);
    const blocked = await failure(caller.project.list({}));
    expect(blocked.code).toBe("FORBIDDEN");
    expect(blocked.payload.message.fr).toContain("nouveau mot de passe");
    await caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "un-tout-autre-mot-de-passe" });
    const later = await nextRequest();
    expect((await later.auth.me())?.passwordChangeRequired).toBe(false);
    await expect(later.project.list({})).resolves.toBeTruthy();
  });

  it("une session inactive au-delà de la limite, ou trop ancienne, ne sert plus", async () => {
    const territory = await makeTerritory(db());
    const user = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "viewer" }] });
    const idle = await signIn(user);
    const old = await signIn(user, SAFARI_IPHONE);
    expect((await me(idle))?.id).toBe(user.id);
    // As if 31 minutes had passed without a request, and 13 hours since the other sign-in.
    await sql`update sessions set idle_expires_at = now() - interval '1 minute', last_seen_at = now() - interval '31 minutes'
      where token_hash = encode(sha256(convert_to(${idle.split("=")[1] ?? ""}, 'UTF8')), 'hex')`.execute(db());
    await sql`update sessions set expires_at = now() - interval '1 minute'
      where token_hash = encode(sha256(convert_to(${old.split("=")[1] ?? ""}, 'UTF8')), 'hex')`.execute(db());
    expect(await me(idle)).toBeNull();
    expect(await me(old)).toBeNull();
  });

  it("la session dure 12 heures au plus, et l'activité repousse la limite d'inactivité", async () => {
    const territory = await makeTerritory(db());
    const user = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "viewer" }] });
    const cookie = await signIn(user);
    const token = cookie.split("=")[1] ?? "";
    const read = () =>
      sql<{ lifetime: number; idle: number }>`
        select extract(epoch from expires_at - created_at)::int as lifetime,
               extract(epoch from idle_expires_at - now())::int as idle
        from sessions where token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`.execute(db());
    const { rows } = await read();
    expect(rows[0]?.lifetime).toBeGreaterThan(12 * 3600 - 60);
    expect(rows[0]?.lifetime).toBeLessThanOrEqual(12 * 3600);
    await sql`update sessions set idle_expires_at = now() + interval '5 minutes', last_seen_at = now() - interval '25 minutes'
      where token_hash = encode(sha256(convert_to(${token}, 'UTF8')), 'hex')`.execute(db());
    expect((await me(cookie))?.id).toBe(user.id);
    const touched = await read();
    expect(touched.rows[0]?.idle).toBeGreaterThan(29 * 60);
  });

  it("chacun voit ses sessions (appareil, dernière activité) et en ferme une ; pas celle d'un autre", async () => {
    const territory = await makeTerritory(db());
    const user = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "viewer" }] });
    const desk = await signIn(user);
    const phone = await signIn(user, SAFARI_IPHONE);
    const listed = await app.inject({ url: "/trpc/auth.sessions", headers: { cookie: desk } });
    const sessions = listed.json<{
      result: { data: { id: string; current: boolean; lastSeenAt: string; device: { browser: string; os: string } }[] };
    }>().result.data;
    expect(sessions).toHaveLength(2);
    const current = sessions.find((s) => s.current);
    const other = sessions.find((s) => !s.current);
    expect(current?.device).toMatchObject({ browser: "Firefox", os: "Windows" });
    expect(other?.device).toMatchObject({ browser: "Safari", os: "iOS" });
    expect(Date.parse(other?.lastSeenAt ?? "")).toBeGreaterThan(0);

    const stranger = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "viewer" }] }),
    );
    expect((await failure(stranger.auth.endSession({ id: other?.id ?? "" }))).code).toBe("NOT_FOUND");
    expect((await me(phone))?.id).toBe(user.id);
    const ended = await app.inject({
      method: "POST",
      url: "/trpc/auth.endSession",
      headers: { "content-type": "application/json", cookie: desk },
      payload: JSON.stringify({ id: other?.id }),
    });
    expect(ended.statusCode).toBe(200);
    expect(await me(phone)).toBeNull();
    expect((await me(desk))?.id).toBe(user.id);
  });

  it("l'historique d'un rattachement : la personne et les administrateurs du territoire, pas les autres", async () => {
    const territory = await makeTerritory(db());
    const adminUser = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "admin" }] });
    const admin = await callerFor(db(), adminUser);
    const person = await makeUser(db());
    await admin.admin.setMembership({ territoryId: territory.id, userId: person.id, role: "viewer" });
    const entityId = `${person.id}:${territory.id}`;
    expect(await admin.audit.history({ entityType: "membership", entityId })).toHaveLength(1);
    const own = await callerFor(db(), person);
    expect(await own.audit.history({ entityType: "membership", entityId })).toHaveLength(1);
    const colleague = await callerFor(
      db(),
      await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "editor" }] }),
    );
    expect((await failure(colleague.audit.history({ entityType: "membership", entityId }))).code).toBe("FORBIDDEN");
  });
});
