import { randomUUID } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
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
mkdirSync(join(webDist, "assets"));
writeFileSync(join(webDist, "assets", "index-Bx7kq2.js"), "console.log('trame')");

/** The app as deployed: behind a TLS-terminating proxy that it trusts. */
let app: FastifyInstance;
let proxied: FastifyInstance;
beforeAll(async () => {
  app = await buildApp({ db: db(), webDist, logLevel: "silent" });
  proxied = await buildApp({ db: db(), logLevel: "silent", trustProxy: 1 });
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
        code: "TRANSPORT",
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

describe("derrière un mandataire, le client ne choisit pas son adresse (TRAME_TRUST_PROXY)", () => {
  /** The address the sign-in throttle counted a failed attempt against: what the server took for the client's. */
  async function addressesCounted(
    app: FastifyInstance,
    forwardedFor: string,
    remoteAddress = "127.0.0.1",
  ): Promise<string[]> {
    const email = `adresse-${randomUUID()}@example.fr`;
    const before = await db().selectFrom("login_throttle").select("key").where("key", "like", "addr:%").execute();
    const response = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
      payload: JSON.stringify({ email, password: "pas le bon mot de passe" }),
      remoteAddress,
    });
    expect(response.statusCode).toBe(401);
    const known = new Set(before.map((row) => row.key));
    const after = await db()
      .selectFrom("login_throttle")
      .select(["key", "failures"])
      .where("key", "like", "addr:%")
      .execute();
    return after.filter((row) => !known.has(row.key)).map((row) => row.key.slice("addr:".length));
  }

  it("un saut : `X-Forwarded-For: 6.6.6.6, 10.0.0.5` donne 10.0.0.5, l'adresse que le mandataire a vue", async () => {
    expect(await addressesCounted(proxied, "6.6.6.6, 10.0.0.5")).toEqual(["10.0.0.5"]);
    // The attacker's own first entry changes nothing: still the same address, counted again.
    const rows = await db()
      .selectFrom("login_throttle")
      .select("failures")
      .where("key", "=", "addr:10.0.0.5")
      .execute();
    expect(rows[0]?.failures).toBe(1);
    await addressesCounted(proxied, "7.7.7.7, 10.0.0.5");
    const again = await db()
      .selectFrom("login_throttle")
      .select("failures")
      .where("key", "=", "addr:10.0.0.5")
      .execute();
    expect(again[0]?.failures).toBe(2);
  });

  it("un saut ne vaut que si ce saut est un mandataire du réseau privé : un client direct d'internet ne se déguise pas", async () => {
    expect(await addressesCounted(proxied, "6.6.6.6, 10.0.0.5", "203.0.113.50")).toEqual(["203.0.113.50"]);
    expect(await addressesCounted(proxied, "6.6.6.6", "::ffff:192.168.1.4")).toEqual(["6.6.6.6"]);
  });

  it("une liste de mandataires : on remonte la chaîne tant que l'adresse est celle d'un mandataire listé", async () => {
    const listed = await buildApp({ db: db(), logLevel: "silent", trustProxy: ["127.0.0.1", "10.1.0.0/16"] });
    try {
      // 10.1.2.3 is a listed proxy: the address it saw (198.51.100.7) is the client's.
      expect(await addressesCounted(listed, "6.6.6.6, 198.51.100.7, 10.1.2.3")).toEqual(["198.51.100.7"]);
      // 10.0.0.9 is not listed: it is the client, whatever it claims before itself.
      expect(await addressesCounted(listed, "6.6.6.6, 10.0.0.9")).toEqual(["10.0.0.9"]);
    } finally {
      await listed.close();
    }
  });

  it("sans mandataire déclaré, X-Forwarded-For est ignoré", async () => {
    expect(await addressesCounted(app, "6.6.6.6, 10.0.0.5", "192.0.2.77")).toEqual(["192.0.2.77"]);
  });
});

describe("les réponses de l'API ne sont gardées par aucun cache (Cache-Control: no-store)", () => {
  it("tRPC (requête, lot, erreur, mutation), exports, documents, ProConnect, sondes ; encodé ou non", async () => {
    const cookie = await cookieFor(db(), await makeUser(db()));
    const responses = {
      me: await app.inject({ url: "/trpc/auth.me", headers: { cookie } }),
      batch: await app.inject({ url: "/trpc/auth.me,instance.info?batch=1&input={}", headers: { cookie } }),
      anonymous: await app.inject("/trpc/territory.search"),
      unknownProcedure: await app.inject("/trpc/nothing.here"),
      encodedPrefix: await app.inject({ url: "/%74rpc/auth.me", headers: { cookie } }),
      login: await login(await makeUser(db()), "pas le bon mot de passe"),
      export: await app.inject({ url: "/api/exports/projects.csv", headers: { cookie } }),
      document: await app.inject({ url: "/api/documents/pas-un-id", headers: { cookie } }),
      unknownApi: await app.inject("/api/rien"),
      proconnect: await app.inject("/auth/proconnect/status"),
      healthz: await app.inject("/healthz"),
      readyz: await app.inject("/readyz"),
    };
    expect(responses.me.json().result.data.email).toContain("@");
    expect(responses.export.statusCode).toBe(200);
    for (const [name, response] of Object.entries(responses)) {
      expect(String(response.headers["cache-control"]), name).toMatch(/(^|, )no-store$/);
    }
  });

  it("les fichiers hachés de l'application restent en cache un an ; la page, revalidée", async () => {
    const asset = await app.inject("/assets/index-Bx7kq2.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const page of ["/", "/territoires/1"]) {
      expect((await app.inject(page)).headers["cache-control"]).toBe("no-cache");
    }
  });
});

describe("instance.info : une instance de démonstration le dit", () => {
  it("public, sans session : demo vrai seulement si le serveur a été démarré avec la démonstration", async () => {
    const demo = await buildApp({ db: db(), logLevel: "silent", demo: true });
    try {
      for (const [server, expected] of [
        [demo, true],
        [app, false],
      ] as const) {
        const response = await server.inject("/trpc/instance.info");
        expect(response.statusCode).toBe(200);
        expect(response.json().result.data).toEqual({ demo: expected });
      }
    } finally {
      await demo.close();
    }
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
      // No inline style or script may run: only the app's own files and two hashed library styles.
      expect(csp).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]{43}=' 'sha256-[A-Za-z0-9+/]{43}=';/);
      expect(csp).not.toContain("unsafe-inline");
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
