import { randomUUID } from "node:crypto";
import type { MembershipRole, TerritoryKind } from "@trame/core";
import {
  type Database,
  insertSession,
  insertTerritory,
  type Kysely,
  type Territory,
  upsertMembership,
} from "@trame/db";
import { hashSessionToken, newSessionToken } from "../../src/auth/session-token.ts";
import { type ContextInput, createContextInner, type SessionCookie } from "../../src/context.ts";
import { createCaller } from "../../src/root.ts";
import { createUser } from "../../src/services/user.service.ts";

let counter = 0;
const unique = (prefix: string) => `${prefix} ${++counter} ${randomUUID().slice(0, 8)}`;

export function uniqueSiren(): string {
  return String(100_000_000 + Math.floor(Math.random() * 899_999_999)).slice(0, 9);
}

export function makeTerritory(
  db: Kysely<Database>,
  overrides: Partial<{
    name: string;
    kind: TerritoryKind;
    siren: string | null;
    population: number;
    departements: string[];
  }> = {},
): Promise<Territory> {
  return insertTerritory(db, {
    name: overrides.name ?? unique("CC Test"),
    kind: overrides.kind ?? "CC",
    siren: overrides.siren === undefined ? uniqueSiren() : overrides.siren,
    population: overrides.population ?? 10_000,
    departements: overrides.departements ?? ["33"],
    source: "manual",
  });
}

export const TEST_PASSWORD = "mot-de-passe-de-test-2026";

export interface TestUser {
  id: string;
  email: string;
}

export async function makeUser(
  db: Kysely<Database>,
  options: { memberships?: Array<{ territoryId: string; role: MembershipRole }>; isInstanceAdmin?: boolean } = {},
): Promise<TestUser> {
  const email = `${unique("user").replace(/\s+/g, ".").toLowerCase()}@example.fr`;
  const user = await createUser(db, null, {
    email,
    name: unique("Chargée de mission"),
    password: TEST_PASSWORD,
    isInstanceAdmin: options.isInstanceAdmin ?? false,
  });
  // Network data is read only by members (issue 13, item 6): a plain test user is a viewer of a
  // territory of its own, with nothing in it. `memberships: []` makes an account that belongs nowhere.
  const memberships =
    options.memberships ??
    (options.isInstanceAdmin ? [] : [{ territoryId: (await makeTerritory(db)).id, role: "viewer" as const }]);
  for (const m of memberships) await upsertMembership(db, { userId: user.id, ...m });
  return { id: user.id, email };
}

export interface CookieLog extends SessionCookie {
  token: string | null;
  cleared: boolean;
}

export function cookieLog(): CookieLog {
  const log: CookieLog = {
    token: null,
    cleared: false,
    set(token) {
      log.token = token;
    },
    clear() {
      log.cleared = true;
    },
  };
  return log;
}

/** A caller acting as `user` through a real stored session, as the HTTP adapter would build it. */
export async function callerFor(
  db: Kysely<Database>,
  user: TestUser | null,
  clientAddress = "127.0.0.1",
  extra: Pick<ContextInput, "jobs" | "publicUrl" | "notifications"> = {},
) {
  return (await sessionFor(db, user, clientAddress, extra)).caller;
}

/** The caller and the cookie it set or cleared. */
export async function sessionFor(
  db: Kysely<Database>,
  user: TestUser | null,
  clientAddress = "127.0.0.1",
  extra: Pick<ContextInput, "jobs" | "publicUrl" | "notifications"> = {},
) {
  let token: string | null = null;
  if (user) {
    token = newSessionToken();
    await insertSession(db, {
      tokenHash: hashSessionToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + 3600_000),
    });
  }
  const cookie = cookieLog();
  const ctx = await createContextInner({ db, sessionToken: token, clientAddress, cookie, ...extra });
  /** A later request carrying the same cookie: the context is built anew, as over HTTP. */
  const nextRequest = async () =>
    createCaller(await createContextInner({ db, sessionToken: token, clientAddress, cookie, ...extra }));
  return { caller: createCaller(ctx), cookie, nextRequest };
}
