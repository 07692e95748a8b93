import fc from "fast-check";
import type { FastifyInstance, InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { cookieFor } from "./support/export-fixtures.ts";
import { makeUser } from "./support/factories.ts";
import { routerProcedures, seedFor } from "./support/fuzz-harness.ts";
import { HOSTILE_STRINGS, hostileString, summarise } from "./support/fuzz-values.ts";
import { useTestDb } from "./support/test-db.ts";

/** Fixed so a failure replays (fast-check prints the seed and the path). */
const SEED = 20_261_108;
const RUNS = 60;

const testDb = useTestDb();
let app: FastifyInstance;
let cookie: string;

beforeAll(async () => {
  app = await buildApp({ db: testDb().db, logLevel: "silent" });
  cookie = await cookieFor(testDb().db, await makeUser(testDb().db, { isInstanceAdmin: true }));
});
afterAll(() => app.close());

const procedures = routerProcedures();
const mutations = procedures.filter((p) => p.type === "mutation").map((p) => p.path);
const queries = procedures.filter((p) => p.type === "query").map((p) => p.path);

/** Built as text: JSON.stringify of a value this deep overflows the stack itself. */
const DEEP_JSON = `${"[".repeat(10_000)}${"]".repeat(10_000)}`;

/** JSON that is not quite JSON, JSON of anything, 10,000 levels deep, and more than the body limit. */
const rawBody: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("", "{", '{"0":', "[1,]", "{'a':1}", "NaN", "1e999", '"\\ud800"', '{"__proto__":{"x":1}}', "\u0000"),
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string({ unit: "binary", maxLength: 200 }),
  hostileString,
  fc.constant(DEEP_JSON),
  fc.constant(`{"name":"${"a".repeat(3 * 1024 * 1024)}"}`),
);

const contentType = fc.constantFrom(
  undefined,
  "application/json",
  "application/json; charset=utf-8",
  "application/JSON",
  "application/json; charset=utf-16",
  "text/plain",
  "text/plain; charset=utf-8",
  "application/x-www-form-urlencoded",
  "multipart/form-data; boundary=xyz",
  "multipart/form-data",
  "application/octet-stream",
  "application/json, text/plain",
  "*/*",
  "garbage",
);

/** Percent-encoded without throwing on lone surrogates (which encodeURIComponent refuses). */
const encode = (text: string) => encodeURIComponent(text.replace(/\p{Cs}/gu, "\uFFFD"));

/** Query-string values: encoded JSON of anything, broken percent escapes, encoded NUL and surrogates. */
const queryValue: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((value) => encode(JSON.stringify(value))),
  fc.constant(encode(DEEP_JSON)),
  hostileString.map(encode),
  fc.constantFrom("%", "%%", "%E0%A4%A", "%00", "%FF%FE", "%ED%A0%80", "%uD800", "{", "1e999", "%7B%22a%22%3A"),
);
const queryString = fc
  .array(fc.tuple(fc.constantFrom("input", "batch", "", "__proto__", "input[0]", "cursor"), queryValue), {
    maxLength: 4,
  })
  .map((pairs) => pairs.map(([key, value]) => `${key}=${value}`).join("&"));

async function expectNo5xx(request: InjectOptions): Promise<void> {
  const response = await app.inject(request);
  if (response.statusCode >= 500) {
    const { method, url, headers } = request;
    throw new Error(
      `${method} ${summarise(url)} ${JSON.stringify(headers)} answered ${response.statusCode}: ${response.body.slice(0, 500)}`,
    );
  }
}

const withCookie = (signedIn: boolean) => (signedIn ? { cookie } : {});

describe("fuzzing HTTP : corps bruts, types de contenu, chaînes de requête", () => {
  it("POST /trpc/<mutation> : jamais de 5xx, quels que soient le corps et son type", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...mutations),
        rawBody,
        contentType,
        fc.boolean(),
        async (path, payload, type, signedIn) => {
          const headers = { ...withCookie(signedIn), ...(type ? { "content-type": type } : {}) };
          await expectNo5xx({ method: "POST", url: `/trpc/${path}`, headers, payload });
        },
      ),
      { seed: seedFor(SEED, "post"), numRuns: RUNS, endOnFailure: true },
    );
  });

  it("GET /trpc/<query>?… et lots (batch=1) : jamais de 5xx", async () => {
    const path = fc.oneof(
      fc.constantFrom(...queries),
      fc
        .array(fc.constantFrom(...queries, ...mutations, "nope", ""), { minLength: 1, maxLength: 3 })
        .map((paths) => paths.join(",")),
    );
    await fc.assert(
      fc.asyncProperty(path, queryString, fc.boolean(), async (target, query, signedIn) => {
        await expectNo5xx({ method: "GET", url: `/trpc/${target}?${query}`, headers: withCookie(signedIn) });
      }),
      { seed: seedFor(SEED, "get"), numRuns: RUNS, endOnFailure: true },
    );
  });

  it("GET /api/… (documents, exports, agenda) : jamais de 5xx", async () => {
    const segment = fc.oneof(
      hostileString.map(encode),
      fc.uuid().map((id) => id),
      fc.constantFrom("%", "..", "%00.ics"),
    );
    const url = fc.oneof(
      segment.map((s) => `/api/documents/${s}`),
      segment.map((s) => `/api/calendar/${s}`),
      fc
        .tuple(fc.constantFrom("projects", "timeline", "applications"), queryString)
        .map(([name, query]) => `/api/exports/${name}.csv?${query}`),
      fc
        .tuple(fc.constantFrom("projects", "timeline"), fc.constantFrom("query", "territoryId", "from"), queryValue)
        .map(([name, key, value]) => `/api/exports/${name}.csv?${key}=${value}`),
    );
    await fc.assert(
      fc.asyncProperty(url, fc.boolean(), async (target, signedIn) => {
        await expectNo5xx({ method: "GET", url: target, headers: withCookie(signedIn) });
      }),
      { seed: seedFor(SEED, "api"), numRuns: RUNS, endOnFailure: true },
    );
  });

  it("les chaînes hostiles telles quelles dans une saisie JSON valide ne font jamais de 5xx", async () => {
    for (const text of HOSTILE_STRINGS) {
      const payload = JSON.stringify({ email: text, password: text });
      const headers = { "content-type": "application/json" };
      await expectNo5xx({ method: "POST", url: "/trpc/auth.login", headers, payload });
      const input = encode(JSON.stringify({ query: text }));
      await expectNo5xx({ method: "GET", url: `/trpc/territory.search?input=${input}`, headers: { cookie } });
    }
    expect(HOSTILE_STRINGS.length).toBeGreaterThan(10);
  });
});
