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
    .set({ password_hash: passwordHash, version: sql`version + 1` })
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

export async function listUsers(db: Kysely<Database>, page: { limit: number; offset: number }): Promise<UserSummary[]> {
  const rows = await db
    .selectFrom("users")
    .select(userColumns)
    .where("disabled_at", "is", null)
    .orderBy("name")
    .limit(page.limit)
    .offset(page.offset)
    .execute();
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      email: row.email,
      name: row.name,
      isInstanceAdmin: row.is_instance_admin,
      memberships: await membershipsOf(db, row.id),
    })),
  );
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

/**
 * The user behind a live session, with their memberships, in one round trip: it runs before every
 * authenticated call, so it is the floor of every API latency.
 */
export async function getSessionUser(db: Kysely<Database>, tokenHash: string): Promise<User | undefined> {
  const row = await db
    .selectFrom("sessions as s")
    .innerJoin("users", "users.id", "s.user_id")
    .select((eb) => [
      ...userColumns,
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
    .where("users.disabled_at", "is", null)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    isInstanceAdmin: row.is_instance_admin,
    locale: row.locale,
    memberships: row.memberships,
  };
}
