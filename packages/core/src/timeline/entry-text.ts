import { ACTION_KINDS, type TimelineKind } from "../enums/action-kind.ts";
import { engagementFormLabels, engagementFormSchema } from "../enums/engagement-form.ts";
import { type ApplicationStatus, applicationStatusSchema } from "../enums/funding.ts";
import type { Label, Locale } from "../enums/label.ts";
import { projectStatusLabels, projectStatusSchema } from "../enums/project.ts";
import { formatEurosIn } from "../rules/funding-application.rules.ts";

/**
 * What a timeline entry holds: its kind, the subject's own words (an action's or a project's title,
 * as typed, in whatever language it was typed) and the structured facts of the event. Sentences
 * are not stored: each reader's language words them here, for the screen, the CSV and the calendar.
 */
export interface TimelineFacts {
  kind: TimelineKind;
  title: string;
  detail: Record<string, unknown>;
}

type Parsed<T> = { success: true; data: T } | { success: false };

function labelOf<T extends string>(
  schema: { safeParse(value: unknown): Parsed<T> },
  labels: Record<T, Label>,
  value: unknown,
  locale: Locale,
): string | null {
  const parsed = schema.safeParse(value);
  return parsed.success ? labels[parsed.data][locale] : null;
}

function text(value: unknown): string {
  return typeof value === "string" ? value.trim() : "";
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
}

function cents(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** "Label : value" in French, "Label: value" in English (the French space as in titles stored before). */
function colon(locale: Locale): string {
  return locale === "fr" ? " : " : ": ";
}

/** How a funding step is named, after the programme (e.g. « demande accordée »). */
const STEP_NAMES: Record<ApplicationStatus, Label> = {
  draft: { fr: "demande en préparation", en: "application being prepared" },
  submitted: { fr: "demande déposée", en: "application filed" },
  under_review: { fr: "demande en instruction", en: "application under review" },
  granted: { fr: "demande accordée", en: "application granted" },
  rejected: { fr: "demande refusée", en: "application refused" },
  withdrawn: { fr: "demande retirée", en: "application withdrawn" },
  closed: { fr: "demande soldée", en: "application closed" },
};

const SENTENCES = {
  memberJoined: {
    fr: (name: string) => `${name} rejoint la coopération`,
    en: (name: string) => `${name} joins the cooperation`,
  },
  memberLeft: {
    fr: (name: string) => `${name} quitte la coopération`,
    en: (name: string) => `${name} leaves the cooperation`,
  },
  formChanged: { fr: "Nouvelle forme d'engagement", en: "New engagement form" },
  narrativeAdopted: { fr: "Adoption du récit commun", en: "Shared narrative adopted" },
  documentAdded: { fr: "Document ajouté", en: "Document added" },
  attachedTo: {
    fr: (action: string) => `Joint à l'action « ${action} »`,
    en: (action: string) => `Attached to the action “${action}”`,
  },
};

/**
 * "Fonds vert : demande accordée (120 000 €)" / "Fonds vert: application granted (€120,000)": the
 * amount is the one the step is about, granted once granted or closed, requested before.
 */
export function fundingStepTitle(
  programme: string,
  to: ApplicationStatus,
  amounts: { requestedCents: number | null; grantedCents: number | null },
  locale: Locale,
): string {
  const step = STEP_NAMES[to][locale];
  const amount =
    (to === "granted" || to === "closed") && amounts.grantedCents !== null
      ? amounts.grantedCents
      : amounts.requestedCents;
  const euros = amount === null ? "" : ` (${formatEurosIn(amount, locale)})`;
  return `${programme}${colon(locale)}${step}${euros}`;
}

const ACTION_KIND_SET: ReadonlySet<string> = new Set(ACTION_KINDS);

/**
 * An entry's title in `locale`. Actions and project steps keep their subject's own words; the
 * cooperation's and funding's events are worded from their facts. An entry whose facts could not be
 * recovered (written before they were stored, and not understood by the backfill) keeps its title.
 */
export function timelineEntryTitle(entry: TimelineFacts, locale: Locale): string {
  const { detail } = entry;
  if (ACTION_KIND_SET.has(entry.kind) || entry.kind === "project_status") return entry.title;
  switch (entry.kind) {
    case "member_joined":
    case "member_left": {
      const name = text(record(detail.territory).name);
      if (!name) return entry.title;
      return (entry.kind === "member_joined" ? SENTENCES.memberJoined : SENTENCES.memberLeft)[locale](name);
    }
    case "engagement_form_changed": {
      const to = labelOf(engagementFormSchema, engagementFormLabels, detail.to, locale);
      return to ? `${SENTENCES.formChanged[locale]}${colon(locale)}${to}` : entry.title;
    }
    case "narrative_adopted":
      return SENTENCES.narrativeAdopted[locale];
    case "document_added": {
      const name = text(record(detail.document).name);
      return name ? `${SENTENCES.documentAdded[locale]}${colon(locale)}${name}` : entry.title;
    }
    case "funding_status": {
      const programme = record(detail.programme);
      const name = text(programme.acronym) || text(programme.name);
      const to = applicationStatusSchema.safeParse(detail.to);
      if (!name || !to.success) return entry.title;
      const amounts = record(detail.amounts);
      return fundingStepTitle(
        name,
        to.data,
        { requestedCents: cents(amounts.requestedCents), grantedCents: cents(amounts.grantedCents) },
        locale,
      );
    }
    default:
      return entry.title;
  }
}

function withNote(move: string | null, note: string): string {
  if (!move) return note;
  return note ? `${move} — ${note}` : move;
}

/**
 * What an entry's facts say beyond its title, in `locale`: the statuses or forms it moved between
 * with the comment given, an action's notes, a funding step's comment. One wording for the screen,
 * the CSV's « Détail » column and the calendar's description.
 */
export function timelineEntryDetail(entry: Pick<TimelineFacts, "kind" | "detail">, locale: Locale): string {
  const { detail } = entry;
  if (ACTION_KIND_SET.has(entry.kind)) return text(detail.notes);
  switch (entry.kind) {
    case "project_status": {
      const from = labelOf(projectStatusSchema, projectStatusLabels, detail.from, locale);
      const to = labelOf(projectStatusSchema, projectStatusLabels, detail.to, locale);
      return withNote(to && (from ? `${from} → ${to}` : to), text(detail.comment));
    }
    case "engagement_form_changed": {
      const from = labelOf(engagementFormSchema, engagementFormLabels, detail.from, locale);
      const to = labelOf(engagementFormSchema, engagementFormLabels, detail.to, locale);
      return withNote(to && (from ? `${from} → ${to}` : to), text(detail.note));
    }
    case "funding_status":
      return text(detail.comment);
    case "document_added": {
      const action = text(record(detail.action).title);
      return action ? SENTENCES.attachedTo[locale](action) : "";
    }
    default:
      return "";
  }
}

/** The document an entry announces, for a download link; null for every other kind of entry. */
export function timelineEntryDocument(
  entry: Pick<TimelineFacts, "kind" | "detail">,
): { id: string; name: string } | null {
  if (entry.kind !== "document_added") return null;
  const document = record(entry.detail.document);
  const id = text(document.id);
  const name = text(document.name);
  return id && name ? { id, name } : null;
}

/** The entry with its title worded for `locale` (what the API and exports hand out). */
export function localizeTimelineEntry<T extends TimelineFacts>(entry: T, locale: Locale): T {
  return { ...entry, title: timelineEntryTitle(entry, locale) };
}
