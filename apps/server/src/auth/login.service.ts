import { DomainError, type LoginInput } from "@trame/core";
import {
  claimAttempt,
  clearFailures,
  type Database,
  findCredentials,
  getPasswordHash,
  insertSession,
  type Kysely,
  releaseAttempt,
} from "@trame/db";
import { decoyPasswordHash, verifyPassword } from "./password.ts";
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from "./session-policy.ts";
import { hashSessionToken, newSessionToken } from "./session-token.ts";

/** Throttle windows: per account against guessing one password, per address against spraying many accounts. */
export const THROTTLE = { windowSeconds: 15 * 60, perAccount: 10, perAddress: 50 } as const;

export interface LoginResult {
  userId: string;
  token: string;
  expires: Date;
}

/**
 * Counts the attempt on every key before any password is hashed, and refuses once a key is over
 * its limit. Counting first (one atomic upsert per key) is what makes parallel and batched
 * attempts wait their turn: each gets its own number, only the first `limit` reach the hash.
 */
export async function claimOrRefuse(
  db: Kysely<Database>,
  keys: readonly { key: string; limit: number }[],
  message: "auth.throttled" | "auth.resetThrottled" = "auth.throttled",
): Promise<void> {
  const counts = await Promise.all(keys.map(({ key }) => claimAttempt(db, key, THROTTLE.windowSeconds)));
  if (counts.some((count, i) => count > (keys[i]?.limit ?? 0))) {
    throw new DomainError("TOO_MANY_REQUESTS", message);
  }
}

/** What a new session records besides its user: the policy in force and the device, for "my sessions". */
export interface SessionStart {
  policy?: SessionPolicy;
  userAgent?: string | null;
}

export async function login(
  db: Kysely<Database>,
  input: LoginInput,
  clientAddress: string,
  start: SessionStart = {},
): Promise<LoginResult> {
  const accountKey = `email:${input.email}`;
  const addressKey = `addr:${clientAddress}`;
  await claimOrRefuse(db, [
    { key: accountKey, limit: THROTTLE.perAccount },
    { key: addressKey, limit: THROTTLE.perAddress },
  ]);

  const credentials = await findCredentials(db, input.email);
  // Unknown email and wrong password answer the same, after the same scrypt work.
  const valid = await verifyPassword(input.password, credentials?.password_hash ?? (await decoyPasswordHash()));
  if (!credentials || !valid) throw new DomainError("UNAUTHORIZED", "auth.invalidCredentials");

  // A success wipes the account's count and gives back the address's share (colleagues behind one NAT).
  await clearFailures(db, accountKey);
  await releaseAttempt(db, addressKey);
  return startSession(db, credentials.id, start);
}

/** The one way a session begins, whatever proved who the user is (password or ProConnect). */
export async function startSession(
  db: Kysely<Database>,
  userId: string,
  start: SessionStart = {},
): Promise<LoginResult> {
  const policy = start.policy ?? DEFAULT_SESSION_POLICY;
  const token = newSessionToken();
  const expires = new Date(Date.now() + policy.maxSeconds * 1000);
  await insertSession(db, {
    tokenHash: hashSessionToken(token),
    userId,
    expiresAt: expires,
    idleSeconds: policy.idleSeconds,
    userAgent: start.userAgent ?? null,
  });
  return { userId, token, expires };
}

/**
 * The current-password check of a signed-in user (change of password): throttled like sign-in, so a
 * stolen session cannot be used to guess the password it would need to lock its owner out.
 */
export async function checkCurrentPassword(db: Kysely<Database>, userId: string, password: string): Promise<boolean> {
  const key = `password:${userId}`;
  await claimOrRefuse(db, [{ key, limit: THROTTLE.perAccount }]);
  const stored = await getPasswordHash(db, userId);
  const valid = !!stored && (await verifyPassword(password, stored));
  if (valid) await clearFailures(db, key);
  return valid;
}
