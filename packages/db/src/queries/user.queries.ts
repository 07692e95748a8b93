import type { Locale, MembershipRole } from "@trame/core";
import { type Kysely, sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Database } from "../schema.ts";

export interface Membership {
  territoryId: string;
  territoryName: string;
  role: MembershipRole;
}

export interface User {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
  locale: Locale;
  memberships: Membership[];
}

const userColumns = ["users.id", "users.email", "users.name", "users.is_instance_admin", "users.locale"] as const;

async function membershipsOf(db: Kysely<Database>, userId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom("memberships as m")
    .innerJoin("territories as t", "t.id", "m.territory_id")
    .select(["m.territory_id", "t.name", "m.role"])
    .where("m.user_id", "=", userId)
    .orderBy("t.name")
    .execute();
  return rows.map((r) => ({ territoryId: r.territory_id, territoryName: r.name, role: r.role }));
}

export async function getUser(db: Kysely<Database>, id: string): Promise<User | undefined> {
  const row = await db
    .selectFrom("users")
    .select(userColumns)
    .where("id", "=", id)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isInstanceAdmin: row.is_instance_admin,
    locale: row.locale,
    memberships: await membershipsOf(db, row.id),
  };
}

export async function findCredentials(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "password_hash"])
    .where("email", "=", email)
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

export async function getPasswordHash(db: Kysely<Database>, userId: string): Promise<string | undefined> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return row?.password_hash;
}

