import { z } from "zod";

const booleanFlag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Every setting of the server, parsed once; nothing else reads process.env. */
const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  TRAME_DATA_DIR: z.string().default("./.data/pglite"),
  TRAME_DEMO: booleanFlag.default(true),
  TRAME_WEB_DIST: z.string().optional(),
  TRAME_TRUST_PROXY: booleanFlag.default(false),
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
  /** When housekeeping runs (cron, UTC): expired sessions, old sign-in throttle rows, stale ProConnect flows. */
  TRAME_HOUSEKEEPING_CRON: z
    .string()
    .regex(/^\S+( \S+){4}$/, "five cron fields, e.g. '7 * * * *'")
    .default("7 * * * *"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** ProConnect (OpenID Connect) sign-in: all three set, or none (then no ProConnect button). */
  PROCONNECT_ISSUER: z.url({ protocol: /^https?$/ }).optional(),
  PROCONNECT_CLIENT_ID: z.string().min(1).optional(),
  PROCONNECT_CLIENT_SECRET: z.string().min(1).optional(),
  /** Read only by `cli create-admin`, for scripted installs; without it the password is asked on stdin. */
  TRAME_ADMIN_PASSWORD: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

const PROCONNECT_KEYS = ["PROCONNECT_ISSUER", "PROCONNECT_CLIENT_ID", "PROCONNECT_CLIENT_SECRET"] as const;

export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  const partial =
    result.success && PROCONNECT_KEYS.some((k) => result.data[k]) && !PROCONNECT_KEYS.every((k) => result.data[k]);
  if (result.success && !partial) return result.data;
  const lines = result.success
    ? [`  ${PROCONNECT_KEYS.join(", ")}: set all three or none`]
    : result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  throw new Error(`Invalid configuration / configuration invalide:\n${lines.join("\n")}`);
}
