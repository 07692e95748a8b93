import fastifyCookie from "@fastify/cookie";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createContextInner } from "../src/context.ts";
import { buildApp, MAX_BATCH_SIZE } from "../src/http/app.ts";
import { sessionCookieFor, sessionTokenOf } from "../src/http/session-cookie.ts";
import { type AppRouter, appRouter } from "../src/root.ts";
import { makeTerritory, makeUser, TEST_PASSWORD } from "./support/factories.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
let app: FastifyInstance;
/** The same router behind tRPC's stock Fastify plugin: what every answer must equal. */
let reference: FastifyInstance;
let cookie: string;
let territoryId: string;

beforeAll(async () => {
  const db = testDb().db;
  app = await buildApp({ db, logLevel: "silent" });
  reference = Fastify();
  await reference.register(fastifyCookie);
  await reference.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res, info }) =>
        createContextInner({
          db,
          sessionToken: sessionTokenOf(req),
          clientAddress: req.ip,
          cookie: sessionCookieFor(req, res),
          batchSize: info.calls.length,
          viaHttp: true,
        }),
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);
  const user = await makeUser(db);
  territoryId = (await makeTerritory(db)).id;
  const login = await app.inject({
    method: "POST",
    url: "/trpc/auth.login",
    headers: { "content-type": "application/json" },
    payload: JSON.stringify({ email: user.email, password: TEST_PASSWORD }),
  });
  cookie = String(login.headers["set-cookie"]).split(";")[0] ?? "";
});
afterAll(async () => {
  await app.close();
  await reference.close();
});

const input = (value: unknown) => encodeURIComponent(JSON.stringify(value));

describe("requêtes GET de l'API servies sans l'adaptateur de tRPC (issue 17, point 3)", () => {
  it("répondent comme tRPC lui-même : statut, type et corps, succès, erreurs et lots", async () => {
    const search = `territory.search?input=${input({ query: "saint" })}`;
    const cases: Record<string, string> = {
      single: search,
      noInput: "auth.me",
      batch: `auth.me,territory.get?batch=1&input=${input({ 1: { id: territoryId } })}`,
      batchWithErrors: `territory.get,territory.get,auth.me?batch=1&input=${input({ 0: { id: territoryId }, 1: { id: "pas-un-uuid" } })}`,
      invalidInput: `territory.get?input=${input({ id: 42 })}`,
      notFound: `territory.get?input=${input({ id: "7d0f3a52-5c1e-4b8a-9f1d-2e6c0b4a9e31" })}`,
      malformedInput: "territory.search?input=%7Bnot-json",
      unknownProcedure: "nope.nothing",
      mutationByGet: `cooperation.create?input=${input({})}`,
      batchTooLarge: `${Array(MAX_BATCH_SIZE + 1)
        .fill("auth.me")
        .join(",")}?batch=1&input=%7B%7D`,
      batchWithoutFlag: "auth.me,auth.me",
    };
    for (const [name, url] of Object.entries(cases)) {
      for (const headers of [{ cookie }, {}]) {
        const [ours, theirs] = await Promise.all(
          [app, reference].map((server) => server.inject({ url: `/trpc/${url}`, headers })),
        );
        // Fastify names the charset of a string it sends (JSON is UTF-8 either way).
        const type = (value: unknown) => String(value).replace("; charset=utf-8", "");
        const seen = { name, status: ours?.statusCode, type: type(ours?.headers["content-type"]), body: ours?.json() };
        expect(seen).toEqual({
          name,
          status: theirs?.statusCode,
          type: type(theirs?.headers["content-type"]),
          body: theirs?.json(),
        });
      }
    }
  });

  it("gardent les en-têtes du produit (sécurité, pas de cache) et la compression", async () => {
    // Enough territories for an answer over the compression threshold (1 KB).
    for (let i = 0; i < 12; i++) await makeTerritory(testDb().db);
    const response = await app.inject({
      url: `/trpc/territory.search?input=${input({ query: "test", limit: 50 })}`,
      headers: { cookie, "accept-encoding": "gzip" },
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    expect(response.headers.vary).toContain("trpc-accept");
    expect(response.headers["content-encoding"]).toBe("gzip");
  });
});
