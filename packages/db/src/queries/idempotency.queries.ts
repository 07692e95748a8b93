import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

export type KeyClaim =
  | { kind: "claimed" }
  | { kind: "stored"; procedure: string; requestHash: string; result: unknown; finished: boolean };

/**
 * Claims `key` for this user, or answers what is stored under it. One insert-or-nothing: two
 * resends racing each other cannot both claim it.
 */
export async function claimIdempotencyKey(
  db: Kysely<Database>,
  claim: { userId: string; key: string; procedure: string; requestHash: string },
): Promise<KeyClaim> {
  const inserted = await db
    .insertInto("idempotency_keys")
    .values({ user_id: claim.userId, key: claim.key, procedure: claim.procedure, request_hash: claim.requestHash })
    .onConflict((oc) => oc.columns(["user_id", "key"]).doNothing())
    .returning("key")
    .executeTakeFirst();
  if (inserted) return { kind: "claimed" };
  const row = await db
    .selectFrom("idempotency_keys")
    .select(["procedure", "request_hash", "result", sql<boolean>`result is not null`.as("finished")])
    .where("user_id", "=", claim.userId)
    .where("key", "=", claim.key)
    .executeTakeFirst();
  // Released between the two statements (the first attempt failed): claim it again.
  if (!row) return claimIdempotencyKey(db, claim);
  return {
    kind: "stored",
    procedure: row.procedure,
    requestHash: row.request_hash,
    result: row.result,
    finished: row.finished,
  };
}

export async function storeIdempotentResult(
  db: Kysely<Database>,
  userId: string,
  key: string,
  result: unknown,
): Promise<void> {
  await db
    .updateTable("idempotency_keys")
    .set({ result: JSON.stringify(result ?? null) })
    .where("user_id", "=", userId)
    .where("key", "=", key)
    .execute();
}
