import { DEFAULT_MAIL_DELIVERY, MAIL_CATEGORIES, type MailCategory, type MailDelivery } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export type MailPreferences = Record<MailCategory, MailDelivery>;

/** A person's choices, every category filled (the default where they chose nothing). */
export async function readMailPreferences(db: Kysely<Database>, userId: string): Promise<MailPreferences> {
  const rows = await db
    .selectFrom("mail_preferences")
    .select(["category", "delivery"])
    .where("user_id", "=", userId)
    .execute();
  const chosen = new Map(rows.map((row) => [row.category, row.delivery]));
  return Object.fromEntries(
    MAIL_CATEGORIES.map((category) => [category, chosen.get(category) ?? DEFAULT_MAIL_DELIVERY[category]]),
  ) as MailPreferences;
}

/** Idempotent: setting the same choice twice leaves one row. */
export async function setMailPreference(
  db: Kysely<Database>,
  userId: string,
  category: MailCategory,
  delivery: MailDelivery,
): Promise<void> {
  await db
    .insertInto("mail_preferences")
    .values({ user_id: userId, category, delivery })
    .onConflict((oc) => oc.columns(["user_id", "category"]).doUpdateSet({ delivery, updated_at: sql<string>`now()` }))
    .execute();
}

/** The shared key that signs unsubscribe links (drawn by migration 220001). */
export async function readInstanceSecret(db: Kysely<Database>, name: string): Promise<string> {
  const row = await db
    .selectFrom("instance_secrets")
    .select("value")
    .where("name", "=", name)
    .executeTakeFirstOrThrow();
  return row.value;
}
