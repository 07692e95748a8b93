import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { THROTTLE } from "../src/auth/login.service.ts";
import { buildApp } from "../src/http/app.ts";
import { cookieFor } from "./support/export-fixtures.ts";
import { makeTerritory, makeUser, TEST_PASSWORD, type TestUser } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
const db = () => testDb().db;
const webDist = mkdtempSync(join(tmpdir(), "trame-web-"));
writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Trame</title>");

/** The app as deployed: behind a TLS-terminating proxy that it trusts. */
let app: FastifyInstance;
let proxied: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ db: db(), webDist, logLevel: "silent" });
  proxied = await buildApp({ db: db(), logLevel: "silent", trustProxy: true });
});
afterAll(async () => {
  await app.close();
  await proxied.close();
});

/** `app.inject` answers with the request's own Host: `localhost:80`. */
const SAME_ORIGIN = "http://localhost";

function postJson(
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
  options: Partial<InjectOptions> = {},
) {
  return app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    headers: { "content-type": "application/json", ...headers },
    payload: JSON.stringify(body),
    ...options,
  });
}

const login = (user: TestUser, password: string, headers: Record<string, string> = {}, remoteAddress = "127.0.0.1") =>
  postJson("auth.login", { email: user.email, password }, headers, { remoteAddress });

/** The JSON every refusal of csrf.ts answers, in the shape of the API's other errors. */
interface Refusal {
  error: { trame: { code: string; message: { fr: string; en: string }; fields: unknown[] } };
}

describe("CSRF : les modifications ne viennent que de l'application, en JSON", () => {
  let user: TestUser;
  let cookie: string;
  let leadTerritoryId: string;
  beforeAll(async () => {
    const territory = await makeTerritory(db(), { kind: "METRO" });
    leadTerritoryId = territory.id;
    user = await makeUser(db(), { memberships: [{ territoryId: territory.id, role: "admin" }] });
    cookie = await cookieFor(db(), user);
  });
  const cooperation = () => ({
    idempotencyKey: randomUUID(),
    name: `Coopération ${Math.random()}`,
    engagementForm: "convention",
    leadTerritoryId,
    startedOn: "2024-01-01",
  });

  it("refuse un POST d'une autre origine vers auth.login et cooperation.create, en 403 et en JSON", async () => {
    for (const origin of ["https://evil.example", "null", "http://localhost.evil.example", "https://localhost"]) {
      const signIn = await login(user, TEST_PASSWORD, { origin });
      const create = await postJson("cooperation.create", cooperation(), { origin, cookie });
      for (const response of [signIn, create]) {
        expect(response.statusCode).toBe(403);
        expect(response.headers["set-cookie"]).toBeUndefined();
        const { trame } = response.json<Refusal>().error;
        expect(trame).toEqual({
          code: "FORBIDDEN",
          message: { fr: "Requête refusée : elle ne vient pas de Trame", en: expect.any(String) },
          fields: [],
        });
      }
    }
  });

  it("refuse ce que le navigateur dit venir d'un autre site, même sans Origin", async () => {
    const response = await postJson("cooperation.create", cooperation(), { "sec-fetch-site": "cross-site", cookie });
    expect(response.statusCode).toBe(403);
  });

  it("laisse passer la même origine, same-origin déclaré ou non (clients sans navigateur)", async () => {
    expect(
      (await login(user, TEST_PASSWORD, { origin: SAME_ORIGIN, "sec-fetch-site": "same-origin" })).statusCode,
    ).toBe(200);
    expect(
      (await postJson("cooperation.create", cooperation(), { origin: `${SAME_ORIGIN}:80`, cookie })).statusCode,
    ).toBe(200);
    expect((await postJson("cooperation.create", cooperation(), { cookie })).statusCode).toBe(200);
  });

  it("refuse en 415 une mutation qui n'est pas en JSON : text/plain, formulaire, multipart", async () => {
    for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]) {
      const response = await app.inject({
        method: "POST",
        url: "/trpc/auth.logout",
        headers: { "content-type": type, cookie, origin: SAME_ORIGIN },
        payload: type.startsWith("multipart") ? "--x--\r\n" : "{}",
      });
      expect(response.statusCode).toBe(415);
      expect(response.json<Refusal>().error.trame).toMatchObject({
        code: "UNSUPPORTED_MEDIA_TYPE",
        message: { fr: expect.stringContaining("JSON") },
      });
    }
    // The route is matched after percent-decoding: an encoded prefix reaches tRPC all the same.
    const encoded = await app.inject({
      method: "POST",
      url: "/%74rpc/auth.logout",
      headers: { "content-type": "text/plain", cookie },
      payload: "{}",
    });
    expect(encoded.statusCode).toBe(415);
    // tRPC itself accepts multipart for a procedure without input: the session must have survived.
    const me = await app.inject({ url: "/trpc/auth.me", headers: { cookie } });
    expect(me.json().result.data.id).toBe(user.id);
  });

  it("derrière le mandataire de confiance, l'origine https publique est la même origine", async () => {
    const proxy = { host: "trame.example", "x-forwarded-proto": "https" };
    const inject = (origin: string) =>
      proxied.inject({
        method: "POST",
        url: "/trpc/cooperation.create",
        headers: { "content-type": "application/json", cookie, origin, ...proxy },
        payload: JSON.stringify(cooperation()),
      });
    expect((await inject("https://trame.example")).statusCode).toBe(200);
    expect((await inject("http://trame.example")).statusCode).toBe(403);
    // Without a trusted proxy, X-Forwarded-* cannot turn another origin into ours.
    const spoofed = await postJson("cooperation.create", cooperation(), {
      cookie,
      origin: "https://evil.example",
      "x-forwarded-host": "evil.example",
      "x-forwarded-proto": "https",
    });
    expect(spoofed.statusCode).toBe(403);
  });
});

