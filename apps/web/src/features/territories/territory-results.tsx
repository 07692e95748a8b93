import type { TerritoryKind } from "@trame/core";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { TerritoryCard } from "./territory-card.tsx";
import { useTerritorySearch } from "./use-territory-search.ts";

interface Props {
  query: string;
  kind: TerritoryKind | null;
  departement: string | null;
  onClearKind: () => void;
  onClearDepartement: () => void;
}

export function TerritoryResults({ query, kind, departement, onClearKind, onClearDepartement }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useTerritorySearch({ query, kind, departement });
  const list = useRef<HTMLOListElement>(null);
  // After "voir plus", keyboard and screen reader users continue from the first new result, not from the top.
  const [focusFrom, setFocusFrom] = useState<number | null>(null);

  useEffect(() => {
    if (focusFrom === null || search.items.length <= focusFrom) return;
    list.current?.querySelector<HTMLElement>(`[data-index="${focusFrom}"]`)?.focus();
    setFocusFrom(null);
  }, [focusFrom, search.items.length]);

  const empty = !search.isPending && !search.error && search.total === 0;
  const status = search.isPending
    ? t("territories.searching")
    : empty
      ? t("territories.empty.title")
      : t("territories.count", { count: search.total, formatted: format.number(search.total) });

  return (
    <section className="results" aria-labelledby="results-heading" aria-busy={search.isPending || search.isStale}>
      <h2 id="results-heading" className="visually-hidden">
        {t("territories.results")}
      </h2>
      <p className="results__status" role="status">
        {search.error ? "" : status}
      </p>
      {search.error && <QueryError error={search.error} onRetry={search.retry} />}

      {empty && (
        <EmptyState title={query ? t("territories.empty.withQuery", { query }) : t("territories.empty.withoutQuery")}>
          {query && <p>{t("territories.empty.tips")}</p>}
          <div className="results__clear">
            {kind && (
              <button type="button" className="button button--secondary" onClick={onClearKind}>
                {t("territories.empty.clearKind")}
              </button>
            )}
            {departement && (
              <button type="button" className="button button--secondary" onClick={onClearDepartement}>
                {t("territories.empty.clearDepartement", { code: departement })}
              </button>
            )}
          </div>
        </EmptyState>
      )}

      {search.items.length > 0 && (
        <ol ref={list} className={search.isStale ? "results__list results__list--stale" : "results__list"}>
          {search.items.map((territory, index) => (
            <li key={territory.id} data-index={index} tabIndex={-1}>
              <TerritoryCard territory={territory} />
            </li>
          ))}
        </ol>
      )}

      {search.items.length > 0 && search.items.length < search.total && !search.isStale && (
        <div className="results__more">
          <p className="results__shown" id="results-shown">
            {t("territories.shown", {
              shown: format.number(search.items.length),
              total: format.number(search.total),
            })}
          </p>
          {search.isLoadingMore && <p role="status">{t("territories.loadingMore")}</p>}
          {search.canLoadMore && !search.isLoadingMore && (
            <button
              type="button"
              className="button button--secondary"
              aria-describedby="results-shown"
              onClick={() => {
                setFocusFrom(search.items.length);
                search.loadMore();
              }}
            >
              {t("territories.more")}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
