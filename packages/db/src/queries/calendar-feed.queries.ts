import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** A private calendar link as its owner sees it: never the token, which only its hash stands for. */
export interface CalendarFeed {
  id: string;
  territory: { id: string; name: string };
  createdAt: string;
  revokedAt: string | null;
}

/** What the public feed route needs to answer: whose memberships decide what the feed shows. */
export interface LiveCalendarFeed {
  id: string;
  userId: string;
  territory: { id: string; name: string };
}

function feedQuery(db: Kysely<Database>) {
  return db
    .selectFrom("calendar_feeds as f")
    .innerJoin("territories as t", "t.id", "f.territory_id")
    .select(["f.id", "f.user_id", "f.territory_id", "t.name as territory_name", "f.created_at", "f.revoked_at"]);
}

type FeedRow = Awaited<ReturnType<ReturnType<typeof feedQuery>["executeTakeFirstOrThrow"]>>;

function toFeed(row: FeedRow): CalendarFeed {
  return {
    id: row.id,
    territory: { id: row.territory_id, name: row.territory_name },
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

export async function insertCalendarFeed(
  db: Kysely<Database>,
  values: { territoryId: string; userId: string; tokenHash: string },
): Promise<CalendarFeed> {
  const { id } = await db
    .insertInto("calendar_feeds")
    .values({ territory_id: values.territoryId, user_id: values.userId, token_hash: values.tokenHash })
    .returning("id")
    .executeTakeFirstOrThrow();
  return toFeed(await feedQuery(db).where("f.id", "=", id).executeTakeFirstOrThrow());
}

export async function listCalendarFeeds(db: Kysely<Database>, userId: string): Promise<CalendarFeed[]> {
  const rows = await feedQuery(db)
    .where("f.user_id", "=", userId)
    .orderBy("f.created_at", "desc")
    .orderBy("f.id")
    .execute();
  return rows.map(toFeed);
}

/** The stored owner of a feed, to authorise a revocation against it rather than against the request. */
export async function findCalendarFeed(
  db: Kysely<Database>,
  id: string,
): Promise<(CalendarFeed & { userId: string }) | undefined> {
  const row = await feedQuery(db).where("f.id", "=", id).executeTakeFirst();
  return row && { ...toFeed(row), userId: row.user_id };
}

/** Filters by id AND owner (the tenant rule); a feed already revoked keeps its first revocation date. */
export async function revokeCalendarFeed(
  db: Kysely<Database>,
  where: { id: string; userId: string },
): Promise<CalendarFeed | undefined> {
  const updated = await db
    .updateTable("calendar_feeds")
    .set({ revoked_at: sql<string>`now()` })
    .where("id", "=", where.id)
    .where("user_id", "=", where.userId)
    .where("revoked_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!updated) return undefined;
  return toFeed(await feedQuery(db).where("f.id", "=", updated.id).executeTakeFirstOrThrow());
}

/** A live feed by its token's hash; revoked or unknown are alike absent, so the URL reveals nothing. */
export async function findLiveCalendarFeed(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<LiveCalendarFeed | undefined> {
  const row = await feedQuery(db)
    .where("f.token_hash", "=", tokenHash)
    .where("f.revoked_at", "is", null)
    .executeTakeFirst();
  return row && { id: row.id, userId: row.user_id, territory: { id: row.territory_id, name: row.territory_name } };
}
