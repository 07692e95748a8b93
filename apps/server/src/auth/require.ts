import { type Actor, DomainError } from "@trame/core";

/** Instance-wide administration (users, other public bodies, neighbour links). */
export function requireInstanceAdmin(actor: Actor): void {
  if (!actor.isInstanceAdmin) throw new DomainError("FORBIDDEN", "forbidden.instanceAdmin");
}
