import type { Actor } from "@trame/core";
import type { Viewer } from "@trame/db";

/** Reads are filtered by every territory the user belongs to, whatever the role (viewers read too). */
export function viewerOf(actor: Actor): Viewer {
  return { isInstanceAdmin: actor.isInstanceAdmin, territoryIds: actor.memberships.map((m) => m.territoryId) };
}
