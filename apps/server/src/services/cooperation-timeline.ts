import type { EngagementForm, EventKind } from "@trame/core";
import { type CooperationDetail, type Database, insertTimelineEntry, type Kysely } from "@trame/db";

/** The cooperation's current members, plus any territory the event is about (one that just left). */
function involved(cooperation: CooperationDetail, extra: readonly string[] = []): string[] {
  return [...cooperation.members.filter((m) => m.leftOn === null).map((m) => m.territory.id), ...extra];
}

interface CooperationEvent {
  kind: EventKind;
  occurredOn: string;
  /** The subject's name as it is now (kept if it is renamed); the sentence is worded at read time. */
  title: string;
  /** Structured facts, so each language can word the entry itself (core `timelineEntryTitle`). */
  detail: Record<string, unknown>;
  extraTerritoryIds?: readonly string[];
}

/** Writes the event on the timelines of the cooperation and of its members, in the caller's transaction. */
export async function recordCooperationEvent(
  trx: Kysely<Database>,
  cooperation: CooperationDetail,
  event: CooperationEvent,
): Promise<void> {
  await insertTimelineEntry(trx, {
    occurredOn: event.occurredOn,
    kind: event.kind,
    title: event.title,
    detail: event.detail,
    cooperationId: cooperation.id,
    territoryIds: involved(cooperation, event.extraTerritoryIds),
  });
}

export const cooperationEvents = {
  memberJoined: (territory: { id: string; name: string }, on: string): CooperationEvent => ({
    kind: "member_joined",
    occurredOn: on,
    title: territory.name,
    detail: { territory },
  }),
  memberLeft: (territory: { id: string; name: string }, on: string): CooperationEvent => ({
    kind: "member_left",
    occurredOn: on,
    title: territory.name,
    detail: { territory },
    extraTerritoryIds: [territory.id],
  }),
  formChanged: (from: EngagementForm, to: EngagementForm, on: string, note: string): CooperationEvent => ({
    kind: "engagement_form_changed",
    occurredOn: on,
    title: "",
    detail: { from, to, note },
  }),
  narrativeAdopted: (on: string): CooperationEvent => ({
    kind: "narrative_adopted",
    occurredOn: on,
    title: "",
    detail: {},
  }),
};
