import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { useSession } from "../auth/use-session.ts";
import { ApplicationTable } from "./application-table.tsx";
import { BoardFilterForm } from "./board-filter-form.tsx";
import { hasFilters, useBoardFilters } from "./board-filters.ts";
import { StatusTotals } from "./status-totals.tsx";
import { useApplicationPages } from "./use-application-pages.ts";

/** The applications of every territory the user belongs to, filtered from the address. */
export function ApplicationsBoard() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const { filters, update, reset } = useBoardFilters();
  const pages = useApplicationPages(filters);
  const filtered = hasFilters(filters);
  const home = session.data?.memberships[0];

  if (session.data && session.data.memberships.length === 0) {
    return (
      <EmptyState title={t("funding.board.noTerritory")}>
        <p>{t("funding.board.noTerritoryHint")}</p>
      </EmptyState>
    );
  }

  return (
    <>
      <BoardFilterForm filters={filters} onChange={update} onReset={reset} />
      {pages.isPending && <p role="status">{t("funding.board.loading")}</p>}
      {pages.error && <QueryError error={pages.error} onRetry={pages.retry} />}
      {!pages.isPending && pages.items.length === 0 && !pages.error && (
        <EmptyState title={filtered ? t("funding.board.emptyFiltered") : t("funding.board.empty")}>
          {filtered ? (
            <p>
              {t("funding.board.emptyFilteredHint")}{" "}
              <button type="button" className="button button--link" onClick={reset}>
                {t("funding.filters.reset")}
              </button>
            </p>
          ) : (
            <p>
              {t("funding.board.emptyHint")}{" "}
              {home && <Link to={`/territoires/${home.territoryId}#projets`}>{t("funding.board.emptyLink")}</Link>}
            </p>
          )}
        </EmptyState>
      )}
      {pages.items.length > 0 && (
        <>
          <p className="board-count" role="status">
            {t("funding.board.count", { count: pages.total, formatted: format.number(pages.total) })}
          </p>
          <ApplicationTable items={pages.items} stale={pages.isStale} />
          {pages.total > pages.items.length && (
            <div className="more">
              <button
                type="button"
                className="button button--secondary"
                onClick={pages.loadMore}
                disabled={pages.isLoadingMore}
              >
                {t("funding.board.more")}
              </button>
              <p className="more__count">
                {t("funding.board.shown", {
                  shown: format.number(pages.items.length),
                  total: format.number(pages.total),
                })}
              </p>
            </div>
          )}
          <StatusTotals filters={filters} />
        </>
      )}
    </>
  );
}
