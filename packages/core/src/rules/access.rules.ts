import { type MembershipRole, roleAtLeast } from "../enums/membership-role.ts";

/** Who is acting, as stored: the memberships come from the database, never from a request. */
export interface Actor {
  userId: string;
  isInstanceAdmin: boolean;
  memberships: ReadonlyArray<{ territoryId: string; role: MembershipRole }>;
}

export function hasTerritoryRole(actor: Actor, territoryId: string, needed: MembershipRole): boolean {
  if (actor.isInstanceAdmin) return true;
  return actor.memberships.some((m) => m.territoryId === territoryId && roleAtLeast(m.role, needed));
}

/** True when the actor has at least `needed` in one of the given territories. */
export function hasRoleInAny(actor: Actor, territoryIds: Iterable<string>, needed: MembershipRole): boolean {
  if (actor.isInstanceAdmin) return true;
  const ids = new Set(territoryIds);
  return actor.memberships.some((m) => ids.has(m.territoryId) && roleAtLeast(m.role, needed));
}

/**
 * Network data (network projects, timelines, exports…) is read by people who belong somewhere: an
 * account with no current membership (someone who left, or not yet attached) sees only its own account.
 */
export function belongsSomewhere(actor: Actor): boolean {
  return actor.isInstanceAdmin || actor.memberships.length > 0;
}
