import { randomBytes } from "node:crypto";
import {
  type AcceptInvitationInput,
  type Actor,
  DomainError,
  fieldError,
  hasTerritoryRole,
  type InviteInput,
  judgePassword,
  notFound,
} from "@trame/core";
import {
  closeInvitation,
  type Database,
  findInvitationByTokenHash,
  findMembership,
  findOpenInvitation,
  findUsableInvitationsForEmail,
  findUserByEmail,
  getTerritory,
  INVITATION_DAYS,
  insertInvitation,
  insertUser,
  type Kysely,
  lockOpenInvitation,
  recordAudit,
  renewInvitation,
  setLocale,
  upsertMembership,
} from "@trame/db";
import { hashPassword } from "../auth/password.ts";
import { hashSessionToken, newSessionToken } from "../auth/session-token.ts";
import { type NotificationJobs, queueNotification } from "../jobs/notification-fanout.job.ts";
import { invitationMessage, membershipAddedMessage } from "../mail/messages/invitation-message.ts";
import { type MailJobs, queueMail } from "../mail/outbox.ts";

const INVITATION = { fr: "Invitation", en: "Invitation" };

/** What a write that sends mail needs besides the database: the queue and where links point. */
export interface MailContext {
  jobs: MailJobs;
  publicUrl: string;
  /** The fan-out queue, for the bell of an invitee who already has an account. */
  notifications?: NotificationJobs;
}

/** Dates in e-mails as French readers write them (26/11/2026), in Paris time, whatever the language. */
export function mailDate(instant: Date): string {
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris" }).format(instant);
}

function invitationUrl(publicUrl: string, token: string): string {
  // In the fragment: browsers never send it to a server, so the secret stays out of logs and Referer headers.
  return `${publicUrl}/invitation#${token}`;
}

/**
 * Invites an address onto a territory the actor administers (checked by the router, re-checked
 * here against the territory named). An address with an account gets the membership at once and is
 * told; otherwise an invitation with a single-use link valid 7 days (only its hash is stored). A
 * second invitation of the same address to the same territory renews the open one: new link, role
 * and language given now.
 */
export async function invite(db: Kysely<Database>, actor: Actor, mail: MailContext, input: InviteInput) {
  if (!hasTerritoryRole(actor, input.territoryId, "admin")) throw new DomainError("FORBIDDEN", "forbidden.generic");
  return db.transaction().execute(async (trx) => {
    const territory = await getTerritory(trx, input.territoryId);
    if (!territory) throw notFound({ fr: "Territoire", en: "Territory" });
    const inviter = await trx
      .selectFrom("users")
      .select("name")
      .where("id", "=", actor.userId)
      .executeTakeFirstOrThrow();
    const existing = await findUserByEmail(trx, input.email);
    if (existing?.disabled) throw new DomainError("CONFLICT", "invitation.accountDisabled");

    if (existing) {
      const before = (await findMembership(trx, existing.id, input.territoryId)) ?? null;
      if (before?.role === input.role) return { status: "member" as const, userId: existing.id };
      await upsertMembership(trx, { userId: existing.id, territoryId: input.territoryId, role: input.role });
      await recordAudit(trx, {
        entityType: "membership",
        entityId: `${existing.id}:${input.territoryId}`,
        action: before ? "updated" : "created",
        actorId: actor.userId,
        before,
        after: { role: input.role, by: "invitation" },
      });
      await queueMail(trx, mail.jobs, {
        kind: "membership-added",
        to: input.email,
        locale: existing.locale,
        content: membershipAddedMessage(existing.locale, {
          inviterName: inviter.name,
          territoryName: territory.name,
          role: input.role,
          url: `${mail.publicUrl}/territoires/${input.territoryId}`,
        }),
      });
      // The bell too: the e-mail above is the invitation's own, so this one is never e-mailed again.
      await queueNotification(trx, mail.notifications, actor.userId, {
        kind: "membership_added",
        territoryId: input.territoryId,
        territoryName: territory.name,
        userId: existing.id,
      });
      return { status: "added" as const, userId: existing.id };
    }

    const token = newSessionToken();
    const tokenHash = hashSessionToken(token);
    const open = await findOpenInvitation(trx, input.email, input.territoryId);
    if (open) await renewInvitation(trx, open.id, { tokenHash, role: input.role, locale: input.locale });
    const id = open ? open.id : await insertInvitation(trx, { ...input, tokenHash, invitedBy: actor.userId });
    await recordAudit(trx, {
      entityType: "invitation",
      entityId: id,
      action: open ? "renewed" : "created",
      actorId: actor.userId,
      before: open ? { role: open.role } : null,
      after: { email: input.email, territoryId: input.territoryId, role: input.role },
    });
    await queueMail(trx, mail.jobs, {
      kind: "invitation",
      to: input.email,
      locale: input.locale,
      content: invitationMessage(input.locale, {
        inviterName: inviter.name,
        territoryName: territory.name,
        role: input.role,
        url: invitationUrl(mail.publicUrl, token),
        expiresOn: mailDate(new Date(Date.now() + INVITATION_DAYS * 86_400_000)),
      }),
    });
    return { status: "invited" as const, id };
  });
}

/** The open invitation, if the actor administers its territory; anyone else finds nothing. */
async function lockAdministered(trx: Kysely<Database>, actor: Actor, id: string) {
  const invitation = await lockOpenInvitation(trx, id);
  if (!invitation || !hasTerritoryRole(actor, invitation.territoryId, "admin")) throw notFound(INVITATION);
  return invitation;
}

