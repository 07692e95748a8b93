import { z } from "zod";
import type { Label } from "./label.ts";

export const ACTION_KINDS = [
  "meeting",
  "decision",
  "signature",
  "workshop",
  "study",
  "milestone",
  "public_event",
  "field_visit",
  "communication",
  "other",
] as const;
export const actionKindSchema = z.enum(ACTION_KINDS);
export type ActionKind = z.infer<typeof actionKindSchema>;
export const actionKindLabels: Record<ActionKind, Label> = {
  meeting: { fr: "Réunion", en: "Meeting" },
  decision: { fr: "Décision / délibération", en: "Decision" },
  signature: { fr: "Signature", en: "Signature" },
  workshop: { fr: "Atelier", en: "Workshop" },
  study: { fr: "Étude", en: "Study" },
  milestone: { fr: "Jalon", en: "Milestone" },
  public_event: { fr: "Événement public", en: "Public event" },
  field_visit: { fr: "Visite de terrain", en: "Field visit" },
  communication: { fr: "Communication", en: "Communication" },
  other: { fr: "Autre", en: "Other" },
};

/** Entries of a timeline that are not joint actions: the recorded life of projects and cooperations. */
export const EVENT_KINDS = [
  "project_status",
  "member_joined",
  "member_left",
  "engagement_form_changed",
  "narrative_adopted",
  "funding_status",
  "document_added",
] as const;
export const TIMELINE_KINDS = [...ACTION_KINDS, ...EVENT_KINDS] as const;
export const timelineKindSchema = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof timelineKindSchema>;
export type EventKind = (typeof EVENT_KINDS)[number];
export const timelineKindLabels: Record<TimelineKind, Label> = {
  ...actionKindLabels,
  project_status: { fr: "Étape de projet", en: "Project status" },
  member_joined: { fr: "Adhésion", en: "Member joined" },
  member_left: { fr: "Départ d'un membre", en: "Member left" },
  engagement_form_changed: { fr: "Changement de forme", en: "Engagement form changed" },
  narrative_adopted: { fr: "Récit commun adopté", en: "Shared narrative adopted" },
  funding_status: { fr: "Financement", en: "Funding" },
  document_added: { fr: "Document", en: "Document" },
};
