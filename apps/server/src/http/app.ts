import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import type { Database, Kysely } from "@trame/db";
import { TRPCError } from "@trpc/server";
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { pino } from "pino";
import type { ProConnectClient } from "../auth/proconnect-client.ts";
import { createSessionCache } from "../auth/session-cache.ts";
import type { SessionPolicy } from "../auth/session-policy.ts";
import { createContextInner } from "../context.ts";
import { toTrpcError } from "../errors.ts";
import type { NotificationJobs } from "../jobs/notification-fanout.job.ts";
import type { LiveHub } from "../live/live-hub.ts";
import type { MailJobs } from "../mail/outbox.ts";
import { registerAdmission } from "./admission.ts";
import { registerCsrfProtection } from "./csrf.ts";
import { documentRoutes } from "./documents.routes.ts";
import { registerExportRoutes } from "./exports.routes.ts";
import { registerHealthRoutes } from "./health.routes.ts";
import { importRoutes } from "./imports.routes.ts";
import { registerLiveRoutes } from "./live-sse.routes.ts";
import { registerProConnectRoutes } from "./proconnect.routes.ts";
import { registerSecurityHeaders } from "./security-headers.ts";
import { sessionCookieFor, sessionTokenOf } from "./session-cookie.ts";
import { procedurePaths, trpcRoutes } from "./trpc.routes.ts";
import { fastifyTrustProxy, type TrustProxy } from "./trust-proxy.ts";
import { registerUnsubscribeRoutes } from "./unsubscribe.routes.ts";
import { registerWebApp } from "./web-app.routes.ts";

export interface AppOptions {
  db: Kysely<Database>;
  webDist?: string | undefined;
  logLevel?: string;
  /** A pino logger shared with the rest of the process; otherwise one is made at `logLevel`. */
  logger?: FastifyBaseLogger;
  /** Live updates (tRPC subscriptions over SSE); without it subscriptions answer "unavailable". */
  live?: LiveHub;
  /** Which proxies' X-Forwarded-* to believe: a hop count or their addresses; never all (TRAME_TRUST_PROXY). */
  trustProxy?: TrustProxy;
  /** ProConnect sign-in; absent or null: off (no button, its routes answer only `status`). */
  proconnect?: ProConnectClient | null;
  /** Idle limit and absolute lifetime of sessions (defaults: 30 minutes, 12 hours). */
  sessionPolicy?: SessionPolicy;
  /** The job queue: e-mail is queued with the write that causes it. */
  jobs?: MailJobs;
  /** The job queue for notification fan-out; absent or null: no notifications (TRAME_NOTIFICATIONS=false). */
  notifications?: NotificationJobs;
  /** Where links in e-mails point (TRAME_PUBLIC_URL). */
  publicUrl?: string;
  /** API requests worked on at once, writes first among those waiting (TRAME_MAX_ACTIVE_REQUESTS); absent: no limit. */
  maxActiveRequests?: number | undefined;
  /** Started with the demo content and its published password (TRAME_DEMO): told by `instance.info`. */
  demo?: boolean;
}

/** Large enough that a 1 MB text field reaches validation and gets a field error rather than a bare 413. */
const BODY_LIMIT = 2 * 1024 * 1024;

/** The API, ProConnect's routes and the probes: everything but the web app's own files. */
const UNCACHED_PATHS = /^\/(trpc|api|auth)(\/|$)|^\/(healthz|readyz)$/;

/** The path as routes see it: `/%74rpc/…` reaches tRPC all the same, so it is not cached either. */
function decodedPath(url: string): string {
  const path = url.split("?")[0] ?? "";
  if (!path.includes("%")) return path;
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Calls per tRPC HTTP request: enough for a page's queries, far from the hundreds a URL could carry. */
export const MAX_BATCH_SIZE = 10;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger ?? (pino({ level: options.logLevel ?? "info" }) as FastifyBaseLogger),
    bodyLimit: BODY_LIMIT,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    routerOptions: { maxParamLength: 5000 },
  });

  registerSecurityHeaders(app);
  registerCsrfProtection(app);
  // The procedures that stream (live pages): they stay open as long as the page, outside the admission queue.
  const streaming = procedurePaths("subscription");
  if (options.maxActiveRequests) registerAdmission(app, { maxActive: options.maxActiveRequests, streaming });
  // API answers hold one user's data: no browser or shared cache keeps them. Set on the raw response
  // so it reaches the tRPC adapter's answers too; a route that sets its own (exports: private, no-store) wins.
  app.addHook("onRequest", async (request, reply) => {
    if (UNCACHED_PATHS.test(decodedPath(request.url))) reply.raw.setHeader("cache-control", "no-store");
  });
  // Signed-in users are cached only where this instance hears session changes (the live hub's LISTEN).
  const sessions = options.live ? createSessionCache(options.live) : null;
  app.addHook("onClose", async () => sessions?.close());
  // Only dynamic answers are compressed here (the web app's files are compressed at build time). The
  // plugin's default, brotli at quality 4 with a 4 MB window, cost 1.2 ms for a 18 KB timeline page —
  // more than the page's SQL; gzip at level 1 costs 0.16 ms for 2.0 KB instead of 1.2 (issue 17).
  await app.register(fastifyCompress, { threshold: 1024, encodings: ["gzip", "deflate"], zlibOptions: { level: 1 } });
  await app.register(fastifyCookie);

  registerHealthRoutes(app, options.db);
  registerExportRoutes(app, options.db);
  registerProConnectRoutes(app, options.db, options.proconnect ?? null, options.sessionPolicy, options.notifications);
  registerUnsubscribeRoutes(app, options.db);

  const createContext = (request: FastifyRequest, reply: FastifyReply, batchSize = 1) =>
    createContextInner({
      db: options.db,
      sessionToken: sessionTokenOf(request),
      clientAddress: request.ip,
      cookie: sessionCookieFor(request, reply),
      live: options.live ?? null,
      sessions,
      batchSize,
      ...(options.sessionPolicy ? { sessionPolicy: options.sessionPolicy } : {}),
      userAgent: request.headers["user-agent"] ?? null,
      viaHttp: true,
      jobs: options.jobs ?? null,
      notifications: options.notifications ?? null,
      ...(options.publicUrl ? { publicUrl: options.publicUrl } : {}),
      demo: options.demo ?? false,
    }).catch((error: unknown) => {
      // The session is read before any procedure runs: a database outage here is a 503 too, not a 500.
      throw toTrpcError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }));
    });
  // Registered before tRPC's `/trpc/:path`: the router prefers these exact paths for the live procedures.
  registerLiveRoutes(app, streaming, createContext);
  await app.register(trpcRoutes, {
    prefix: "/trpc",
    createContext,
    trpcOptions: {
      // The web client sends at most this many calls per request (httpBatchLink maxItems); larger is refused.
      maxBatchSize: MAX_BATCH_SIZE,
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          app.log.error({ err: error.cause ?? error, path }, "procedure failed");
      },
    },
  });
  await app.register(documentRoutes, { db: options.db });
  await app.register(importRoutes, { db: options.db });

  if (options.webDist) {
    const served = await registerWebApp(app, options.webDist);
    if (!served) app.log.warn({ webDist: options.webDist }, "web app not built: only the API is served");
  }
  return app;
}
