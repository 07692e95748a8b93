import { type Actor, type DetachEntryInput, DomainError } from "@trame/core";
import { type Database, detachEntryTerritory, type Kysely } from "@trame/db";
import { auditedWrite } from "./audited-write.ts";

/**
 * A territory named on an entry by someone else removes itself from it (the router has checked the
 * actor edits for that territory). Audited; the entry stays on the other territories' timelines.
 */
export function detachTerritoryFromEntry(
  db: Kysely<Database>,
  actor: Actor,
  input: DetachEntryInput,
): Promise<{ entryId: string; territoryIds: string[] }> {
  return auditedWrite(db, actor.userId, async (trx) => {
    const detached = await detachEntryTerritory(trx, input.entryId, input.territoryId);
    if (!detached) throw new DomainError("NOT_FOUND", "timeline.notNamed");
    return {
      target: { entityType: "timeline_entry", entityId: input.entryId, action: "territory_detached" },
      before: { territoryId: input.territoryId },
      after: { territoryIds: detached.territoryIds },
      result: { entryId: input.entryId, territoryIds: detached.territoryIds },
    };
  });
}
