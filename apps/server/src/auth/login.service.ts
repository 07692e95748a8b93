import { DomainError, type LoginInput } from "@trame/core";
import {
  clearFailures,
  currentFailures,
  type Database,
  findCredentials,
  insertSession,
  type Kysely,
  recordFailure,
} from "@trame/db";
import { decoyPasswordHash, verifyPassword } from "./password.ts";
import { hashSessionToken, newSessionToken, SESSION_DAYS } from "./session-token.ts";

/** Throttle windows: per account against guessing one password, per address against spraying many accounts. */
export const THROTTLE = { windowSeconds: 15 * 60, perAccount: 10, perAddress: 50 } as const;

export interface LoginResult {
  userId: string;
  token: string;
  expires: Date;
}

export async function login(db: Kysely<Database>, input: LoginInput, clientAddress: string): Promise<LoginResult> {
  const accountKey = `email:${input.email}`;
  const addressKey = `addr:${clientAddress}`;
  const [accountFailures, addressFailures] = await Promise.all([
    currentFailures(db, accountKey, THROTTLE.windowSeconds),
    currentFailures(db, addressKey, THROTTLE.windowSeconds),
  ]);
  if (accountFailures >= THROTTLE.perAccount || addressFailures >= THROTTLE.perAddress) {
    throw new DomainError("TOO_MANY_REQUESTS", "auth.throttled");
  }

  const credentials = await findCredentials(db, input.email);
  // Unknown email and wrong password answer the same, after the same scrypt work.
  const valid = await verifyPassword(input.password, credentials?.password_hash ?? (await decoyPasswordHash()));
  if (!credentials || !valid) {
    await recordFailure(db, accountKey, THROTTLE.windowSeconds);
    await recordFailure(db, addressKey, THROTTLE.windowSeconds);
    throw new DomainError("UNAUTHORIZED", "auth.invalidCredentials");
  }

  await clearFailures(db, accountKey);
  const token = newSessionToken();
  const expires = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await insertSession(db, { tokenHash: hashSessionToken(token), userId: credentials.id, expiresAt: expires });
  return { userId: credentials.id, token, expires };
}
