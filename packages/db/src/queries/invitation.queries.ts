import type { Locale, MembershipRole } from "@trame/core";
import { type Kysely, sql } from "kysely";
import type { Database } from "../schema.ts";

/** An invitation link lasts this long. */
export const INVITATION_DAYS = 7;

/** Not accepted, not revoked (expired ones included: an administrator may resend them). */
const open = (db: Kysely<Database>) =>
  db.selectFrom("invitations").where("invitations.accepted_at", "is", null).where("invitations.revoked_at", "is", null);

export async function findOpenInvitation(db: Kysely<Database>, email: string, territoryId: string) {
  return open(db)
    .select(["id", "territory_id as territoryId", "email", "role"])
    .where("email", "=", email)
    .where("territory_id", "=", territoryId)
    .executeTakeFirst();
}

export async function insertInvitation(
  db: Kysely<Database>,
  values: {
    territoryId: string;
    email: string;
    role: MembershipRole;
    locale: Locale;
    tokenHash: string;
    invitedBy: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto("invitations")
    .values({
      territory_id: values.territoryId,
      email: values.email,
      role: values.role,
      locale: values.locale,
      token_hash: values.tokenHash,
      invited_by: values.invitedBy,
      expires_at: sql<string>`now() + make_interval(days => ${INVITATION_DAYS})`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

/** A new link (the old one stops working), a new week, and the role and language given now. */
export async function renewInvitation(
  db: Kysely<Database>,
  id: string,
  values: { tokenHash: string; role?: MembershipRole; locale?: Locale },
): Promise<void> {
  await db
    .updateTable("invitations")
    .set({
      token_hash: values.tokenHash,
      sent_at: sql<string>`now()`,
      expires_at: sql<string>`now() + make_interval(days => ${INVITATION_DAYS})`,
      ...(values.role ? { role: values.role } : {}),
      ...(values.locale ? { locale: values.locale } : {}),
    })
    .where("id", "=", id)
    .execute();
}

/** One open invitation by id, locked for the rest of the transaction (resend, revoke). */
export async function lockOpenInvitation(db: Kysely<Database>, id: string) {
  return open(db)
    .innerJoin("territories", "territories.id", "invitations.territory_id")
    .select(["invitations.id", "invitations.territory_id as territoryId", "invitations.email", "invitations.role"])
    .select(["invitations.locale", "territories.name as territoryName"])
    .where("invitations.id", "=", id)
    .forUpdate("invitations")
    .executeTakeFirst();
}

/**
 * The invitation behind a link, whatever its state (the page says why a link no longer works).
 * `lock`: taken for update, so two acceptances of one link are served one after the other.
 */
export async function findInvitationByTokenHash(db: Kysely<Database>, tokenHash: string, lock = false) {
  const query = db
    .selectFrom("invitations")
    .innerJoin("territories", "territories.id", "invitations.territory_id")
    .select(["invitations.id", "invitations.territory_id as territoryId", "invitations.email", "invitations.role"])
    .select(["invitations.locale", "invitations.accepted_at as acceptedAt", "invitations.revoked_at as revokedAt"])
    .select(["territories.name as territoryName", sql<boolean>`invitations.expires_at <= now()`.as("expired")])
    .where("invitations.token_hash", "=", tokenHash);
  return (lock ? query.forUpdate("invitations") : query).executeTakeFirst();
}

export async function closeInvitation(
  db: Kysely<Database>,
  id: string,
  outcome: { acceptedBy: string } | { revokedBy: string },
): Promise<void> {
  await db
    .updateTable("invitations")
    .set(
      "acceptedBy" in outcome
        ? { accepted_at: sql<string>`now()`, accepted_by: outcome.acceptedBy }
        : { revoked_at: sql<string>`now()`, revoked_by: outcome.revokedBy },
    )
    .where("id", "=", id)
    .execute();
}

/** Open invitations of these territories (null: all), newest first, for the administration screen. */
export async function listOpenInvitations(db: Kysely<Database>, territoryIds: readonly string[] | null) {
  if (territoryIds && territoryIds.length === 0) return [];
  let query = open(db)
    .innerJoin("territories", "territories.id", "invitations.territory_id")
    .innerJoin("users as inviter", "inviter.id", "invitations.invited_by")
    .select(["invitations.id", "invitations.email", "invitations.role", "invitations.locale"])
    .select(["invitations.territory_id as territoryId", "territories.name as territoryName"])
    .select(["inviter.name as invitedByName", "invitations.sent_at as sentAt", "invitations.expires_at as expiresAt"])
    .select(sql<boolean>`invitations.expires_at <= now()`.as("expired"))
    .orderBy("invitations.sent_at", "desc")
    .limit(500);
  if (territoryIds) query = query.where("invitations.territory_id", "in", territoryIds);
  return query.execute();
}

/** Open, unexpired invitations for an e-mail (a ProConnect sign-in by the invitee accepts them). */
export async function findUsableInvitationsForEmail(db: Kysely<Database>, email: string) {
  return open(db)
    .select(["id", "territory_id as territoryId", "role"])
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .where("expires_at", ">", sql<string>`now()`)
    .orderBy("created_at")
    .forUpdate()
    .execute();
}

/** An account by e-mail, whatever its state: inviting a disabled account is refused, not duplicated. */
export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "name", "locale", sql<boolean>`disabled_at is not null`.as("disabled")])
    .where(sql<string>`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}