/** A new link (the previous one stops working) for another 7 days, mailed again. */
export async function resendInvitation(db: Kysely<Database>, actor: Actor, mail: MailContext, id: string) {
  return db.transaction().execute(async (trx) => {
    const invitation = await lockAdministered(trx, actor, id);
    const inviter = await trx
      .selectFrom("users")
      .select("name")
      .where("id", "=", actor.userId)
      .executeTakeFirstOrThrow();
    const token = newSessionToken();
    await renewInvitation(trx, id, { tokenHash: hashSessionToken(token) });
    await recordAudit(trx, {
      entityType: "invitation",
      entityId: id,
      action: "resent",
      actorId: actor.userId,
      before: null,
      after: null,
    });
    await queueMail(trx, mail.jobs, {
      kind: "invitation",
      to: invitation.email,
      locale: invitation.locale,
      content: invitationMessage(invitation.locale, {
        inviterName: inviter.name,
        territoryName: invitation.territoryName,
        role: invitation.role,
        url: invitationUrl(mail.publicUrl, token),
        expiresOn: mailDate(new Date(Date.now() + INVITATION_DAYS * 86_400_000)),
      }),
    });
    return { id, resent: true };
  });
}

export async function revokeInvitation(db: Kysely<Database>, actor: Actor, id: string) {
  return db.transaction().execute(async (trx) => {
    const invitation = await lockAdministered(trx, actor, id);
    await closeInvitation(trx, id, { revokedBy: actor.userId });
    await recordAudit(trx, {
      entityType: "invitation",
      entityId: id,
      action: "revoked",
      actorId: actor.userId,
      before: { email: invitation.email, role: invitation.role },
      after: null,
    });
    return { id, revoked: true };
  });
}

/** Why a link no longer works, said the same way by the page and by the acceptance. */
function usableOrThrow(
  invitation: Awaited<ReturnType<typeof findInvitationByTokenHash>>,
): asserts invitation is NonNullable<typeof invitation> {
  if (!invitation || invitation.revokedAt) throw new DomainError("NOT_FOUND", "invitation.invalid");
  if (invitation.acceptedAt) throw new DomainError("PRECONDITION_FAILED", "invitation.used");
  if (invitation.expired) throw new DomainError("PRECONDITION_FAILED", "invitation.expired");
}

/** What the invitation page shows before the invitee commits: whose invitation, to what. */
export async function previewInvitation(db: Kysely<Database>, token: string) {
  const invitation = await findInvitationByTokenHash(db, hashSessionToken(token));
  usableOrThrow(invitation);
  return {
    email: invitation.email,
    territoryId: invitation.territoryId,
    territoryName: invitation.territoryName,
    role: invitation.role,
    locale: invitation.locale,
  };
}

/**
 * The invitee sets their name and password: the account is made with the membership, the link is
 * used up (row locked, so a second submission of the same link finds it used), and the caller
 * starts the session. An address that got an account meanwhile is refused: the link never signs
 * anyone into an existing account.
 */
export async function acceptInvitation(db: Kysely<Database>, input: AcceptInvitationInput) {
  // The schema judged the password with the name; built on the invited e-mail, it is weak too.
  const invited = await findInvitationByTokenHash(db, hashSessionToken(input.token));
  usableOrThrow(invited);
  const verdict = await judgePassword(input.password, [invited.email, input.name]);
  if (!verdict.acceptable) throw fieldError("password", verdict.reason ?? "password.weak");
  // Hashed before the transaction: scrypt takes a while and must not hold the row lock.
  const passwordHash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const invitation = await findInvitationByTokenHash(trx, hashSessionToken(input.token), true);
    usableOrThrow(invitation);
    if (await findUserByEmail(trx, invitation.email)) throw new DomainError("CONFLICT", "invitation.accountExists");
    const { id: userId } = await insertUser(trx, {
      email: invitation.email,
      name: input.name,
      passwordHash,
      isInstanceAdmin: false,
    });
    await setLocale(trx, userId, invitation.locale);
    await upsertMembership(trx, { userId, territoryId: invitation.territoryId, role: invitation.role });
    await closeInvitation(trx, invitation.id, { acceptedBy: userId });
    await recordAudit(trx, {
      entityType: "invitation",
      entityId: invitation.id,
      action: "accepted",
      actorId: userId,
      before: null,
      after: { userId, role: invitation.role },
    });
    return { userId, territoryId: invitation.territoryId };
  });
}

/**
 * A ProConnect sign-in by an invitee with no account (same e-mail, verified by ProConnect) accepts
 * every usable invitation of that address: the account is made (its password random and unknown to
 * anyone: it signs in with ProConnect) with the memberships. Null when no invitation waits.
 */
export async function acceptInvitationsWithProConnect(
  db: Kysely<Database>,
  identity: { email: string; givenName: string; usualName: string },
): Promise<{ userId: string; territoryId: string } | null> {
  const unusablePassword = await hashPassword(randomBytes(32).toString("base64url"));
  return db.transaction().execute(async (trx) => {
    const invitations = await findUsableInvitationsForEmail(trx, identity.email);
    const first = invitations[0];
    if (!first || (await findUserByEmail(trx, identity.email))) return null;
    const name = `${identity.givenName} ${identity.usualName}`.trim() || identity.email;
    const { id: userId } = await insertUser(trx, {
      email: identity.email.toLowerCase(),
      name,
      passwordHash: unusablePassword,
      isInstanceAdmin: false,
    });
    for (const invitation of invitations) {
      await upsertMembership(trx, { userId, territoryId: invitation.territoryId, role: invitation.role });
      await closeInvitation(trx, invitation.id, { acceptedBy: userId });
      await recordAudit(trx, {
        entityType: "invitation",
        entityId: invitation.id,
        action: "accepted",
        actorId: userId,
        before: null,
        after: { userId, role: invitation.role, by: "proconnect" },
      });
    }
    return { userId, territoryId: first.territoryId };
  });
}
