import fastifyCompress from "@fastify/compress";
import fastifyCookie from "@fastify/cookie";
import fastifyHelmet from "@fastify/helmet";
import type { Database, Kysely } from "@trame/db";
import { TRPCError } from "@trpc/server";
import { type FastifyTRPCPluginOptions, fastifyTRPCPlugin } from "@trpc/server/adapters/fastify";
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { pino } from "pino";
import type { ProConnectClient } from "../auth/proconnect-client.ts";
import { createSessionCache } from "../auth/session-cache.ts";
import type { SessionPolicy } from "../auth/session-policy.ts";
import { createContextInner } from "../context.ts";
import { toTrpcError } from "../errors.ts";
import type { LiveHub } from "../live/live-hub.ts";
import { type AppRouter, appRouter } from "../root.ts";
import { registerCsrfProtection } from "./csrf.ts";
import { documentRoutes } from "./documents.routes.ts";
import { registerExportRoutes } from "./exports.routes.ts";
import { registerHealthRoutes } from "./health.routes.ts";
import { registerProConnectRoutes } from "./proconnect.routes.ts";
import { sessionCookieFor, sessionTokenOf } from "./session-cookie.ts";
import { registerWebApp } from "./web-app.routes.ts";

export interface AppOptions {
  db: Kysely<Database>;
  webDist?: string | undefined;
  logLevel?: string;
  /** A pino logger shared with the rest of the process; otherwise one is made at `logLevel`. */
  logger?: FastifyBaseLogger;
  /** Live updates (tRPC subscriptions over SSE); without it subscriptions answer "unavailable". */
  live?: LiveHub;
  trustProxy?: boolean;
  /** ProConnect sign-in; absent or null: off (no button, its routes answer only `status`). */
  proconnect?: ProConnectClient | null;
  /** Idle limit and absolute lifetime of sessions (defaults: 30 minutes, 12 hours). */
  sessionPolicy?: SessionPolicy;
}

/** Large enough that a 1 MB text field reaches validation and gets a field error rather than a bare 413. */
const BODY_LIMIT = 2 * 1024 * 1024;

/** Calls per tRPC HTTP request: enough for a page's queries, far from the hundreds a URL could carry. */
export const MAX_BATCH_SIZE = 10;

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: options.logger ?? (pino({ level: options.logLevel ?? "info" }) as FastifyBaseLogger),
    bodyLimit: BODY_LIMIT,
    trustProxy: options.trustProxy ?? false,
    routerOptions: { maxParamLength: 5000 },
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
      },
    },
    referrerPolicy: { policy: "strict-origin-when-cross-origin" },
  });
  registerCsrfProtection(app);
  // Signed-in users are cached only where this instance hears session changes (the live hub's LISTEN).
  const sessions = options.live ? createSessionCache(options.live) : null;
  app.addHook("onClose", async () => sessions?.close());
  await app.register(fastifyCompress, { threshold: 1024 });
  await app.register(fastifyCookie);

  registerHealthRoutes(app, options.db);
  registerExportRoutes(app, options.db);
  registerProConnectRoutes(app, options.db, options.proconnect ?? null, options.sessionPolicy);

  await app.register(fastifyTRPCPlugin, {
    prefix: "/trpc",
    trpcOptions: {
      router: appRouter,
      // The web client sends at most this many calls per request (httpBatchLink maxItems); larger is refused.
      maxBatchSize: MAX_BATCH_SIZE,
      createContext: ({ req, res, info }) =>
        createContextInner({
          db: options.db,
          sessionToken: sessionTokenOf(req),
          clientAddress: req.ip,
          cookie: sessionCookieFor(req, res),
          live: options.live ?? null,
          sessions,
          batchSize: info.calls.length,
          ...(options.sessionPolicy ? { sessionPolicy: options.sessionPolicy } : {}),
          userAgent: req.headers["user-agent"] ?? null,
          viaHttp: true,
        }).catch((error: unknown) => {
          // The session is read before any procedure runs: a database outage here is a 503 too, not a 500.
          throw toTrpcError(new TRPCError({ code: "INTERNAL_SERVER_ERROR", cause: error }));
        }),
      onError({ error, path }) {
        if (error.code === "INTERNAL_SERVER_ERROR")
          app.log.error({ err: error.cause ?? error, path }, "procedure failed");
      },
    },
  } satisfies FastifyTRPCPluginOptions<AppRouter>);
  await app.register(documentRoutes, { db: options.db });

  if (options.webDist) {
    const served = await registerWebApp(app, options.webDist);
    if (!served) app.log.warn({ webDist: options.webDist }, "web app not built: only the API is served");
  }
  return app;
}
