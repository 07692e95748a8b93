import type { FastifyInstance } from "fastify";
import helmet from "helmet";
import { CSP_DIRECTIVES } from "./content-security-policy.ts";

/**
 * Helmet's security headers on every answer, its middleware built once. @fastify/helmet built a
 * new helmet middleware for each request (parsing the CSP directives again every time): 2.7 % of
 * the server's CPU under the throughput bench (issue 17, item 3).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const secure = helmet({
    contentSecurityPolicy: { directives: CSP_DIRECTIVES },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  });
  app.addHook("onRequest", (request, reply, done) => {
    secure(request.raw, reply.raw, (error) => done(error as Error | undefined));
  });
}
