import type { FollowTarget } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** Records an explicit choice: follow, or stop following (which beats the automatic rule). */
export async function setFollow(
  db: Kysely<Database>,
  userId: string,
  target: FollowTarget,
  following: boolean,
): Promise<void> {
  await db
    .insertInto("follows")
    .values({ user_id: userId, target_kind: target.kind, target_id: target.id, following })
    .onConflict((oc) =>
      oc.columns(["user_id", "target_kind", "target_id"]).doUpdateSet({ following, updated_at: sql<string>`now()` }),
    )
    .execute();
}

export interface FollowStatus {
  /** What the fan-out will do for this user and target. */
  following: boolean;
  /** The user's explicit choice, or null when the automatic rule decides. */
  explicit: boolean | null;
  /** What the automatic rule says (a member of a partner or member territory, or a followed cooperation). */
  automatic: boolean;
}

/** Does the automatic rule make `userId` follow the cooperation? A member of a current member territory does. */
const memberOfCooperation = (userId: string, cooperationId: unknown) => sql<boolean>`exists (
  select 1 from memberships m join cooperation_members cm on cm.territory_id = m.territory_id
  where m.user_id = ${userId} and cm.cooperation_id = ${cooperationId} and cm.left_on is null)`;

/** Whether `userId` follows the cooperation, explicitly or automatically. */
const followsCooperation = (userId: string, cooperationId: unknown) => sql<boolean>`coalesce(
  (select f.following from follows f
    where f.user_id = ${userId} and f.target_kind = 'cooperation' and f.target_id = ${cooperationId}),
  ${memberOfCooperation(userId, cooperationId)})`;

export async function getFollowStatus(
  db: Kysely<Database>,
  userId: string,
  target: FollowTarget,
): Promise<FollowStatus> {
  const explicitRow = await db
    .selectFrom("follows")
    .select("following")
    .where("user_id", "=", userId)
    .where("target_kind", "=", target.kind)
    .where("target_id", "=", target.id)
    .executeTakeFirst();
  const automatic =
    target.kind === "cooperation"
      ? memberOfCooperation(userId, target.id)
      : sql<boolean>`(exists (
          select 1 from memberships m join project_partners pp on pp.territory_id = m.territory_id
          where m.user_id = ${userId} and pp.project_id = ${target.id})
          or coalesce((select ${followsCooperation(userId, sql`p.cooperation_id`)} from projects p
            where p.id = ${target.id}), false))`;
  const { rows } = await sql<{ v: boolean }>`select ${automatic} as v`.execute(db);
  const auto = rows[0]?.v === true;
  const explicit = explicitRow ? explicitRow.following : null;
  return { following: explicit ?? auto, explicit, automatic: auto };
}

/**
 * Everyone who follows a target now, before any visibility check (the fan-out adds it):
 * - a cooperation: explicit followers, and members of its current member territories who did not
 *   stop following it;
 * - a project: explicit followers, members of its partner territories, and followers of its
 *   cooperation — except those who stopped following the project itself.
 */
export async function followerIds(
  db: Kysely<Database>,
  scope: { cooperationId: string; projectId: string | null },
): Promise<string[]> {
  const cooperationFollowers = sql`(
    select f.user_id from follows f
      where f.target_kind = 'cooperation' and f.target_id = ${scope.cooperationId} and f.following
    union
    select m.user_id from memberships m join cooperation_members cm on cm.territory_id = m.territory_id
      where cm.cooperation_id = ${scope.cooperationId} and cm.left_on is null
        and not exists (select 1 from follows x where x.user_id = m.user_id and x.target_kind = 'cooperation'
          and x.target_id = ${scope.cooperationId} and not x.following)
  )`;
  const query = scope.projectId
    ? sql<{ user_id: string }>`select c.user_id from (
        select f.user_id from follows f where f.target_kind = 'project' and f.target_id = ${scope.projectId} and f.following
        union
        select m.user_id from memberships m join project_partners pp on pp.territory_id = m.territory_id
          where pp.project_id = ${scope.projectId}
        union
        select user_id from ${cooperationFollowers} cf
      ) c
      where not exists (select 1 from follows x where x.user_id = c.user_id and x.target_kind = 'project'
        and x.target_id = ${scope.projectId} and not x.following)`
    : sql<{ user_id: string }>`select user_id from ${cooperationFollowers} cf`;
  const { rows } = await query.execute(db);
  return rows.map((r) => r.user_id);
}
