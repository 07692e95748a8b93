import { type Database, insertTimelineEntry, type Kysely } from "@trame/db";
import { DEMO_COOPERATION_LIFE } from "./demo-cooperation-life.data.ts";

/**
 * Narrative, engineering and steering meetings of a few demo cooperations. Idempotent: a narrative
 * or engineering already recorded is never overwritten, a meeting is keyed by (cooperation, date, title).
 */
export async function seedCooperationLife(
  trx: Kysely<Database>,
  territoryIdBySiren: (siren: string) => string,
): Promise<void> {
  for (const life of DEMO_COOPERATION_LIFE) {
    const cooperation = await trx
      .selectFrom("cooperations")
      .select(["id", "narrative_text", "engineering_provider_id"])
      .where("external_ref", "=", life.cooperation)
      .executeTakeFirst();
    if (!cooperation) continue;
    const members = await trx
      .selectFrom("cooperation_members")
      .select("territory_id")
      .where("cooperation_id", "=", cooperation.id)
      .where("left_on", "is", null)
      .execute();
    const territoryIds = members.map((m) => m.territory_id);

    if (life.narrative && cooperation.narrative_text === "") {
      await trx
        .updateTable("cooperations")
        .set({ narrative_text: life.narrative.text, narrative_adopted_on: life.narrative.adoptedOn })
        .where("id", "=", cooperation.id)
        .execute();
      await insertTimelineEntry(trx, {
        occurredOn: life.narrative.adoptedOn,
        kind: "narrative_adopted",
        title: "Adoption du récit commun",
        cooperationId: cooperation.id,
        territoryIds,
      });
    }
    if (life.engineering && cooperation.engineering_provider_id === null) {
      await trx
        .updateTable("cooperations")
        .set({
          engineering_provider_id: territoryIdBySiren(life.engineering.providerSiren),
          engineering_fte: life.engineering.fte,
          engineering_kind: life.engineering.kind,
        })
        .where("id", "=", cooperation.id)
        .execute();
    }
    for (const meeting of life.meetings) {
      const exists = await trx
        .selectFrom("actions")
        .select("id")
        .where("cooperation_id", "=", cooperation.id)
        .where("occurred_on", "=", meeting.on)
        .where("title", "=", meeting.title)
        .executeTakeFirst();
      if (exists) continue;
      const { id } = await trx
        .insertInto("actions")
        .values({
          cooperation_id: cooperation.id,
          occurred_on: meeting.on,
          kind: "meeting",
          title: meeting.title,
          is_demo: true,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      await insertTimelineEntry(trx, {
        occurredOn: meeting.on,
        kind: "meeting",
        title: meeting.title,
        cooperationId: cooperation.id,
        actionId: id,
        territoryIds,
      });
    }
  }
}
