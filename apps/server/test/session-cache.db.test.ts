import { insertSession } from "@trame/db";
import { capturingDb } from "@trame/db/testing-capture";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSessionCache, type SessionCache } from "../src/auth/session-cache.ts";
import { hashSessionToken, newSessionToken } from "../src/auth/session-token.ts";
import { type LiveHub, startLiveHub } from "../src/live/live-hub.ts";
import { makeTerritory, makeUser, type TestUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
let hub: LiveHub;
let cache: SessionCache;

beforeAll(async () => {
  hub = await startLiveHub(testDb(), { warn() {} });
  cache = createSessionCache(hub);
});
afterAll(async () => {
  cache.close();
  await hub.close();
});

async function signIn(user: TestUser): Promise<string> {
  const tokenHash = hashSessionToken(newSessionToken());
  await insertSession(db(), { tokenHash, userId: user.id, expiresAt: new Date(Date.now() + 3_600_000) });
  return tokenHash;
}

/** Notifications arrive after the commit, asynchronously: wait for the cache to have heard. */
async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 3_000;
  for (;;) {
    const value = await read();
    if (accept(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("cache des sessions", () => {
  it("une session déjà lue est servie de mémoire, sans requête", async () => {
    const tokenHash = await signIn(await makeUser(db()));
    const { db: counted, captured } = capturingDb(testDb());
    expect(await cache.lookup(counted, tokenHash)).toBeDefined();
    expect(await cache.lookup(counted, tokenHash)).toBeDefined();
    expect(captured).toHaveLength(1);
  });

  it("un rôle retiré par une autre instance cesse aussitôt d'être accordé", async () => {
    const territory = await makeTerritory(db());
    const user = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "editor" }] });
    const tokenHash = await signIn(user);
    expect((await cache.lookup(db(), tokenHash))?.user.memberships.map((m) => m.role)).toEqual(["editor"]);

    // Written straight to the database, as another instance would: only the notification can tell.
    await db().deleteFrom("memberships").where("user_id", "=", user.id).execute();
    const after = await eventually(
      () => cache.lookup(db(), tokenHash),
      (found) => found?.user.memberships.length === 0,
    );
    expect(after?.user.memberships).toEqual([]);
  });

  it("une session fermée, un compte désactivé ne sont plus servis", async () => {
    const closed = await signIn(await makeUser(db()));
    const disabledUser = await makeUser(db());
    const disabled = await signIn(disabledUser);
    expect(await cache.lookup(db(), closed)).toBeDefined();
    expect(await cache.lookup(db(), disabled)).toBeDefined();

    await db().deleteFrom("sessions").where("token_hash", "=", closed).execute();
    await db()
      .updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("id", "=", disabledUser.id)
      .execute();
    expect(
      await eventually(
        () => cache.lookup(db(), closed),
        (found) => found === undefined,
      ),
    ).toBeUndefined();
    expect(
      await eventually(
        () => cache.lookup(db(), disabled),
        (found) => found === undefined,
      ),
    ).toBeUndefined();
  });

  it("un territoire renommé l'est aussi dans les sessions en mémoire", async () => {
    const territory = await makeTerritory(db(), { name: "CC Ancien nom" });
    const tokenHash = await signIn(
      await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "viewer" }] }),
    );
    expect((await cache.lookup(db(), tokenHash))?.user.memberships[0]?.territoryName).toBe("CC Ancien nom");

    await db().updateTable("territories").set({ name: "CC Nouveau nom" }).where("id", "=", territory.id).execute();
    const after = await eventually(
      () => cache.lookup(db(), tokenHash),
      (found) => found?.user.memberships[0]?.territoryName === "CC Nouveau nom",
    );
    expect(after?.user.memberships[0]?.territoryName).toBe("CC Nouveau nom");
  });

  it("sans écoute des notifications, chaque appel interroge la base", async () => {
    const deaf: LiveHub = { ...hub, isListening: () => false, onSessionChange: () => () => {} };
    const uncached = createSessionCache(deaf);
    const tokenHash = await signIn(await makeUser(db()));
    const { db: counted, captured } = capturingDb(testDb());
    await uncached.lookup(counted, tokenHash);
    await uncached.lookup(counted, tokenHash);
    expect(captured).toHaveLength(2);
    uncached.close();
  });

  it("une session n'est jamais servie de mémoire après son échéance", async () => {
    let now = Date.now();
    // The age limit is set beyond the jump: only the session's own end can make the cache ask again.
    const clocked = createSessionCache(hub, { now: () => now, maxAgeMs: 10 * 3_600_000 });
    const tokenHash = await signIn(await makeUser(db()));
    const { db: counted, captured } = capturingDb(testDb());
    await clocked.lookup(counted, tokenHash);
    now += 2 * 3_600_000;
    await clocked.lookup(counted, tokenHash);
    expect(captured).toHaveLength(2);
    clocked.close();
  });
});