export async function insertUser(
  db: Kysely<Database>,
  values: { email: string; name: string; passwordHash: string; isInstanceAdmin: boolean },
): Promise<{ id: string }> {
  return db
    .insertInto("users")
    .values({
      email: values.email,
      name: values.name,
      password_hash: values.passwordHash,
      is_instance_admin: values.isInstanceAdmin,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function setPasswordHash(db: Kysely<Database>, userId: string, passwordHash: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_hash: passwordHash, password_change_required: false, version: sql`version + 1` })
    .where("id", "=", userId)
    .execute();
}

export async function setLocale(db: Kysely<Database>, userId: string, locale: Locale): Promise<void> {
  await db.updateTable("users").set({ locale }).where("id", "=", userId).execute();
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
  isInstanceAdmin: boolean;
  memberships: Membership[];
}

export interface ListUsersOptions {
  query: string;
  limit: number;
  offset: number;
  /**
   * The territories the reader administers, or null for the whole instance. Scoped, the list holds
   * their members (only those memberships shown), plus the account whose exact e-mail was typed, so a
   * territory administrator can bring in a colleague without browsing everyone's address.
   */
  scope: readonly string[] | null;
}

export async function listUsers(
  db: Kysely<Database>,
  options: ListUsersOptions,
): Promise<{ items: UserSummary[]; total: number }> {
  const { scope } = options;
  const query = options.query.trim().toLowerCase();
  let select = db.selectFrom("users").where("users.disabled_at", "is", null);
  if (query) {
    const pattern = `%${query.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([eb("users.email", "like", pattern), eb("users.name", "ilike", pattern)]));
  }
  if (scope) {
    if (scope.length === 0) return { items: [], total: 0 };
    select = select.where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom("memberships as sm")
            .select("sm.user_id")
            .whereRef("sm.user_id", "=", "users.id")
            .where("sm.territory_id", "in", scope),
        ),
        eb("users.email", "=", query),
      ]),
    );
  }
  const rows = await select
    .select((eb) => {
      let memberships = eb
        .selectFrom("memberships as m")
        .innerJoin("territories as t", "t.id", "m.territory_id")
        .select(["m.territory_id as territoryId", "t.name as territoryName", "m.role"])
        .whereRef("m.user_id", "=", "users.id")
        .orderBy("t.name");
      if (scope) memberships = memberships.where("m.territory_id", "in", scope);
      return [...userColumns, jsonArrayFrom(memberships).as("memberships"), sql<number>`count(*) over ()`.as("total")];
    })
    .orderBy("users.name")
    .orderBy("users.id")
    .limit(options.limit)
    .offset(options.offset)
    .execute();
  return {
    items: rows.map((row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      isInstanceAdmin: row.is_instance_admin,
      memberships: row.memberships,
    })),
    total: Number(rows[0]?.total ?? 0),
  };
}

export async function upsertMembership(
  db: Kysely<Database>,
  values: { userId: string; territoryId: string; role: MembershipRole },
): Promise<void> {
  await db
    .insertInto("memberships")
    .values({ user_id: values.userId, territory_id: values.territoryId, role: values.role })
    .onConflict((oc) => oc.columns(["user_id", "territory_id"]).doUpdateSet({ role: values.role }))
    .execute();
}

export async function findMembership(db: Kysely<Database>, userId: string, territoryId: string) {
  return db
    .selectFrom("memberships")
    .select(["role"])
    .where("user_id", "=", userId)
    .where("territory_id", "=", territoryId)
    .executeTakeFirst();
}

export async function deleteMembership(db: Kysely<Database>, userId: string, territoryId: string): Promise<number> {
  const result = await db
    .deleteFrom("memberships")
    .where("user_id", "=", userId)
    .where("territory_id", "=", territoryId)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

export interface SessionUser {
  user: User;
  /** When the session ends, absolute lifetime or idle limit (ISO instant): a cached session is never used past it. */
  expiresAt: string;
  /** When the idle limit ends unless activity pushes it (see touchSession). */
  idleExpiresAt: string;
  /** An administrator asked for a new password: until then the account only changes it. */
  passwordChangeRequired: boolean;
}

/**
 * The user behind a live session, with their memberships, in one round trip: it runs before every
 * authenticated call an instance has not cached (see apps/server/src/auth/session-cache.ts).
 */
export async function getSessionUser(db: Kysely<Database>, tokenHash: string): Promise<SessionUser | undefined> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users", "users.id", "s.user_id")
    .select((eb) => [
      ...userColumns,
      "users.password_change_required",
      sql<string>`least(s.expires_at, s.idle_expires_at)`.as("ends_at"),
      "s.idle_expires_at",
      jsonArrayFrom(
        eb
          .selectFrom("memberships as m")
          .innerJoin("territories as t", "t.id", "m.territory_id")
          .select(["m.territory_id as territoryId", "t.name as territoryName", "m.role"])
          .whereRef("m.user_id", "=", "users.id")
          .orderBy("t.name"),
      ).as("memberships"),
    ])
    .where("s.token_hash", "=", tokenHash)
    .where("s.expires_at", ">", sql<string>`now()`)
    .where("s.idle_expires_at", ">", sql<string>`now()`)
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    user: {
      id: row.id,
      email: row.email,
      name: row.name,
      isInstanceAdmin: row.is_instance_admin,
      locale: row.locale,
      memberships: row.memberships,
    },
    expiresAt: new Date(row.ends_at).toISOString(),
    idleExpiresAt: new Date(row.idle_expires_at).toISOString(),
    passwordChangeRequired: row.password_change_required,
  };
}

/** What account administration needs of a user, disabled or not. */
export interface AccountState {
  id: string;
  isInstanceAdmin: boolean;
  disabled: boolean;
  passwordChangeRequired: boolean;
  territoryIds: string[];
}

export async function getAccountState(db: Kysely<Database>, userId: string): Promise<AccountState | undefined> {
  const row = await db
    .selectFrom("users")
    .select((eb) => [
      "users.id",
      "users.is_instance_admin",
      "users.disabled_at",
      "users.password_change_required",
      eb
        .selectFrom("memberships as m")
        .select(sql<string[]>`coalesce(array_agg(m.territory_id::text), '{}')`.as("ids"))
        .whereRef("m.user_id", "=", "users.id")
        .as("territory_ids"),
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    isInstanceAdmin: row.is_instance_admin,
    disabled: row.disabled_at !== null,
    passwordChangeRequired: row.password_change_required,
    territoryIds: row.territory_ids ?? [],
  };
}

/** Disables (now) or re-enables an account; sessions are ended separately, in the same transaction. */
export async function setAccountDisabled(db: Kysely<Database>, userId: string, disabled: boolean): Promise<void> {
  await db
    .updateTable("users")
    .set({ disabled_at: disabled ? sql<string>`now()` : null, version: sql`version + 1` })
    .where("id", "=", userId)
    .execute();
}

export async function setPasswordChangeRequired(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable("users")
    .set({ password_change_required: true, version: sql`version + 1` })
    .where("id", "=", userId)
    .execute();
}
