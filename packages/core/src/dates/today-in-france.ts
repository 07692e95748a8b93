import { dateTimeFormat } from "../format/intl-formats.ts";

/** Dates in Trame are French calendar days, whatever the server's or the browser's time zone. */
export function todayInFrance(now: Date = new Date()): string {
  return dateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}
