export type ActivityGrain = "year" | "quarter";

export interface ActivityBucket {
  /** "2024" or "2024-Q3": stable, sortable. */
  key: string;
  year: number;
  /** 1 to 4 when grouped by quarter. */
  quarter: number | null;
  count: number;
}

function bucketKey(year: number, quarter: number | null): string {
  return quarter === null ? String(year) : `${year}-Q${quarter}`;
}

/**
 * Entries per year or quarter, oldest first, with the empty periods in between kept at zero:
 * a quiet year is information, and a gap in the axis would hide it.
 */
export function activityBuckets(dates: readonly string[], grain: ActivityGrain): ActivityBucket[] {
  if (dates.length === 0) return [];
  const counts = new Map<string, number>();
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const date of dates) {
    const year = Number(date.slice(0, 4));
    const quarter = grain === "quarter" ? Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1 : null;
    // Periods counted as year * 4 + quarter index, so years and quarters share one loop below.
    const ordinal = year * 4 + (quarter ?? 1) - 1;
    first = Math.min(first, ordinal);
    last = Math.max(last, ordinal);
    const key = bucketKey(year, quarter);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const buckets: ActivityBucket[] = [];
  const step = grain === "quarter" ? 1 : 4;
  for (let ordinal = first; ordinal <= last; ordinal += step) {
    const year = Math.floor(ordinal / 4);
    const quarter = grain === "quarter" ? (ordinal % 4) + 1 : null;
    const key = bucketKey(year, quarter);
    buckets.push({ key, year, quarter, count: counts.get(key) ?? 0 });
  }
  return buckets;
}

/** The busiest period; the most recent one on a tie, since it is the one readers care about. */
export function busiest(buckets: readonly ActivityBucket[]): ActivityBucket | null {
  let best: ActivityBucket | null = null;
  for (const bucket of buckets) if (!best || bucket.count >= best.count) best = bucket;
  return best;
}
