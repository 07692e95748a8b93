/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, in UTC so no time zone moves a day. The rules get
 * their reference day from the caller: nothing here reads the clock.
 */

const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  return Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/** Same day `months` later (or earlier); the 31st becomes the last day of a shorter month. */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(day, lastDay)));
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  const months =
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
  return Number(to.slice(8, 10)) < Number(from.slice(8, 10)) ? months - 1 : months;
}

export function minDate(dates: ReadonlyArray<string | null | undefined>): string | null {
  let min: string | null = null;
  for (const date of dates) if (date && (min === null || date < min)) min = date;
  return min;
}

export function maxDate(dates: ReadonlyArray<string | null | undefined>): string | null {
  let max: string | null = null;
  for (const date of dates) if (date && (max === null || date > max)) max = date;
  return max;
}

export function within(date: string, from: string, to: string): boolean {
  return date >= from && date <= to;
}

export interface CalendarPeriod {
  label: string;
  from: string;
  to: string;
}

/** The calendar quarters that overlap [from, to], clipped to it, labelled `2025-T1` (trimestre). */
export function quartersBetween(from: string, to: string): CalendarPeriod[] {
  const periods: CalendarPeriod[] = [];
  if (to < from) return periods;
  let year = Number(from.slice(0, 4));
  let quarter = Math.floor((Number(from.slice(5, 7)) - 1) / 3);
  for (;;) {
    const start = fromUtc(Date.UTC(year, quarter * 3, 1));
    if (start > to) break;
    const end = fromUtc(Date.UTC(year, quarter * 3 + 3, 0));
    periods.push({ label: `${year}-T${quarter + 1}`, from: start < from ? from : start, to: end > to ? to : end });
    quarter += 1;
    if (quarter === 4) {
      quarter = 0;
      year += 1;
    }
  }
  return periods;
}

/** The last `count` calendar years up to `to`'s, not before `from`'s, clipped to [from, to]. */
export function yearsUpTo(from: string, to: string, count: number): CalendarPeriod[] {
  const last = Number(to.slice(0, 4));
  const first = Math.max(last - count + 1, Number(from.slice(0, 4)));
  const periods: CalendarPeriod[] = [];
  for (let year = first; year <= last; year += 1) {
    const start = `${year}-01-01`;
    const end = `${year}-12-31`;
    periods.push({ label: String(year), from: start < from ? from : start, to: end > to ? to : end });
  }
  return periods;
}
