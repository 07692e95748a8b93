import type { Actor } from "@trame/core";
import { type Database, getSessionUser, type Kysely, touchSession, type User } from "@trame/db";
import type { SessionCache } from "./auth/session-cache.ts";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "./auth/session-policy.ts";
import { hashSessionToken } from "./auth/session-token.ts";
import type { NotificationJobs } from "./jobs/notification-fanout.job.ts";
import type { LiveHub } from "./live/live-hub.ts";
import type { MailJobs } from "./mail/outbox.ts";

/** How a procedure sets or clears the session cookie without knowing the HTTP framework. */
export interface SessionCookie {
  set(token: string, expires: Date): void;
  clear(): void;
}

export interface ContextInput {
  db: Kysely<Database>;
  sessionToken: string | null;
  clientAddress: string;
  cookie: SessionCookie;
  /** This instance's live-update hub; absent where nothing listens (most tests, the CLI). */
  live?: LiveHub | null;
  /** This instance's cache of signed-in users; absent in most tests and the CLI (every call asks PostgreSQL). */
  sessions?: SessionCache | null;
  /** How many calls the HTTP request carries (tRPC batch); 1 for direct callers. */
  batchSize?: number;
  sessionPolicy?: SessionPolicy;
  userAgent?: string | null;
  /** Set by the HTTP adapter: creates and payments then require an idempotency key. */
  viaHttp?: boolean;
  /** The job queue, for e-mail queued with a write; absent in the CLI and most tests (the sweep sends later). */
  jobs?: MailJobs;
  /** Where events go to be fanned out as notifications; absent: none (CLI, most tests, TRAME_NOTIFICATIONS=false). */
  notifications?: NotificationJobs;
  /** Where links in e-mails point (TRAME_PUBLIC_URL). */
  publicUrl?: string;
  /** The instance was started with the demo content (TRAME_DEMO): the web app says so in a banner. */
  demo?: boolean;
}

export interface Context {
  db: Kysely<Database>;
  user: User | null;
  actor: Actor | null;
  sessionTokenHash: string | null;
  clientAddress: string;
  cookie: SessionCookie;
  live: LiveHub | null;
  sessions: SessionCache | null;
  batchSize: number;
  sessionPolicy: SessionPolicy;
  userAgent: string | null;
  /** An administrator asked for a new password: only auth.* procedures answer until it is changed. */
  passwordChangeRequired: boolean;
  viaHttp: boolean;
  jobs: MailJobs;
  notifications: NotificationJobs;
  publicUrl: string;
  demo: boolean;
}

export const DEFAULT_PUBLIC_URL = "http://localhost:3000";

export function actorOf(user: User): Actor {
  return { userId: user.id, isInstanceAdmin: user.isInstanceAdmin, memberships: user.memberships };
}

/** Callable from tests with a plain object; the HTTP adapter fills it from the request. */
export async function createContextInner(input: ContextInput): Promise<Context> {
  const tokenHash = input.sessionToken ? hashSessionToken(input.sessionToken) : null;
  const found = tokenHash
    ? await (input.sessions ? input.sessions.lookup(input.db, tokenHash) : getSessionUser(input.db, tokenHash))
    : undefined;
  const user = found?.user ?? null;
  const sessionPolicy = input.sessionPolicy ?? DEFAULT_SESSION_POLICY;
  // Activity pushes the idle limit: written only when a minute of it has been used (see touchSession).
  if (found && tokenHash && Date.parse(found.idleExpiresAt) - Date.now() < (sessionPolicy.idleSeconds - 60) * 1000) {
    await touchSession(input.db, tokenHash, sessionPolicy.idleSeconds);
  }
  return {
    db: input.db,
    user,
    actor: user && actorOf(user),
    sessionTokenHash: user ? tokenHash : null,
    clientAddress: input.clientAddress,
    cookie: input.cookie,
    live: input.live ?? null,
    sessions: input.sessions ?? null,
    batchSize: input.batchSize ?? 1,
    sessionPolicy,
    userAgent: input.userAgent ?? null,
    passwordChangeRequired: found?.passwordChangeRequired ?? false,
    viaHttp: input.viaHttp ?? false,
    jobs: input.jobs ?? null,
    notifications: input.notifications ?? null,
    publicUrl: input.publicUrl ?? DEFAULT_PUBLIC_URL,
    demo: input.demo ?? false,
  };
}
