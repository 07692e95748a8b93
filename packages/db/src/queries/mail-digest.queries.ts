import {
  DEFAULT_MAIL_DELIVERY,
  type Locale,
  MAIL_CATEGORIES,
  type MailCategory,
  type MailDelivery,
  type NotificationEvent,
} from "@trame/core";
import { type Kysely, type RawBuilder, sql, type Transaction } from "kysely";
import type { Database, DigestPeriod } from "../schema.ts";

/** The person's delivery for the notification's category: their choice, else the default (constants of code). */
const deliveryOf = (userColumn: RawBuilder<unknown>, categoryColumn: RawBuilder<unknown>) =>
  sql<MailDelivery>`coalesce(
    (select mp.delivery from mail_preferences mp where mp.user_id = ${userColumn} and mp.category = ${categoryColumn}),
    case ${categoryColumn} ${sql.raw(
      MAIL_CATEGORIES.map((c) => `when '${c}' then '${DEFAULT_MAIL_DELIVERY[c]}'`).join(" "),
    )} end
  )`;

/**
 * The same rules as the in-app list's read-time check (notification.queries readableBy), for the
 * user `u` and notification `n` of the enclosing query: an enabled member (or instance administrator)
 * who can read the project NOW (partners-only projects: their partners' members only) and, for an
 * access request, an administrator of that territory. A right removed since the event hides it.
 */
const readableNow = sql<boolean>`(u.is_instance_admin or (
  exists (select 1 from memberships mm where mm.user_id = u.id)
  and (n.project_id is null or exists (
    select 1 from projects p where p.id = n.project_id and (p.visibility = 'network' or exists (
      select 1 from project_partners pp join memberships pm on pm.territory_id = pp.territory_id
      where pp.project_id = p.id and pm.user_id = u.id))))
  and (n.admin_territory_id is null or exists (
    select 1 from memberships am
    where am.user_id = u.id and am.territory_id = n.admin_territory_id and am.role = 'admin'))
))`;

export interface MailableNotification {
  id: string;
  userId: string;
  category: MailCategory;
  event: NotificationEvent;
  actorName: string | null;
  email: string;
  locale: Locale;
  createdAt: string;
}

type Row = {
  id: string;
  user_id: string;
  category: MailCategory;
  payload: NotificationEvent;
  actor_name: string | null;
  email: string;
  locale: Locale;
  created_at: string;
};
const toMailable = (row: Row): MailableNotification => ({
  id: row.id,
  userId: row.user_id,
  category: row.category,
  event: row.payload,
  actorName: row.actor_name,
  email: row.email,
  locale: row.locale,
  createdAt: typeof row.created_at === "string" ? row.created_at : new Date(row.created_at).toISOString(),
});

/** Notifications of the last day to send on their own (delivery "immediately"), not sent yet, readable now. */
export async function findImmediateNotifications(db: Kysely<Database>, limit = 1000): Promise<MailableNotification[]> {
  const { rows } = await sql<Row>`
    select n.id, n.user_id, n.category, n.payload, a.name as actor_name, u.email, u.locale, n.created_at
    from notifications n
    join users u on u.id = n.user_id and u.disabled_at is null
    left join users a on a.id = n.actor_id
    where n.created_at > now() - interval '1 day'
      -- An invited person who already had an account was e-mailed by the invitation itself.
      and n.kind <> 'membership_added'
      and not exists (select 1 from notification_mails nm where nm.notification_id = n.id)
      and ${deliveryOf(sql`u.id`, sql`n.category`)} = 'immediately'
      and ${readableNow}
    order by n.created_at, n.id
    limit ${limit}
  `.execute(db);
  return rows.map(toMailable);
}

/** Marks a notification e-mailed, inside the transaction that queues its message; false when already done. */
export async function recordNotificationMail(
  trx: Transaction<Database>,
  notificationId: string,
  outboxId: string,
): Promise<boolean> {
  const row = await trx
    .insertInto("notification_mails")
    .values({ notification_id: notificationId, outbox_id: outboxId })
    .onConflict((oc) => oc.doNothing())
    .returning("notification_id")
    .executeTakeFirst();
  return row !== undefined;
}

export interface DigestCandidate {
  userId: string;
  email: string;
  name: string;
  locale: Locale;
  isInstanceAdmin: boolean;
  territoryIds: string[];
  /** Every category with its delivery (defaults filled). */
  deliveries: Record<MailCategory, MailDelivery>;
}

/**
 * People who may get a digest of `period` for `day`, by pages of user id: enabled members without
 * that digest yet. Whether they get one (some category in that period, and something to tell) is
 * decided by the caller.
 */
