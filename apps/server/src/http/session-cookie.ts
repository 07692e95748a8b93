import type { FastifyReply, FastifyRequest } from "fastify";
import { SESSION_COOKIE } from "../auth/session-token.ts";
import type { SessionCookie } from "../context.ts";

/**
 * httpOnly so no script can read it, SameSite=Lax so no other site can post with it,
 * Secure whenever the request came over HTTPS (directly or through a trusted proxy).
 */
export function sessionCookieFor(request: FastifyRequest, reply: FastifyReply): SessionCookie {
  const options = { path: "/", httpOnly: true, sameSite: "lax" as const, secure: request.protocol === "https" };
  return {
    set: (token, expires) => reply.setCookie(SESSION_COOKIE, token, { ...options, expires }),
    clear: () => reply.clearCookie(SESSION_COOKIE, options),
  };
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  return request.cookies[SESSION_COOKIE] ?? null;
}
