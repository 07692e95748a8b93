import { DomainError, translate } from "@trame/core";
import { TRPCError } from "@trpc/server";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { type ErrorPayload, errorPayload } from "../errors.ts";

const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** The pattern the tRPC plugin routes under, matched after decoding so `/%74rpc/` cannot slip past. */
const TRPC_ROUTE = "/trpc/";

/** `scheme://host[:port]` with default ports dropped, so `http://host:80` and `http://host` compare equal. */
function originOf(url: string): string | null {
  try {
    const { origin } = new URL(url);
    return origin === "null" ? null : origin;
  } catch {
    return null;
  }
}

/**
 * SameSite=Lax keeps the session cookie off cross-site posts, but not off a sibling subdomain
 * (same site, other origin), and an old browser may ignore it: the browser's own statement of
 * where the request comes from decides. No `Origin` at all is a non-browser client (curl, tests),
 * which carries no ambient credentials to abuse. `request.protocol` and `request.host` honour
 * X-Forwarded-* only when the proxy is trusted, so a client cannot forge its way to "same origin".
 */
export function isSameOrigin(request: FastifyRequest): boolean {
  if (request.headers["sec-fetch-site"] === "cross-site") return false;
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  const own = originOf(`${request.protocol}://${request.host}`);
  return own !== null && originOf(origin) === own;
}

/**
 * A page on another site can post an HTML form (urlencoded, multipart or text/plain) without a
 * CORS preflight, but never `application/json`: requiring it shuts the last door of a form post.
 */
function isJson(request: FastifyRequest): boolean {
  const type = request.headers["content-type"] ?? "";
  return type.split(";", 1)[0]?.trim().toLowerCase() === "application/json";
}

function refuse(reply: FastifyReply, status: number, trame: ErrorPayload): FastifyReply {
  return reply.code(status).header("cache-control", "no-store").send({ error: { trame } });
}

/**
 * Refuses, before the body is read, every state-changing request that a browser says comes from
 * another origin, and every tRPC mutation that is not JSON. Applies to all routes (not only
 * /trpc and /api) so a new route cannot be forgotten.
 */
export function registerCsrfProtection(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    if (!STATE_CHANGING.has(request.method)) return;
    if (!isSameOrigin(request)) {
      const cause = new DomainError("FORBIDDEN", "forbidden.crossOrigin");
      return refuse(reply, 403, errorPayload(new TRPCError({ code: "FORBIDDEN", cause })));
    }
    if (request.routeOptions.url?.startsWith(TRPC_ROUTE) && !isJson(request)) {
      return refuse(reply, 415, { code: "TRANSPORT", message: translate("request.notJson"), fields: [] });
    }
  });
}
