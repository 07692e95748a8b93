import { type Actor, DomainError, notFound } from "@trame/core";
import {
  type AccountState,
  type Database,
  deleteUserSessions,
  getAccountState,
  type Kysely,
  setAccountDisabled,
  setPasswordChangeRequired,
} from "@trame/db";
import { auditedWrite } from "./audited-write.ts";

const USER = { fr: "Utilisateur", en: "User" };

/**
 * Instance administrators manage every account; a territory's administrators manage only people who
 * belong to nothing but territories they administer (someone shared with another territory is that
 * territory's business too), and never an instance administrator.
 */
export function canAdministerAccount(actor: Actor, target: AccountState): boolean {
  if (actor.isInstanceAdmin) return true;
  if (target.isInstanceAdmin || target.territoryIds.length === 0) return false;
  const administered = new Set(actor.memberships.filter((m) => m.role === "admin").map((m) => m.territoryId));
  return target.territoryIds.every((id) => administered.has(id));
}

type AccountChange = "disabled" | "enabled" | "sessions_ended" | "password_change_required";

/**
 * Every change ends the account's sessions in the same transaction (except re-enabling, which has
 * none): the trigger of migration 000007 tells every instance, whose caches and live streams drop them.
 */
export function changeAccount(db: Kysely<Database>, actor: Actor, userId: string, change: AccountChange) {
  return auditedWrite(db, actor.userId, async (trx) => {
    const before = await getAccountState(trx, userId);
    if (!before) throw notFound(USER);
    if (!canAdministerAccount(actor, before)) throw new DomainError("FORBIDDEN", "forbidden.accountAdministration");
    if (change === "disabled" && userId === actor.userId) throw new DomainError("BAD_REQUEST", "account.self");
    if (change === "disabled" || change === "enabled") await setAccountDisabled(trx, userId, change === "disabled");
    if (change === "password_change_required") await setPasswordChangeRequired(trx, userId);
    const endedSessions = change === "enabled" ? 0 : await deleteUserSessions(trx, userId);
    const after = await getAccountState(trx, userId);
    return {
      target: { entityType: "user", entityId: userId, action: change },
      before,
      after: { ...after, endedSessions },
      result: { userId, disabled: after?.disabled ?? false, endedSessions },
    };
  });
}
