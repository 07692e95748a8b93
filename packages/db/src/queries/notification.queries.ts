import type { NotificationCategory, NotificationEvent, NotificationKind } from "@trame/core";
import { type ExpressionBuilder, type Kysely, sql } from "kysely";
import type { Database, NotificationsTable } from "../schema.ts";
import type { Viewer } from "./viewer.ts";

/** PostgreSQL channel telling live streams whose unread count changed: `{ userIds: [...] }`. */
export const NOTIFICATION_CHANNEL = "trame_notifications";
/** User ids per NOTIFY payload: 150 uuids keep it well under PostgreSQL's 8,000-byte limit. */
const NOTIFY_CHUNK = 150;

export interface NotificationRowInput {
  eventId: string;
  /** When the event happened (the write), not when the job ran. */
  createdAt: string;
  category: NotificationCategory;
  event: NotificationEvent;
  actorId: string | null;
  cooperationId: string | null;
  projectId: string | null;
  /** Set when only an administrator of this territory may read it (an access request). */
  adminTerritoryId: string | null;
}

/** Tells live streams (any instance) that these users' notifications changed. */
export async function announceNotifications(db: Kysely<Database>, userIds: readonly string[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += NOTIFY_CHUNK) {
    const payload = JSON.stringify({ userIds: userIds.slice(i, i + NOTIFY_CHUNK) });
    await sql`select pg_notify(${NOTIFICATION_CHANNEL}, ${payload})`.execute(db);
  }
}

/**
 * Writes one notification per recipient; a recipient who already has this event's row (a retried
 * job) is skipped. Returns who got a new row.
 */
export async function insertNotifications(
  db: Kysely<Database>,
  row: NotificationRowInput,
  userIds: readonly string[],
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const payload = JSON.stringify(row.event);
  const inserted = await db
    .insertInto("notifications")
    .values(
      userIds.map((userId) => ({
        user_id: userId,
        event_id: row.eventId,
        created_at: row.createdAt,
        category: row.category,
        kind: row.event.kind,
        payload,
        actor_id: row.actorId,
        cooperation_id: row.cooperationId,
        project_id: row.projectId,
        admin_territory_id: row.adminTerritoryId,
      })),
    )
    .onConflict((oc) => oc.columns(["event_id", "user_id"]).doNothing())
    .returning("user_id")
    .execute();
  return inserted.map((r) => r.user_id);
}

/**
 * Of `userIds`, those who may read the event NOW: an enabled account that belongs to a territory (or
 * an instance administrator); for a project, a restricted project is read only by members of its
 * partners; for an access request, only the territory's administrators.
 */
export async function readersAmong(
  db: Kysely<Database>,
  userIds: readonly string[],
  scope: { projectId: string | null; adminTerritoryId: string | null },
): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom("users as u")
    .select("u.id")
    .where("u.id", "in", userIds)
    .where("u.disabled_at", "is", null)
    .where((eb) =>
      eb.or([
        eb("u.is_instance_admin", "=", true),
        eb.exists(eb.selectFrom("memberships as m").select(eb.lit(1).as("one")).whereRef("m.user_id", "=", "u.id")),
      ]),
    )
    .$if(scope.projectId !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb("u.is_instance_admin", "=", true),
          eb.exists(
            eb
              .selectFrom("projects as p")
              .select(eb.lit(1).as("one"))
              .where("p.id", "=", scope.projectId)
              .where((inner) =>
                inner.or([
                  inner("p.visibility", "=", "network"),
                  inner.exists(
                    inner
                      .selectFrom("project_partners as pp")
                      .innerJoin("memberships as pm", "pm.territory_id", "pp.territory_id")
                      .select(inner.lit(1).as("one"))
                      .whereRef("pp.project_id", "=", "p.id")
                      .whereRef("pm.user_id", "=", "u.id"),
                  ),
                ]),
              ),
          ),
        ]),
      ),
    )
    .$if(scope.adminTerritoryId !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb("u.is_instance_admin", "=", true),
          eb.exists(
            eb
              .selectFrom("memberships as am")
              .select(eb.lit(1).as("one"))
              .whereRef("am.user_id", "=", "u.id")
              .where("am.territory_id", "=", scope.adminTerritoryId)
              .where("am.role", "=", "admin"),
          ),
        ]),
      ),
    )
    .execute();
  return rows.map((r) => r.id);
}

