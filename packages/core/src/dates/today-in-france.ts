/** Dates in Trame are French calendar days, whatever the server's or the browser's time zone. */
export function todayInFrance(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(now);
}
