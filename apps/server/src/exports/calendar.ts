import { ACTION_KINDS, cursorSchema, type TimelineKind, timelineKindLabels } from "@trame/core";
import { type Database, type Kysely, readTimeline, type TimelineEntry, type TimelineViewer } from "@trame/db";
import ical from "ical-generator";
import { entryDetailFr } from "./timeline-csv.ts";

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

function description(entry: TimelineEntry): string {
  const lines = [
    entryDetailFr(entry),
    `Coopération : ${entry.cooperation.name}`,
    entry.project ? `Projet : ${entry.project.title}` : "",
    entry.territories.length ? `Territoires : ${entry.territories.map((t) => t.name).join(", ")}` : "",
  ];
  return lines.filter(Boolean).join("\n");
}

function nextDay(isoDate: string): Date {
  const day = new Date(`${isoDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

/**
 * An RFC 5545 calendar of all-day events. Dates are given as UTC midnights, which ical-generator
 * writes as `VALUE=DATE` from their UTC fields: the day stays the day whatever the server's zone.
 * The UID is the entry's id, so an edited action updates its event instead of adding another.
 */
export function buildCalendar(territory: { name: string }, entries: readonly TimelineEntry[]): string {
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
      summary: `${timelineKindLabels[entry.kind].fr} : ${entry.title}`,
      description: description(entry),
    });
  }
  return calendar.toString();
}
