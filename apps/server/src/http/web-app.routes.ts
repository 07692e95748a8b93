import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { matchWebRoute } from "@trame/core";
import type { FastifyInstance } from "fastify";

/**
 * Serves the built web app: hashed assets cached for a year, index.html never cached so a
 * deploy is picked up at once, and every other GET answered with index.html so deep links work: with
 * 200 for an address of the app (WEB_ROUTE_PATTERNS), with 404 for any other, so a dead link is dead
 * for crawlers and probes too while the browser still shows the app's not-found page.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!existsSync(join(webDist, "index.html"))) return false;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    // The build writes .br and .gz beside each asset (vite.config.ts): sent as is to a browser that
    // accepts them, so large files (the map's outlines) are never compressed on each request.
    preCompressed: true,
    setHeaders(res, path) {
      const immutable = path.includes(`${join(webDist, "assets")}`);
      res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/trpc") && !request.url.startsWith("/api");
    if (!wantsPage) return reply.code(404).send({ error: "Not Found" });
    return reply
      .code(matchWebRoute(request.url) ? 200 : 404)
      .header("cache-control", "no-cache")
      .sendFile("index.html");
  });
  return true;
}
