import { APPLICATION_STATUSES, applicationStatusLabels } from "@trame/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { useEuros } from "../territory-page/use-euros.ts";
import type { BoardApplication } from "./use-application-pages.ts";

// The territory page's chart (requested, granted, paid per row), drawn here per status.
const FundingChart = lazy(() => import("../territory-page/funding-chart.tsx"));

/**
 * Amounts summed by status over the applications shown. The table carries the figures for everyone;
 * the chart beside it (Recharts, loaded only here) is a picture of the same numbers.
 */
export function StatusTotals({ items, complete }: { items: readonly BoardApplication[]; complete: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const euros = useEuros();
  const rows = APPLICATION_STATUSES.map((status) => {
    const own = items.filter((item) => item.status === status);
    return {
      status,
      label: format.label(applicationStatusLabels[status]),
      count: own.length,
      requested: own.reduce((sum, item) => sum + item.requestedCents, 0),
      granted: own.reduce((sum, item) => sum + (item.grantedCents ?? 0), 0),
      paid: own.reduce((sum, item) => sum + item.paidCents, 0),
    };
  }).filter((row) => row.count > 0);
  const series = {
    requested: t("funding.amounts.requested"),
    granted: t("funding.amounts.granted"),
    paid: t("funding.amounts.paid"),
  };
  const caption = complete ? t("funding.totals.caption") : t("funding.totals.captionPartial");

  return (
    <section className="board-totals" aria-labelledby="board-totals-heading">
      <h2 id="board-totals-heading">{t("funding.totals.heading")}</h2>
      <figure className="board-figure">
        <Suspense fallback={<div className="board-figure__loading" />}>
          <FundingChart rows={rows} series={series} euros={euros} />
        </Suspense>
        <figcaption className="board-figure__caption">{caption}</figcaption>
      </figure>
      <div className="entity-table-scroll">
        <table className="entity-table">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{t("funding.board.status")}</th>
              <th scope="col" className="numeric">
                {t("funding.totals.count")}
              </th>
              <th scope="col" className="numeric">
                {series.requested}
              </th>
              <th scope="col" className="numeric">
                {series.granted}
              </th>
              <th scope="col" className="numeric">
                {series.paid}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.status}>
                <th scope="row">
                  <span className={`status status--${row.status}`}>{row.label}</span>
                </th>
                <td className="numeric tabular">{format.number(row.count)}</td>
                <td className="numeric tabular">{euros(row.requested)}</td>
                <td className="numeric tabular">{euros(row.granted)}</td>
                <td className="numeric tabular">{euros(row.paid)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
