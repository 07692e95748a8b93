import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { makeUser, TEST_PASSWORD } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
let app: FastifyInstance;
const webDist = mkdtempSync(join(tmpdir(), "trame-web-"));
writeFileSync(join(webDist, "index.html"), "<!doctype html><title>Trame</title>");

beforeAll(async () => {
  app = await buildApp({ db: testDb().db, webDist, logLevel: "silent" });
});
afterAll(() => app.close());

const post = (path: string, body: unknown, cookie?: string) =>
  app.inject({
    method: "POST",
    url: `/trpc/${path}`,
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    payload: JSON.stringify(body),
  });

describe("serveur HTTP", () => {
  it("répond sur /healthz et /readyz", async () => {
    expect((await app.inject("/healthz")).statusCode).toBe(200);
    const ready = await app.inject("/readyz");
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: "ready" });
  });

  it("connecte par /trpc avec un cookie httpOnly SameSite=Lax, puis reconnaît la session", async () => {
    const user = await makeUser(testDb().db);
    const login = await post("auth.login", { email: user.email, password: TEST_PASSWORD });
    expect(login.statusCode).toBe(200);
    const setCookie = String(login.headers["set-cookie"]);
    expect(setCookie).toMatch(/^trame_session=/);
    expect(setCookie).toContain("HttpOnly");
    expect(setCookie).toContain("SameSite=Lax");
    const cookie = setCookie.split(";")[0] ?? "";
    const me = await app.inject({ url: "/trpc/auth.me", headers: { cookie } });
    expect(me.json().result.data.email).toBe(user.email);
  });

  it("répond 401 sans session et 400 avec les champs en cas de saisie invalide, jamais 500", async () => {
    const anonymous = await app.inject({ url: "/trpc/territory.search?input=%7B%7D" });
    expect(anonymous.statusCode).toBe(401);
    const bad = await post("auth.login", { email: 42, password: "x".repeat(1_000_000) });
    expect(bad.statusCode).toBe(400);
    const trame = bad.json().error.data.trame;
    expect(trame.fields.map((f: { field: string }) => f.field)).toEqual(["email", "password"]);
    expect(trame.message.fr).toBe("Saisie invalide");
    const notJson = await app.inject({
      method: "POST",
      url: "/trpc/auth.login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(notJson.statusCode).toBe(400);
  });

  it("les refus de tRPC lui-même ont le code TRANSPORT et un message en français comme en anglais", async () => {
    const user = await makeUser(testDb().db);
    const login = await post("auth.login", { email: user.email, password: TEST_PASSWORD });
    const cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
    const refusals = {
      malformed: await app.inject({
        method: "POST",
        url: "/trpc/cooperation.create",
        headers: { "content-type": "application/json", cookie },
        payload: "{not json",
      }),
      unknownProcedure: await post("nope.nothing", {}, cookie),
      wrongMethod: await app.inject({ url: "/trpc/cooperation.create?input=%7B%7D", headers: { cookie } }),
    };
    const seen = Object.entries(refusals).map(([name, response]) => {
      const trame = response.json().error.data.trame;
      return [name, response.statusCode, trame.code, trame.message.fr];
    });
    expect(seen).toEqual([
      ["malformed", 400, "TRANSPORT", "Requête illisible : son contenu n'est pas du JSON valide"],
      ["unknownProcedure", 404, "TRANSPORT", expect.stringMatching(/^Opération inconnue de ce serveur/)],
      ["wrongMethod", 405, "TRANSPORT", "Méthode HTTP non acceptée pour cette opération"],
    ]);
  });

  it("pose les en-têtes de sécurité", async () => {
    const response = await app.inject("/healthz");
    expect(response.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("sert l'application web sur les liens profonds, et un vrai 404 pour l'API", async () => {
    const deep = await app.inject("/territoires/7d0f3a52-5c1e-4b8a-9f1d-2e6c0b4a9e31");
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain("<title>Trame</title>");
    expect(deep.headers["cache-control"]).toBe("no-cache");
    expect((await app.inject("/trpc/nope.nothing")).statusCode).toBe(404);
  });
});
