import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { matchWebRoute, WEB_ROUTE_PATTERNS } from "@trame/core";
import { build } from "esbuild";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../src/http/app.ts";
import { useTestDb } from "./support/test-db.ts";

const testDb = useTestDb();
let app: FastifyInstance;
const INDEX = "<!doctype html><title>Trame</title>";
const webDist = mkdtempSync(join(tmpdir(), "trame-web-"));
writeFileSync(join(webDist, "index.html"), INDEX);
mkdirSync(join(webDist, "assets"));
writeFileSync(join(webDist, "assets", "index-Bx42.js"), "console.log('trame');");
// A map asset as the build writes it: the file and its precompressed copies.
const OUTLINES = JSON.stringify({
  type: "Topology",
  objects: { epci: { type: "GeometryCollection", geometries: [] } },
  arcs: [[[0, 0]]],
});
writeFileSync(join(webDist, "assets", "epci-2026.france-Cd9e.json"), OUTLINES);
writeFileSync(join(webDist, "assets", "epci-2026.france-Cd9e.json.br"), brotliCompressSync(OUTLINES));
writeFileSync(join(webDist, "assets", "epci-2026.france-Cd9e.json.gz"), gzipSync(OUTLINES));

const ID = "7d0f3a52-5c1e-4b8a-9f1d-2e6c0b4a9e31";

beforeAll(async () => {
  app = await buildApp({ db: testDb().db, webDist, logLevel: "silent" });
});
afterAll(() => app.close());

describe("application web servie par le serveur", () => {
  it("un lien profond vers une page de l'application répond 200 avec index.html, jamais mis en cache", async () => {
    for (const path of [
      "/",
      "/territoires",
      `/territoires/${ID}/sante`,
      `/projets/${ID}`,
      "/admin",
      "/admin/territoires",
      "/compte",
      "/financements",
    ]) {
      const response = await app.inject(path);
      expect(response.statusCode, path).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("une adresse inconnue ou un identifiant mal formé répond 404, avec index.html pour la page introuvable", async () => {
    for (const path of [
      "/page-inexistante",
      "/projets/n-importe-quoi",
      `/projets/${ID}/autre`,
      "/territoires/123",
      "/admin/inconnu",
    ]) {
      const response = await app.inject(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.body).toBe(INDEX);
      expect(response.headers["content-type"]).toMatch(/^text\/html/);
      expect(response.headers["cache-control"]).toBe("no-cache");
    }
  });

  it("une adresse inconnue de l'API répond 404 en JSON, pas avec l'application", async () => {
    for (const path of ["/trpc/nope.nothing", "/api/nope"]) {
      const response = await app.inject(path);
      expect(response.statusCode, path).toBe(404);
      expect(response.headers["content-type"]).toMatch(/^application\/json/);
      expect(response.body).not.toContain("<title>Trame</title>");
    }
    const post = await app.inject({ method: "POST", url: "/page-inexistante" });
    expect(post.statusCode).toBe(404);
    expect(post.headers["content-type"]).toMatch(/^application\/json/);
  });

  it("les fichiers hachés restent en cache un an", async () => {
    const asset = await app.inject("/assets/index-Bx42.js");
    expect(asset.statusCode).toBe(200);
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
  });

  it("les contours de la carte partent précompressés (brotli, sinon gzip), en cache un an", async () => {
    const url = "/assets/epci-2026.france-Cd9e.json";
    const br = await app.inject({ url, headers: { "accept-encoding": "gzip, deflate, br" } });
    expect(br.statusCode).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^application\/json/);
    expect(br.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(OUTLINES);
    const gz = await app.inject({ url, headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.rawPayload).toString()).toBe(OUTLINES);
    const plain = await app.inject({ url, headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe(OUTLINES);
  });
});

interface RouteObject {
  path?: string;
  index?: boolean;
  children?: RouteObject[];
}

/**
 * The route objects router.tsx hands to createBrowserRouter, from the real file: bundled with every
 * import stubbed (pages, React, React Router), so the array itself runs without a browser.
 */
async function routerRoutes(): Promise<RouteObject[]> {
  const entry = fileURLToPath(new URL("../../web/src/app/router.tsx", import.meta.url));
  // CommonJS, so a name the stub lacks (a component) is undefined instead of a build error; JSX is stubbed too.
  // `pageChunks` (route-prefetch.ts) is read while the array is built: the router lazy-loads its pages from it.
  const stub =
    "module.exports = { createBrowserRouter: (routes) => routes, lazy: () => null, jsx: () => null, jsxs: () => null, pageChunks: {} };";
  const bundle = await build({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "esm",
    jsx: "automatic",
    logLevel: "silent",
    plugins: [
      {
        name: "stub-imports",
        setup(plugin) {
          plugin.onResolve({ filter: /.*/ }, (args) =>
            args.kind === "entry-point" ? null : { path: args.path, namespace: "stub" },
          );
          plugin.onLoad({ filter: /.*/, namespace: "stub" }, () => ({ contents: stub, loader: "js" }));
        },
      },
    ],
  });
  const code = bundle.outputFiles[0]?.text ?? "";
  const module = (await import(`data:text/javascript;base64,${Buffer.from(code).toString("base64")}`)) as {
    router: RouteObject[];
  };
  return module.router;
}

/** Every path the router declares, nested paths joined ("/*" is the catch-all not-found page). */
function pathsOf(routes: readonly RouteObject[], base = "/"): string[] {
  return routes.flatMap((route) => {
    const full = !route.path
      ? base
      : route.path.startsWith("/")
        ? route.path
        : `${base.replace(/\/$/, "")}/${route.path}`;
    return [...(route.path || route.index ? [full] : []), ...pathsOf(route.children ?? [], full)];
  });
}

describe("une seule liste d'adresses pour le routeur web et le serveur", () => {
  let paths: string[] = [];
  beforeAll(async () => {
    paths = pathsOf(await routerRoutes());
  });
  // The root "*" is the not-found page itself.
  const pages = () => paths.filter((path) => path !== "/*");
  const sample = (pattern: string) => pattern.replace(/:[^/]+/g, ID);

  it("toute page du routeur est une adresse que le serveur connaît", () => {
    expect(paths).toContain("/*");
    expect(pages().length).toBeGreaterThan(5);
    for (const path of pages()) expect(matchWebRoute(sample(path)), path).not.toBeNull();
  });

  it("toute adresse que le serveur connaît est une page du routeur", () => {
    for (const pattern of WEB_ROUTE_PATTERNS) expect(pages(), pattern).toContain(pattern);
  });
});
