import { type Actor, belongsSomewhere, DomainError } from "@trame/core";

/** Instance-wide administration (users, other public bodies, neighbour links). */
export function requireInstanceAdmin(actor: Actor): void {
  if (!actor.isInstanceAdmin) throw new DomainError("FORBIDDEN", "forbidden.instanceAdmin");
}

/**
 * The territories whose people the actor manages: null for an instance administrator (all of them),
 * otherwise those they administer. Anyone else has no business in the account list.
 */
export function requireUserAdministration(actor: Actor): string[] | null {
  if (actor.isInstanceAdmin) return null;
  const administered = actor.memberships.filter((m) => m.role === "admin").map((m) => m.territoryId);
  if (administered.length === 0) throw new DomainError("FORBIDDEN", "forbidden.userAdministration");
  return administered;
}

/**
 * What every read and write outside `auth.*` asks of a signed-in account, over tRPC and plain HTTP
 * alike: no new password pending, and at least one current membership (network data is for members).
 */
export function requireReader(actor: Actor, passwordChangeRequired: boolean): void {
  if (passwordChangeRequired) throw new DomainError("FORBIDDEN", "auth.passwordChangeRequired");
  if (!belongsSomewhere(actor)) throw new DomainError("FORBIDDEN", "forbidden.noMembership");
}
