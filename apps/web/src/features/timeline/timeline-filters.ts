import { dateSchema, idSchema, type Theme, type TimelineKind, themeSchema, timelineKindSchema } from "@trame/core";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

export interface TimelineFilterValues {
  kinds: TimelineKind[];
  themes: Theme[];
  partnerTerritoryId: string | null;
  from: string | null;
  to: string | null;
}

/** French parameter names, like the rest of the app's addresses (`?q=&type=`). */
const PARAMS = { kinds: "types", themes: "themes", partnerTerritoryId: "partenaire", from: "du", to: "au" } as const;

function listFrom<T>(raw: string | null, parse: (part: string) => T | null): T[] {
  const values = (raw ?? "").split(",").flatMap((part) => {
    const value = parse(part.trim());
    return value === null ? [] : [value];
  });
  return [...new Set(values)];
}

function parsed<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }) {
  return (value: unknown): T | null => {
    const result = schema.safeParse(value);
    return result.success ? result.data : null;
  };
}

const kindOf = parsed(timelineKindSchema);
const themeOf = parsed(themeSchema);
const idOf = parsed(idSchema);
const dateOf = parsed(dateSchema);

/** Filters as the address holds them; anything altered by hand is dropped rather than sent to the server. */
export function filtersFrom(params: URLSearchParams): TimelineFilterValues {
  const from = dateOf(params.get(PARAMS.from));
  const to = dateOf(params.get(PARAMS.to));
  return {
    kinds: listFrom(params.get(PARAMS.kinds), kindOf),
    themes: listFrom(params.get(PARAMS.themes), themeOf),
    partnerTerritoryId: idOf(params.get(PARAMS.partnerTerritoryId)),
    from,
    // A period that ends before it starts matches nothing and the CSV export refuses it: keep the start only.
    to: from && to && to < from ? null : to,
  };
}

export function activeFilterCount(filters: TimelineFilterValues): number {
  return (
    (filters.kinds.length ? 1 : 0) +
    (filters.themes.length ? 1 : 0) +
    (filters.partnerTerritoryId ? 1 : 0) +
    (filters.from || filters.to ? 1 : 0)
  );
}

/** The filters of the one timeline on the page, kept in the address so a reload or a shared link shows the same. */
export function useTimelineFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFrom(params), [params]);

  const update = useCallback(
    (changes: Partial<TimelineFilterValues>) => {
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            const name = PARAMS[key as keyof TimelineFilterValues];
            const text = Array.isArray(value) ? value.join(",") : (value ?? "");
            if (text) next.set(name, text);
            else next.delete(name);
          }
          return next;
        },
        // The filters sit far down the page: a filter change must not jump back to the top.
        { replace: true, preventScrollReset: true },
      );
    },
    [setParams],
  );

  const reset = useCallback(
    () => update({ kinds: [], themes: [], partnerTerritoryId: null, from: null, to: null }),
    [update],
  );

  return { filters, update, reset };
}

/** The filters as the API and the CSV export take them (absent rather than empty). */
export function apiFilters(filters: TimelineFilterValues) {
  return {
    ...(filters.kinds.length ? { kinds: filters.kinds } : {}),
    ...(filters.themes.length ? { themes: filters.themes } : {}),
    ...(filters.partnerTerritoryId ? { partnerTerritoryId: filters.partnerTerritoryId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}
