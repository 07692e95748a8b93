import { type Database, insertSession, type Kysely, sql, upsertMembership } from "@trame/db";
import { hashSessionToken, newSessionToken } from "@trame/server/src/auth/session-token.ts";

/** The signed-in user every API call is made as: an editor of the territory with the longest timeline. */
export async function benchUser(db: Kysely<Database>, passwordHash: string) {
  const top = await db
    .selectFrom("timeline_entry_territories as et")
    .innerJoin("territories as t", "t.id", "et.territory_id")
    .select(["t.id", "t.name", sql<number>`count(*)`.as("entries")])
    .groupBy(["t.id", "t.name"])
    .orderBy(sql`count(*)`, "desc")
    .orderBy("t.id")
    .executeTakeFirstOrThrow();
  const user = await db
    .insertInto("users")
    .values({ email: "bench@trame.fr", name: "Banc d'essai", password_hash: passwordHash })
    .onConflict((oc) => oc.column("email").doUpdateSet({ name: "Banc d'essai" }))
    .returning("id")
    .executeTakeFirstOrThrow();
  await upsertMembership(db, { userId: user.id, territoryId: top.id, role: "editor" });
  const token = newSessionToken();
  await insertSession(db, {
    tokenHash: hashSessionToken(token),
    userId: user.id,
    expiresAt: new Date(Date.now() + 86_400_000),
  });
  return { userId: user.id, token, territory: top };
}
