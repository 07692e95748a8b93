import {
  ACTION_KINDS,
  addDays,
  applicationStatusLabels,
  cursorSchema,
  deadlineKindLabels,
  type Label,
  type Locale,
  type TimelineKind,
  timelineEntryDetail,
  timelineEntryTitle,
  timelineKindLabels,
} from "@trame/core";
import {
  type Database,
  type Deadline,
  type Kysely,
  listDeadlines,
  readTimeline,
  type TimelineEntry,
  type TimelineViewer,
} from "@trame/db";
import ical from "ical-generator";

/**
 * What belongs in an agenda: the joint actions and the projects' steps. Membership and
 * engagement-form changes are records of the cooperation's life, not appointments.
 */
export const CALENDAR_KINDS: readonly TimelineKind[] = [...ACTION_KINDS, "project_status"];

/** Calendar apps poll the whole feed each time; the newest entries matter, old ones can go. */
const MAX_EVENTS = 5_000;
const PAGE_SIZE = 500;
/** Asks subscribing apps to refresh hourly rather than at their own (sometimes daily) pace. */
const REFRESH_SECONDS = 60 * 60;

/** The route the raw token travels on; built in one place so the router and the HTTP route agree. */
export function calendarPath(token: string): string {
  return `/api/calendar/${token}.ics`;
}

/** The territory's dated entries that `viewer` may see, newest first, within MAX_EVENTS. */
export async function readCalendarEntries(
  db: Kysely<Database>,
  territoryId: string,
  viewer: TimelineViewer,
): Promise<TimelineEntry[]> {
  const entries: TimelineEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await readTimeline(
      db,
      { territoryId },
      {
        kinds: [...CALENDAR_KINDS],
        limit: PAGE_SIZE,
        cursor: cursor === null ? undefined : cursorSchema.parse(cursor),
      },
      viewer,
    );
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && entries.length < MAX_EVENTS);
  return entries.slice(0, MAX_EVENTS);
}

/**
 * The territory's deadlines still open from a year back to a year ahead: a draft not filed or an aid
 * not spent stays on its day until it is dealt with, then leaves the feed.
 */
export function readCalendarDeadlines(
  db: Kysely<Database>,
  territoryId: string,
  viewer: TimelineViewer,
  today: string,
): Promise<Deadline[]> {
  return listDeadlines(
    db,
    {
      territoryIds: [territoryId],
      since: addDays(today, -365),
      until: addDays(today, 365),
      order: "asc",
      limit: 1_000,
    },
    viewer,
  );
}

/** Stable per application (or project) and kind, so a moved deadline moves its event. */
export function deadlineUid(deadline: Deadline): string {
  return `deadline-${deadline.application?.id ?? deadline.project.id}-${deadline.kind}@trame`;
}

/** The words of the feed's descriptions, in the feed owner's language. */
const WORDS = {
  project: { fr: "Projet", en: "Project" },
  programme: { fr: "Dispositif", en: "Programme" },
  applicant: { fr: "Demandeur", en: "Applicant" },
  status: { fr: "Statut", en: "Status" },
  cooperation: { fr: "Coopération", en: "Cooperation" },
  territories: { fr: "Territoires", en: "Territories" },
} satisfies Record<string, Label>;

/** "Projet : X" in French, "Project: X" in English. */
function line(word: Label, value: string, locale: Locale): string {
  return `${word[locale]}${locale === "fr" ? " : " : ": "}${value}`;
}

function deadlineSummary(deadline: Deadline, locale: Locale): string {
  const what = deadline.application ? deadline.application.programme.name : deadline.project.title;
  return line(deadlineKindLabels[deadline.kind], what, locale);
}

function deadlineDescription(deadline: Deadline, locale: Locale): string {
  const { application } = deadline;
  const lines = [
    line(WORDS.project, deadline.project.title, locale),
    application ? line(WORDS.programme, `${application.programme.name} (${application.funder.name})`, locale) : "",
    application ? line(WORDS.applicant, application.applicant.name, locale) : "",
    application ? line(WORDS.status, applicationStatusLabels[application.status][locale], locale) : "",
  ];
  return lines.filter(Boolean).join("\n");
}

function description(entry: TimelineEntry, locale: Locale): string {
  const lines = [
    timelineEntryDetail(entry, locale),
    line(WORDS.cooperation, entry.cooperation.name, locale),
    entry.project ? line(WORDS.project, entry.project.title, locale) : "",
    entry.territories.length ? line(WORDS.territories, entry.territories.map((t) => t.name).join(", "), locale) : "",
  ];
  return lines.filter(Boolean).join("\n");
}

function nextDay(isoDate: string): Date {
  return new Date(`${addDays(isoDate, 1)}T00:00:00Z`);
}

/**
 * An RFC 5545 calendar of all-day events. Dates are given as UTC midnights, which ical-generator
 * writes as `VALUE=DATE` from their UTC fields: the day stays the day whatever the server's zone.
 * The UID is the entry's id, so an edited action updates its event instead of adding another.
 * Titles and descriptions are worded in `locale` (the feed owner's language, unless the URL asks).
 */
export function buildCalendar(
  territory: { name: string },
  entries: readonly TimelineEntry[],
  deadlines: readonly Deadline[] = [],
  locale: Locale = "fr",
): string {
  const calendar = ical({
    prodId: "//Trame//FR",
    name: `${territory.name} (Trame)`,
    ttl: REFRESH_SECONDS,
  });
  for (const entry of entries) {
    calendar.createEvent({
      id: `${entry.id}@trame`,
      allDay: true,
      start: new Date(`${entry.occurredOn}T00:00:00Z`),
      end: nextDay(entry.occurredOn),
      summary: line(timelineKindLabels[entry.kind], timelineEntryTitle(entry, locale), locale),
      description: description(entry, locale),
    });
  }
  for (const deadline of deadlines) {
    calendar.createEvent({
      id: deadlineUid(deadline),
      allDay: true,
      start: new Date(`${deadline.on}T00:00:00Z`),
      end: nextDay(deadline.on),
      summary: deadlineSummary(deadline, locale),
      description: deadlineDescription(deadline, locale),
    });
  }
  // RFC 5545 §3.1 ends every content line with CRLF, the last one included; ical-generator leaves
  // END:VCALENDAR bare, and strict clients then reject or truncate the feed.
  const text = calendar.toString();
  return text.endsWith("\r\n") ? text : `${text}\r\n`;
}
