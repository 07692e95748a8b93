import type { FollowTargetKind, NotificationCategory, NotificationKind } from "@trame/core";
import type { ColumnType, Generated } from "kysely";

type GeneratedInstant = ColumnType<string, string | undefined, string>;

/** A user's explicit choice about one project or cooperation (migration 210001): follow, or stop following. */
export interface FollowsTable {
  user_id: string;
  target_kind: FollowTargetKind;
  target_id: string;
  following: boolean;
  updated_at: GeneratedInstant;
}

/** One in-app notification of one user (migration 210001): the event's payload, rendered at read time. */
export interface NotificationsTable {
  id: Generated<string>;
  user_id: string;
  event_id: string;
  category: NotificationCategory;
  kind: NotificationKind;
  payload: ColumnType<Record<string, unknown>, string, string>;
  actor_id: string | null;
  cooperation_id: string | null;
  project_id: string | null;
  admin_territory_id: string | null;
  created_at: GeneratedInstant;
  read_at: ColumnType<string | null, string | null | undefined, string | null>;
}
