import { type Actor, hasRoleInAny, hasTerritoryRole } from "./access.rules.ts";

/** Current members only: a territory that left no longer speaks for the cooperation. */
export interface StoredMember {
  territoryId: string;
  leftOn: string | null;
}

function currentIds(members: readonly StoredMember[]): string[] {
  return members.filter((m) => m.leftOn === null).map((m) => m.territoryId);
}

/** Creating a cooperation commits its lead territory, so the actor must edit for that territory. */
export function canCreateCooperation(actor: Actor, leadTerritoryId: string): boolean {
  return hasTerritoryRole(actor, leadTerritoryId, "editor");
}

/** Editors of any current member edit the description, narrative, engineering and themes. */
export function canEditCooperation(actor: Actor, members: readonly StoredMember[]): boolean {
  return hasRoleInAny(actor, currentIds(members), "editor");
}

/** Membership, engagement form and archiving commit every member: admins of a member only (ARCHITECTURE §5). */
export function canAdministerCooperation(actor: Actor, members: readonly StoredMember[]): boolean {
  return hasRoleInAny(actor, currentIds(members), "admin");
}
