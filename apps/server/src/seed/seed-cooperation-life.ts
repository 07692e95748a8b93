import { type Database, insertTimelineEntry, type Kysely } from "@trame/db";
import { DEMO_COOPERATION_LIFE } from "./demo-cooperation-life.data.ts";
import { demoKey } from "./demo-keys.ts";
import type { SeedMarks } from "./seed-marks.ts";

/**
 * Narrative, engineering and steering meetings of a few demo cooperations, each written once under
 * its seed key: a narrative a user has since rewritten or emptied, a meeting moved or removed, stays
 * as they left it.
 */
export async function seedCooperationLife(
  trx: Kysely<Database>,
  territoryIdBySiren: (siren: string) => string,
  marks: SeedMarks,
): Promise<void> {
  for (const life of DEMO_COOPERATION_LIFE) {
    const keys = {
      narrative: demoKey.narrative(life.cooperation),
      engineering: demoKey.engineering(life.cooperation),
    };
    const meetings = life.meetings.filter((m) => !marks.has(demoKey.meeting(life.cooperation, m.on)));
    const narrative = life.narrative && !marks.has(keys.narrative) ? life.narrative : undefined;
    const engineering = life.engineering && !marks.has(keys.engineering) ? life.engineering : undefined;
    if (!narrative && !engineering && meetings.length === 0) continue;
    const cooperation = await trx
      .selectFrom("cooperations")
      .select("id")
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

    if (narrative) {
      await trx
        .updateTable("cooperations")
        .set({ narrative_text: narrative.text, narrative_adopted_on: narrative.adoptedOn })
        .where("id", "=", cooperation.id)
        .execute();
      await insertTimelineEntry(trx, {
        occurredOn: narrative.adoptedOn,
        kind: "narrative_adopted",
        // Worded at read time in the reader's language (core timelineEntryTitle): no sentence stored.
        title: "",
        cooperationId: cooperation.id,
        territoryIds,
      });
      await marks.record(trx, keys.narrative, cooperation.id);
    }
    if (engineering) {
      await trx
        .updateTable("cooperations")
        .set({
          engineering_provider_id: territoryIdBySiren(engineering.providerSiren),
          engineering_fte: engineering.fte,
          engineering_kind: engineering.kind,
        })
        .where("id", "=", cooperation.id)
        .execute();
      await marks.record(trx, keys.engineering, cooperation.id);
    }
    for (const meeting of meetings) {
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
      await marks.record(trx, demoKey.meeting(life.cooperation, meeting.on), id);
    }
  }
}
