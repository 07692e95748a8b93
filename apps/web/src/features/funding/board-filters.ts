import { type ApplicationStatus, applicationStatusSchema, idSchema } from "@trame/core";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";

export interface BoardFilters {
  status: ApplicationStatus | null;
  territoryId: string | null;
  funderId: string | null;
  query: string;
}

/** French parameter names, like the rest of the app's addresses (`?q=&type=`). */
const PARAMS = { status: "statut", territoryId: "territoire", funderId: "financeur", query: "q" } as const;

/** The widest text the API accepts (`query` of listApplicationsInputSchema). */
const QUERY_MAX = 120;

function valid<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false } }) {
  return (value: string | null): T | null => {
    const result = schema.safeParse(value);
    return result.success ? result.data : null;
  };
}

const statusOf = valid(applicationStatusSchema);
const idOf = valid(idSchema);

/** Filters as the address holds them; anything altered by hand is dropped rather than sent to the server. */
export function boardFiltersFrom(params: URLSearchParams): BoardFilters {
  return {
    status: statusOf(params.get(PARAMS.status)),
    territoryId: idOf(params.get(PARAMS.territoryId)),
    funderId: idOf(params.get(PARAMS.funderId)),
    query: (params.get(PARAMS.query) ?? "").trim().slice(0, QUERY_MAX),
  };
}

export function hasFilters(filters: BoardFilters): boolean {
  return Boolean(filters.status || filters.territoryId || filters.funderId || filters.query);
}

/** The board's filters, kept in the address so a reload or a shared link shows the same list. */
export function useBoardFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => boardFiltersFrom(params), [params]);
  const update = useCallback(
    (changes: Partial<BoardFilters>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(changes)) {
            const name = PARAMS[key as keyof BoardFilters];
            if (value) next.set(name, value);
            else next.delete(name);
          }
          return next;
        },
        { replace: true, preventScrollReset: true },
      ),
    [setParams],
  );
  const reset = useCallback(() => update({ status: null, territoryId: null, funderId: null, query: "" }), [update]);
  return { filters, update, reset };
}

/**
 * The filters as `funding.applications` takes them. Without a territory: every territory the user
 * belongs to (`mine`); a territory picked among them narrows to it.
 */
export function applicationsInput(filters: BoardFilters) {
  return {
    mine: true,
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.territoryId ? { territoryId: filters.territoryId } : {}),
    ...(filters.funderId ? { funderId: filters.funderId } : {}),
    ...(filters.query ? { query: filters.query } : {}),
  };
}