export async function listDigestCandidates(
  db: Kysely<Database>,
  input: { period: DigestPeriod; day: string; after: string | null; limit: number },
): Promise<DigestCandidate[]> {
  const users = await db
    .selectFrom("users as u")
    .select(["u.id", "u.email", "u.name", "u.locale", "u.is_instance_admin"])
    .select((eb) =>
      eb
        .fn<string[]>("array", [
          eb.selectFrom("memberships as m").select("m.territory_id").whereRef("m.user_id", "=", "u.id"),
        ])
        .as("territory_ids"),
    )
    .where("u.disabled_at", "is", null)
    .where((eb) =>
      eb.exists(eb.selectFrom("memberships as m").select(eb.lit(1).as("one")).whereRef("m.user_id", "=", "u.id")),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom("digests_sent as d")
            .select(eb.lit(1).as("one"))
            .whereRef("d.user_id", "=", "u.id")
            .where("d.period", "=", input.period)
            .where("d.day", "=", input.day),
        ),
      ),
    )
    .$if(input.after !== null, (q) => q.where("u.id", ">", input.after as string))
    .orderBy("u.id")
    .limit(input.limit)
    .execute();
  if (users.length === 0) return [];
  const chosen = await db
    .selectFrom("mail_preferences")
    .select(["user_id", "category", "delivery"])
    .where(
      "user_id",
      "in",
      users.map((u) => u.id),
    )
    .execute();
  const byUser = new Map<string, Map<MailCategory, MailDelivery>>();
  for (const row of chosen) {
    const map = byUser.get(row.user_id) ?? new Map();
    map.set(row.category, row.delivery);
    byUser.set(row.user_id, map);
  }
  return users.map((u) => ({
    userId: u.id,
    email: u.email,
    name: u.name,
    locale: u.locale,
    isInstanceAdmin: u.is_instance_admin,
    territoryIds: [...u.territory_ids].sort(),
    deliveries: Object.fromEntries(
      MAIL_CATEGORIES.map((c) => [c, byUser.get(u.id)?.get(c) ?? DEFAULT_MAIL_DELIVERY[c]]),
    ) as Record<MailCategory, MailDelivery>,
  }));
}

/**
 * The notifications of these users created between two Paris days (`from` included, `to` excluded),
 * of the categories each has put in this digest, readable by them now.
 */
export async function findDigestNotifications(
  db: Kysely<Database>,
  input: { userIds: readonly string[]; period: DigestPeriod; from: string; to: string },
): Promise<MailableNotification[]> {
  if (input.userIds.length === 0) return [];
  const { rows } = await sql<Row>`
    select n.id, n.user_id, n.category, n.payload, a.name as actor_name, u.email, u.locale, n.created_at
    from notifications n
    join users u on u.id = n.user_id
    left join users a on a.id = n.actor_id
    where n.user_id in (${sql.join(input.userIds)})
      and n.created_at >= (${input.from}::date)::timestamp at time zone 'Europe/Paris'
      and n.created_at < (${input.to}::date)::timestamp at time zone 'Europe/Paris'
      and ${deliveryOf(sql`u.id`, sql`n.category`)} = ${input.period}
      and ${readableNow}
    order by n.user_id, n.created_at, n.id
  `.execute(db);
  return rows.map(toMailable);
}

export interface DigestMessage {
  userId: string;
  outboxId: string;
  to: string;
  locale: Locale;
  subject: string;
  html: string;
  text: string;
  links: string[];
  headers: Record<string, string>;
}

/**
 * Writes a batch of digests in the caller's transaction: first their keys (user, period, day) —
 * those another instance already wrote are skipped — then the messages of the keys won, in one
 * insert each. Returns the outbox ids written, for the caller to queue their sending jobs.
 */
export async function writeDigests(
  trx: Transaction<Database>,
  period: DigestPeriod,
  day: string,
  messages: readonly DigestMessage[],
): Promise<string[]> {
  if (messages.length === 0) return [];
  const won = await trx
    .insertInto("digests_sent")
    .values(messages.map((m) => ({ user_id: m.userId, period, day, outbox_id: m.outboxId })))
    .onConflict((oc) => oc.doNothing())
    .returning("outbox_id")
    .execute();
  const ids = new Set(won.map((row) => row.outbox_id));
  const kept = messages.filter((m) => ids.has(m.outboxId));
  if (kept.length === 0) return [];
  await trx
    .insertInto("mail_outbox")
    .values(
      kept.map((m) => ({
        id: m.outboxId,
        kind: `digest-${period}`,
        to_address: m.to,
        locale: m.locale,
        subject: m.subject,
        html: m.html,
        text: m.text,
        links: JSON.stringify(m.links),
        headers: JSON.stringify(m.headers),
      })),
    )
    .execute();
  return kept.map((m) => m.outboxId);
}