type NotificationEb = ExpressionBuilder<Database & { n: NotificationsTable }, "n">;

/** Read-time check, the same rules as readersAmong for one reader: a right removed since hides the row. */
function readableBy(eb: NotificationEb, viewer: Viewer & { userId: string }) {
  if (viewer.isInstanceAdmin) return eb.lit(true);
  const partnerOf = viewer.territoryIds.length
    ? eb.exists(
        eb
          .selectFrom("project_partners as pp")
          .select(eb.lit(1).as("one"))
          .whereRef("pp.project_id", "=", "n.project_id")
          .where("pp.territory_id", "in", viewer.territoryIds),
      )
    : eb.lit(false);
  return eb.and([
    eb.or([
      eb("n.project_id", "is", null),
      eb.exists(
        eb
          .selectFrom("projects as p")
          .select(eb.lit(1).as("one"))
          .whereRef("p.id", "=", "n.project_id")
          .where("p.visibility", "=", "network"),
      ),
      partnerOf,
    ]),
    eb.or([
      eb("n.admin_territory_id", "is", null),
      eb.exists(
        eb
          .selectFrom("memberships as am")
          .select(eb.lit(1).as("one"))
          .whereRef("am.territory_id", "=", "n.admin_territory_id")
          .where("am.user_id", "=", viewer.userId)
          .where("am.role", "=", "admin"),
      ),
    ]),
  ]);
}

export interface StoredNotification {
  id: string;
  category: NotificationCategory;
  kind: NotificationKind;
  event: NotificationEvent;
  actor: { id: string; name: string } | null;
  createdAt: string;
  readAt: string | null;
}

export async function listNotifications(
  db: Kysely<Database>,
  viewer: Viewer & { userId: string },
  options: { cursor?: string | null | undefined; limit: number; unreadOnly: boolean },
): Promise<{ items: StoredNotification[]; nextCursor: string | null }> {
  const rows = await db
    .selectFrom("notifications as n")
    .leftJoin("users as a", "a.id", "n.actor_id")
    .select([
      "n.id",
      "n.category",
      "n.kind",
      "n.payload",
      "n.created_at",
      "n.read_at",
      "a.id as actor_id",
      "a.name as actor_name",
    ])
    .where("n.user_id", "=", viewer.userId)
    .where((eb) => readableBy(eb, viewer))
    .$if(options.unreadOnly, (q) => q.where("n.read_at", "is", null))
    .$if(typeof options.cursor === "string", (q) =>
      q.where(
        sql<boolean>`(n.created_at, n.id) < (select c.created_at, c.id from notifications c
          where c.id = ${options.cursor} and c.user_id = ${viewer.userId})`,
      ),
    )
    .orderBy("n.created_at", "desc")
    .orderBy("n.id", "desc")
    .limit(options.limit + 1)
    .execute();
  const page = rows.slice(0, options.limit);
  return {
    items: page.map((r) => ({
      id: r.id,
      category: r.category,
      kind: r.kind,
      event: r.payload as unknown as NotificationEvent,
      actor: r.actor_id && r.actor_name ? { id: r.actor_id, name: r.actor_name } : null,
      createdAt: r.created_at,
      readAt: r.read_at,
    })),
    nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

export async function countUnreadNotifications(
  db: Kysely<Database>,
  viewer: Viewer & { userId: string },
): Promise<number> {
  const row = await db
    .selectFrom("notifications as n")
    .select((eb) => eb.fn.countAll<string>().as("count"))
    .where("n.user_id", "=", viewer.userId)
    .where("n.read_at", "is", null)
    .where((eb) => readableBy(eb, viewer))
    .executeTakeFirst();
  return Number(row?.count ?? 0);
}

/** Marks the user's own notifications read (the given ids, or all); returns how many changed. */
export async function markNotificationsRead(
  db: Kysely<Database>,
  userId: string,
  which: { ids: readonly string[] } | { all: true },
): Promise<number> {
  const result = await db
    .updateTable("notifications")
    .set({ read_at: sql<string>`now()` })
    .where("user_id", "=", userId)
    .where("read_at", "is", null)
    .$if("ids" in which, (q) => q.where("id", "in", "ids" in which ? [...which.ids] : []))
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
