import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { THROTTLE } from "../src/auth/login.service.ts";
import { buildApp, MAX_BATCH_SIZE } from "../src/http/app.ts";
import { failure } from "./support/expect-error.ts";
import { callerFor, makeUser, sessionFor, TEST_PASSWORD } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

/** Issue 13, item 2: attacks that went past the sign-in throttle in one request or in parallel. */
const testDb = useTestDb();
const db = () => testDb().db;

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ db: db(), logLevel: "silent" });
});
afterAll(async () => {
  await app.close();
});

const post = (url: string, body: unknown, remoteAddress: string) =>
  app.inject({
    method: "POST",
    url,
    headers: { "content-type": "application/json" },
    payload: JSON.stringify(body),
    remoteAddress,
  });

describe("bridage de la connexion : compter avant de calculer le mot de passe", () => {
  it("25 connexions en parallèle sur un compte : pas plus que la limite n'atteignent le mot de passe", async () => {
    const user = await makeUser(db());
    const attempts = Array.from({ length: 25 }, (_, i) =>
      post(
        "/trpc/auth.login",
        { email: user.email, password: i === 24 ? TEST_PASSWORD : `faux-${i}` },
        `198.51.100.${i + 1}`,
      ),
    );
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode);
    const reachedHash = statuses.filter((status) => status !== 429);
    expect(reachedHash.length).toBeLessThanOrEqual(THROTTLE.perAccount);
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(25 - THROTTLE.perAccount);
  }, 60_000);

  it("un lot de 30 connexions (29 fausses, 1 juste) dans une requête est refusé en entier", async () => {
    const user = await makeUser(db());
    const calls = Array.from({ length: 30 }, (_, i) => ({
      email: user.email,
      password: i === 29 ? TEST_PASSWORD : `faux-${i}`,
    }));
    const paths = calls.map(() => "auth.login").join(",");
    const body = Object.fromEntries(calls.map((call, i) => [String(i), call]));
    const response = await post(`/trpc/${paths}?batch=1`, body, "198.51.100.50");
    expect(response.statusCode).toBe(400);
    expect(response.headers["set-cookie"]).toBeUndefined();
    // Nothing was hashed, so nothing was counted: the right password still signs in alone.
    const alone = await post("/trpc/auth.login", calls[29], "198.51.100.50");
    expect(alone.statusCode).toBe(200);
  }, 60_000);

  it("même un petit lot ne peut pas porter deux connexions", async () => {
    const user = await makeUser(db());
    const body = { 0: { email: user.email, password: "faux" }, 1: { email: user.email, password: TEST_PASSWORD } };
    const response = await post("/trpc/auth.login,auth.login?batch=1", body, "198.51.100.51");
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.headers["set-cookie"]).toBeUndefined();
    const answers = response.json<{ error?: { data: { trame: { message: { fr: string } } } } }[]>();
    expect(answers.map((answer) => answer.error?.data.trame.message.fr)).toEqual([
      "Une seule connexion par requête.",
      "Une seule connexion par requête.",
    ]);
  });

  it(`un lot de plus de ${MAX_BATCH_SIZE} appels est refusé, un lot de ${MAX_BATCH_SIZE} passe`, async () => {
    const me = (count: number) => app.inject({ url: `/trpc/${Array(count).fill("auth.me").join(",")}?batch=1` });
    expect((await me(MAX_BATCH_SIZE)).statusCode).toBe(200);
    expect((await me(MAX_BATCH_SIZE + 1)).statusCode).toBe(400);
  });

  it("le mot de passe actuel demandé pour en changer est bridé de même", async () => {
    const user = await makeUser(db());
    const { caller } = await sessionFor(db(), user);
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      const wrong = await failure(
        caller.auth.changePassword({ currentPassword: `faux-${i}`, newPassword: "un-nouveau-mot-de-passe-solide" }),
      );
      expect(wrong.code).toBe("BAD_REQUEST");
    }
    const throttled = await failure(
      caller.auth.changePassword({ currentPassword: TEST_PASSWORD, newPassword: "un-nouveau-mot-de-passe-solide" }),
    );
    expect(throttled.code).toBe("TOO_MANY_REQUESTS");
    // The sign-in with the old password still works: nothing was changed.
    const anonymous = await callerFor(db(), null, "198.51.100.52");
    await expect(anonymous.auth.login({ email: user.email, password: TEST_PASSWORD })).resolves.toBeTruthy();
  }, 60_000);
});
