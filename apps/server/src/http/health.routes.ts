import { type Database, type Kysely, sql } from "@trame/db";
import type { FastifyInstance } from "fastify";

export function registerHealthRoutes(app: FastifyInstance, db: Kysely<Database>): void {
  // Liveness: the process answers. Never touches the database, so a database outage does not get the process killed.
  app.get("/healthz", async () => ({ status: "ok" }));

  // Readiness: the database answers; a load balancer stops sending traffic here while it does not.
  app.get("/readyz", async (_request, reply) => {
    try {
      await sql`select 1`.execute(db);
      return { status: "ready" };
    } catch (error) {
      app.log.warn({ err: error }, "database not reachable");
      return reply.code(503).send({ status: "unavailable" });
    }
  });
}
