import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** A reset link lasts this long. */
export const PASSWORD_RESET_MINUTES = 60;

/** The active account behind an address, with what the reset message needs; disabled accounts get nothing. */
export async function findResettableAccount(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "locale"])
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .where("disabled_at", "is", null)
    .executeTakeFirst();
}

export async function insertPasswordReset(db: Kysely<Database>, userId: string, tokenHash: string): Promise<void> {
  await db
    .insertInto("password_resets")
    .values({
      token_hash: tokenHash,
      user_id: userId,
      expires_at: sql<string>`now() + make_interval(mins => ${PASSWORD_RESET_MINUTES})`,
    })
    .execute();
}

/** The link's row, locked: two submissions of one link are served one after the other, the second finds it used. */
export async function lockPasswordReset(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select(["password_resets.user_id as userId", "password_resets.used_at as usedAt"])
    .select([
      sql<boolean>`password_resets.expires_at <= now()`.as("expired"),
      sql<boolean>`users.disabled_at is not null`.as("disabled"),
    ])
    .where("password_resets.token_hash", "=", tokenHash)
    .forUpdate("password_resets")
    .executeTakeFirst();
}

/** Whose link this is (name and e-mail: a new password built on them is weak), whatever its state. */
export async function findPasswordResetAccount(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select(["users.email", "users.name"])
    .where("password_resets.token_hash", "=", tokenHash)
    .executeTakeFirst();
}

/** After a reset every open link of the account is used up, not only the one followed. */
export async function useUpPasswordResets(db: Kysely<Database>, userId: string): Promise<void> {
  await db
    .updateTable("password_resets")
    .set({ used_at: sql<string>`now()` })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .execute();
}