describe("en-têtes de sécurité", () => {
  it("sur /, /trpc, /api et sur les refus : CSP sans cadre, nosniff, referrer policy, sans X-Powered-By", async () => {
    const cookie = await cookieFor(db(), await makeUser(db()));
    const responses = await Promise.all([
      app.inject("/"),
      app.inject("/territoires/1"),
      app.inject({ url: "/trpc/auth.me", headers: { cookie } }),
      app.inject("/trpc/territory.search"),
      app.inject({ url: "/api/exports/projects.csv", headers: { cookie } }),
      app.inject("/api/documents/pas-un-id"),
      postJson("auth.login", {}, { origin: "https://evil.example" }),
    ]);
    for (const response of responses) {
      const csp = String(response.headers["content-security-policy"]);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(response.headers["x-content-type-options"]).toBe("nosniff");
      expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(response.headers["x-powered-by"]).toBeUndefined();
    }
  });
});

describe("cookie de session", () => {
  const flagsOf = (setCookie: string | string[] | undefined) =>
    String(setCookie)
      .split(";")
      .map((part) => part.trim());

  it("HttpOnly, SameSite=Lax, Path=/ ; Secure quand la requête est arrivée en HTTPS par le mandataire", async () => {
    const user = await makeUser(db());
    const plain = flagsOf((await login(user, TEST_PASSWORD)).headers["set-cookie"]);
    expect(plain).toEqual(expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/"]));
    expect(plain).not.toContain("Secure");

    const overTls = await proxied.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json", "x-forwarded-proto": "https", host: "trame.example" },
      payload: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
    });
    expect(overTls.statusCode).toBe(200);
    expect(flagsOf(overTls.headers["set-cookie"])).toEqual(
      expect.arrayContaining(["HttpOnly", "SameSite=Lax", "Path=/", "Secure"]),
    );
  });
});

describe("connexion : ni énumération des comptes, ni essais sans fin", () => {
  it("un e-mail inconnu, un compte désactivé et un mauvais mot de passe reçoivent la même réponse", async () => {
    const user = await makeUser(db());
    const disabled = await makeUser(db());
    await db()
      .updateTable("users")
      .set({ disabled_at: new Date().toISOString() })
      .where("id", "=", disabled.id)
      .execute();
    const address = "192.0.2.10";
    const wrongPassword = await login(user, "pas le bon mot de passe", {}, address);
    const unknownEmail = await login({ id: "", email: "personne@example.fr" }, "pas le bon mot de passe", {}, address);
    const disabledAccount = await login(disabled, TEST_PASSWORD, {}, address);
    expect(wrongPassword.statusCode).toBe(401);
    for (const response of [unknownEmail, disabledAccount]) {
      expect(response.statusCode).toBe(wrongPassword.statusCode);
      expect(response.body).toBe(wrongPassword.body);
    }
  });

  it("bride un compte après trop d'échecs, même venant d'adresses toutes différentes", async () => {
    const user = await makeUser(db());
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      expect((await login(user, `faux-${i}`, {}, `198.51.100.${i + 1}`)).statusCode).toBe(401);
    }
    const throttled = await login(user, TEST_PASSWORD, {}, "198.51.100.200");
    expect(throttled.statusCode).toBe(429);
    expect(throttled.json().error.data.trame.message.fr).toContain("Trop de tentatives");
  });

  it("bride une adresse qui essaie beaucoup de comptes, sans que X-Forwarded-For la déguise", async () => {
    const address = "203.0.113.9";
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      const response = await login(
        { id: "", email: `inconnu-${i}@example.fr` },
        "devine",
        {
          "x-forwarded-for": `10.0.${i}.1`,
        },
        address,
      );
      expect(response.statusCode).toBe(401);
    }
    const user = await makeUser(db());
    expect((await login(user, TEST_PASSWORD, {}, address)).statusCode).toBe(429);
    expect((await login(user, TEST_PASSWORD, {}, "203.0.113.10")).statusCode).toBe(200);
  }, 60_000);
});
