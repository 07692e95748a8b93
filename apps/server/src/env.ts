import { z } from "zod";
import { parseTrustProxy } from "./http/trust-proxy.ts";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Every setting of the server, parsed once; nothing else reads process.env. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Localhost unless asked: a `pnpm start` on a laptop is not reachable from the network (the Dockerfile sets 0.0.0.0). */
  HOST: z.string().min(1).default("127.0.0.1"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  TRAME_DATA_DIR: z.string().default("./.data/pglite"),
  /** Unset: demo content only on the embedded database (a try-out), never on a PostgreSQL deployment. */
  TRAME_DEMO: booleanFlag.optional(),
  TRAME_WEB_DIST: z.string().optional(),
  /** Proxies in front of Trame: a number of hops or a list of addresses/CIDR ranges (see trust-proxy.ts). */
  TRAME_TRUST_PROXY: z
    .string()
    .optional()
    .transform((raw, ctx) => {
      const parsed = parseTrustProxy(raw);
      if ("value" in parsed) return parsed.value;
      ctx.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }),
  /** A session ends after this long without a request, and after TRAME_SESSION_MAX_HOURS in any case. */
  TRAME_SESSION_IDLE_MINUTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(30),
  TRAME_SESSION_MAX_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(12),
  /** In-app notifications of follows (issue 14); false turns the fan-out off (to measure its cost). */
  TRAME_NOTIFICATIONS: booleanFlag.default(true),
  /** When housekeeping runs (cron, UTC): expired sessions, old sign-in throttle rows, stale ProConnect flows. */
  TRAME_HOUSEKEEPING_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, "five cron fields, e.g. '7 * * * *'")
    .default("7 * * * *"),
  /** When deadline reminders are given (cron, Paris time): every day at 8:00. */
  TRAME_REMINDERS_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, "five cron fields, e.g. '0 8 * * *'")
    .default("0 8 * * *"),
  /** When the daily digest is built (cron, Paris time): 7:00; it covers the day before. */
  TRAME_DIGEST_DAILY_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, "five cron fields, e.g. '0 7 * * *'")
    .default("0 7 * * *"),
  /** When the weekly digest is built (cron, Paris time): Monday 7:30; it covers the 7 days before. */
  TRAME_DIGEST_WEEKLY_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, "five cron fields, e.g. '30 7 * * 1'")
    .default("30 7 * * 1"),
  /** How many days sent e-mails stay in the outbox (/admin/courriels) before housekeeping removes them. */
  TRAME_OUTBOX_KEEP_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** At least 2: the job queue's setup holds one connection (its lock) while pg-boss works on another. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  /**
   * API requests worked on at once; the others wait, saves ahead of reads. Default: the cores plus one,
   * within the pool's size (defaultMaxActive, measured under `pnpm bench:load`, README's Performance).
   */
  TRAME_MAX_ACTIVE_REQUESTS: z.coerce.number().int().min(1).max(1000).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** ProConnect (OpenID Connect) sign-in: all three set, or none (then no ProConnect button). */
  PROCONNECT_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
  PROCONNECT_CLIENT_SECRET: z.string().min(1).optional(),
  /** Outgoing e-mail: smtp://user:password@host:587 or smtps://…; unset: messages stay in the outbox (/admin/courriels). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must start with smtp:// or smtps://")
    .optional(),
  /** The sender of every message, e.g. `Trame <trame@territoire.fr>`. */
  MAIL_FROM: z.string().min(3).default("Trame <no-reply@trame.localhost>"),
  /** The address people open the app at, for the links in e-mails; default http://localhost:PORT. */
  TRAME_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  /** Read only by `cli create-admin`, for scripted installs; without it the password is asked on stdin. */
  TRAME_ADMIN_PASSWORD: z.string().optional(),
});

/** The demo's default follows the database: on with the embedded one, off with DATABASE_URL. */
const withDefaults = (env: z.infer<typeof envSchema>) => ({
  ...env,
  TRAME_DEMO: env.TRAME_DEMO ?? env.DATABASE_URL === undefined,
});

export type Env = ReturnType<typeof withDefaults>;

/** Where links in e-mails point: TRAME_PUBLIC_URL, else this instance on localhost. */
export function publicUrlOf(env: Env): string {
  return env.TRAME_PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}

const PROCONNECT_KEYS = ["PROCONNECT_ISSUER", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET"] as const;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  const partial =
    result.success && PROCONNECT_KEYS.some((k) => result.data[k]) && !PROCONNECT_KEYS.every((k) => result.data[k]);
  if (result.success && !partial) return withDefaults(result.data);
  const lines = result.success
    ? [`  ${PROCONNECT_KEYS.join(", ")}: set all three or none`]
    : result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration / configuration invalide:\n${lines.join("\n")}`);
}
