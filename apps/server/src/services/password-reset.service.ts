import { DomainError, fieldError, judgePassword } from "@trame/core";
import {
  type Database,
  deleteUserSessions,
  findPasswordResetAccount,
  findResettableAccount,
  insertPasswordReset,
  type Kysely,
  lockPasswordReset,
  PASSWORD_RESET_MINUTES,
  recordAudit,
  setPasswordHash,
  useUpPasswordResets,
} from "@trame/db";
import { claimOrRefuse, THROTTLE } from "../auth/login.service.ts";
import { hashPassword } from "../auth/password.ts";
import { hashSessionToken, newSessionToken } from "../auth/session-token.ts";
import { passwordResetMessage } from "../mail/messages/password-reset-message.ts";
import { queueMail } from "../mail/outbox.ts";
import type { MailContext } from "./invitation.service.ts";

/** Reset requests per address in the sign-in throttle's window: enough for a lost message, too few to flood an inbox. */
export const RESET_REQUESTS_PER_ACCOUNT = 3;

/**
 * Sends a reset link to an active account with this address. The answer is the same whether or not
 * the address has an account (nothing tells them apart but the mailbox), and requests are counted in
 * the sign-in throttle table per address and per client, whether or not the address exists.
 */
export async function requestPasswordReset(
  db: Kysely<Database>,
  mail: MailContext,
  email: string,
  clientAddress: string,
): Promise<{ ok: true }> {
  await claimOrRefuse(
    db,
    [
      { key: `reset:${email}`, limit: RESET_REQUESTS_PER_ACCOUNT },
      { key: `reset-addr:${clientAddress}`, limit: THROTTLE.perAddress },
    ],
    "auth.resetThrottled",
  );
  const token = newSessionToken();
  await db.transaction().execute(async (trx) => {
    const account = await findResettableAccount(trx, email);
    if (!account) return;
    await insertPasswordReset(trx, account.id, hashSessionToken(token));
    const until = new Intl.DateTimeFormat("fr-FR", {
      timeZone: "Europe/Paris",
      dateStyle: "short",
      timeStyle: "short",
    }).format(new Date(Date.now() + PASSWORD_RESET_MINUTES * 60_000));
    await queueMail(trx, mail.jobs, {
      kind: "password-reset",
      to: account.email,
      locale: account.locale,
      // In the fragment: never sent to a server, so the secret stays out of logs and Referer headers.
      content: passwordResetMessage(account.locale, {
        name: account.name,
        url: `${mail.publicUrl}/nouveau-mot-de-passe#${token}`,
        until,
      }),
    });
  });
  return { ok: true };
}

/**
 * Sets the new password from a link: once, within the hour, for an account still active. Every
 * session of the account ends in the same transaction (on every instance, through the session
 * trigger), every other open link is used up, and an administrator's "new password required" is met.
 */
export async function resetPassword(db: Kysely<Database>, token: string, password: string): Promise<{ ok: true }> {
  // The schema judged the password alone; built on the account's own name or e-mail, it is weak too.
  // An unknown link stops here, before any hashing: junk tokens cost no scrypt work.
  const account = await findPasswordResetAccount(db, hashSessionToken(token));
  if (!account) throw new DomainError("NOT_FOUND", "passwordReset.invalid");
  const verdict = await judgePassword(password, [account.email, account.name]);
  if (!verdict.acceptable) throw fieldError("password", verdict.reason ?? "password.weak");
  // Hashed before the transaction: scrypt takes a while and must not hold the row lock.
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const reset = await lockPasswordReset(trx, hashSessionToken(token));
    if (!reset || reset.disabled) throw new DomainError("NOT_FOUND", "passwordReset.invalid");
    if (reset.usedAt) throw new DomainError("PRECONDITION_FAILED", "passwordReset.used");
    if (reset.expired) throw new DomainError("PRECONDITION_FAILED", "passwordReset.expired");
    await setPasswordHash(trx, reset.userId, passwordHash);
    await useUpPasswordResets(trx, reset.userId);
    const sessionsEnded = await deleteUserSessions(trx, reset.userId);
    await recordAudit(trx, {
      entityType: "user",
      entityId: reset.userId,
      action: "password_reset",
      actorId: reset.userId,
      before: null,
      after: { sessionsEnded },
    });
    return { ok: true as const };
  });
}
