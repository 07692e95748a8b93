import { randomBytes } from "node:crypto";
import { type Actor, type DecideAccessRequestInput, DomainError, notFound } from "@trame/core";
import {
  closeAccessRequest,
  type Database,
  findActiveUserIdByEmail,
  insertUser,
  type Kysely,
  lockAccessRequest,
  recordAudit,
  upsertMembership,
} from "@trame/db";
import { hashPassword } from "../auth/password.ts";

const ACCESS_REQUEST = { fr: "Demande d'accès", en: "Access request" };

function administers(actor: Actor, territoryId: string): boolean {
  return actor.isInstanceAdmin || actor.memberships.some((m) => m.territoryId === territoryId && m.role === "admin");
}

/**
 * Accepting makes the account if the e-mail has none (it signs in with ProConnect; its password is
 * random and unknown to anyone) and gives the chosen role on the territory; refusing only closes the
 * request. The request row is locked, so two administrators deciding at once write it once. The same
 * decision sent again (a retry after a lost answer) returns what was decided and writes nothing; a
 * different one is refused with the reason.
 */
export async function decideAccessRequest(db: Kysely<Database>, actor: Actor, input: DecideAccessRequestInput) {
  // Hashed outside the transaction: scrypt takes a while and must not hold the row lock.
  const unusablePassword = input.decision === "accept" ? await hashPassword(randomBytes(32).toString("base64url")) : "";
  return db.transaction().execute(async (trx) => {
    const request = await lockAccessRequest(trx, input.id);
    // Someone who does not administer the territory learns nothing about its requests.
    if (!request || !administers(actor, request.territoryId)) throw notFound(ACCESS_REQUEST);
    const role = input.decision === "accept" ? input.role : null;
    if (request.status !== "pending") {
      const same = request.status === (role ? "accepted" : "refused") && request.role === role;
      if (!same) throw new DomainError("CONFLICT", "accessRequest.decided");
      return { id: request.id, status: request.status, role: request.role, userId: request.userId };
    }
    let userId: string | null = null;
    if (role) {
      userId =
        (await findActiveUserIdByEmail(trx, request.email)) ??
        (
          await insertUser(trx, {
            email: request.email,
            name: request.name,
            passwordHash: unusablePassword,
            isInstanceAdmin: false,
          })
        ).id;
      await upsertMembership(trx, { userId, territoryId: request.territoryId, role });
    }
    const status = role ? "accepted" : "refused";
    await closeAccessRequest(trx, { id: request.id, status, role, decidedBy: actor.userId, userId });
    await recordAudit(trx, {
      entityType: "access_request",
      entityId: request.id,
      action: status,
      actorId: actor.userId,
      before: { status: request.status },
      after: { status, role, userId },
    });
    return { id: request.id, status, role, userId };
  });
}
