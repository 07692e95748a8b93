import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * Serves the built web app: hashed assets cached for a year, index.html never cached so a
 * deploy is picked up at once, and every other GET answered with index.html so deep links work.
 */
export async function registerWebApp(app: FastifyInstance, webDist: string): Promise<boolean> {
  if (!existsSync(join(webDist, "index.html"))) return false;
  await app.register(fastifyStatic, {
    root: webDist,
    wildcard: false,
    index: false,
    setHeaders(res, path) {
      const immutable = path.includes(`${join(webDist, "assets")}`);
      res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
    },
  });
  app.setNotFoundHandler((request, reply) => {
    const wantsPage = request.method === "GET" && !request.url.startsWith("/trpc") && !request.url.startsWith("/api");
    if (!wantsPage) return reply.code(404).send({ error: "Not Found" });
    return reply.header("cache-control", "no-cache").sendFile("index.html");
  });
  return true;
}
