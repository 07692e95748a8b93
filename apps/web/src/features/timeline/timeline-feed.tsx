import { skipToken, useQuery } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { ActivitySummary } from "./activity-summary.tsx";
import { TimelineEntries } from "./timeline-entries.tsx";
import { TimelineFilterForm } from "./timeline-filter-form.tsx";
import { activeFilterCount, apiFilters, useTimelineFilters } from "./timeline-filters.ts";
import { useLiveTimeline } from "./use-live-timeline.ts";
import { type TimelineScope, useTimelinePages } from "./use-timeline-pages.ts";
import "./timeline.css";

export type { TimelineScope } from "./use-timeline-pages.ts";

/**
 * Scrolling loads older pages by itself only this many times; after that the button takes over,
 * so the footer (and whatever follows the feed) stays reachable instead of receding forever.
 */
const AUTO_LOADED_PAGES = 5;

export interface TimelineFeedProps {
  scope: TimelineScope;
}

function exportHref(scope: TimelineScope, filters: ReturnType<typeof apiFilters>, lang: string): string {
  const params = new URLSearchParams(Object.entries(scope));
  for (const [name, value] of Object.entries(filters)) params.set(name, Array.isArray(value) ? value.join(",") : value);
  // The spreadsheet is worded in the language the page is read in.
  params.set("lang", lang);
  return `/api/exports/timeline.csv?${params}`;
}

/**
 * The timeline of a territory, a cooperation or a project: filters kept in the address, keyset pages
 * loaded by a button or by scrolling, entries grouped by year and month, activity over time.
 * Place it under the page's own `h2`; its inner headings start at `h3`.
 */
export function TimelineFeed({ scope }: TimelineFeedProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const idPrefix = useId();
  const { filters, update, reset } = useTimelineFilters();
  const feed = useTimelinePages(scope, filters);
  useLiveTimeline(scope);
  const territoryId = "territoryId" in scope ? scope.territoryId : undefined;
  const neighbours = useQuery(trpc.territory.neighbours.queryOptions(territoryId ? { id: territoryId } : skipToken));

  // Every territory met on this timeline stays offered as a partner, even once a filter hides it.
  const seen = useRef(new Map<string, string>());
  for (const entry of feed.items)
    for (const territory of entry.territories) seen.current.set(territory.id, territory.name);
  for (const neighbour of neighbours.data ?? []) seen.current.set(neighbour.territory.id, neighbour.territory.name);
  const partners = territoryId
    ? [...seen.current]
        .filter(([id]) => id !== territoryId)
        .map(([id, name]) => ({ id, name }))
        .sort((a, b) => a.name.localeCompare(b.name, format.locale))
    : null;

  const list = useRef<HTMLOListElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  // After the button, keyboard and screen reader users continue from the first new entry, not from the top.
  const [focusFrom, setFocusFrom] = useState<number | null>(null);
  useEffect(() => {
    if (focusFrom === null || feed.items.length <= focusFrom) return;
    list.current?.querySelector<HTMLElement>(`[data-index="${focusFrom}"]`)?.focus();
    setFocusFrom(null);
  }, [focusFrom, feed.items.length]);

  const { hasNextPage, isFetchingNextPage, fetchNextPage, pageCount, isStale } = feed;
  const autoLoad = hasNextPage && !isFetchingNextPage && !isStale && pageCount < AUTO_LOADED_PAGES;
  useEffect(() => {
    const node = sentinel.current;
    if (!autoLoad || !node) return;
    // Re-created after each page: if the end is still in view, the next page follows at once.
    const observer = new IntersectionObserver(
      (seenEntries) => {
        if (seenEntries.some((entry) => entry.isIntersecting)) fetchNextPage();
      },
      { rootMargin: "0px 0px 300px 0px" },
    );
    observer.observe(node);
    return () => observer.disconnect();
  }, [autoLoad, fetchNextPage]);

  const filtered = activeFilterCount(filters) > 0;
  const empty = !feed.isPending && !feed.error && feed.items.length === 0;
  const count = { count: feed.items.length, formatted: format.number(feed.items.length) };
  const status = feed.isPending
    ? t("timeline.status.loading")
    : empty
      ? ""
      : hasNextPage
        ? t("timeline.status.shown", count)
        : t("timeline.status.all", count);

  return (
    <div className="timeline" aria-busy={feed.isPending || isStale}>
      <TimelineFilterForm idPrefix={idPrefix} filters={filters} onChange={update} onReset={reset} partners={partners} />

      <div className="timeline__toolbar">
        <p className="timeline__status" role="status">
          {feed.error ? "" : status}
        </p>
        <a className="timeline__export" href={exportHref(scope, apiFilters(filters), format.locale)} download>
          {t("timeline.export")}
          <span className="timeline__export-hint">
            {filtered ? t("timeline.exportFiltered") : t("timeline.exportAll")}
          </span>
        </a>
      </div>

      {feed.error && <QueryError error={feed.error} onRetry={feed.retry} />}

      {empty && (
        <EmptyState title={filtered ? t("timeline.empty.filtered") : t("timeline.empty.title")}>
          <p>{filtered ? t("timeline.empty.filteredHint") : t("timeline.empty.body")}</p>
          {filtered && (
            <button type="button" className="button button--secondary" onClick={reset}>
              {t("timeline.filters.reset")}
            </button>
          )}
        </EmptyState>
      )}

      {feed.items.length > 0 && (
        <>
          <ActivitySummary dates={feed.items.map((entry) => entry.occurredOn)} partial={hasNextPage} />
          <TimelineEntries items={feed.items} ownTerritoryId={territoryId} stale={isStale} listRef={list} />
        </>
      )}

      <div ref={sentinel} className="timeline__more">
        {isFetchingNextPage && <p role="status">{t("timeline.loadingMore")}</p>}
        {hasNextPage && !isFetchingNextPage && !isStale && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setFocusFrom(feed.items.length);
              fetchNextPage();
            }}
          >
            {t("timeline.more")}
          </button>
        )}
        {!hasNextPage && feed.items.length > 0 && !isStale && <p className="timeline__end">{t("timeline.end")}</p>}
      </div>
    </div>
  );
}
