import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { applicationStatusLabels } from "@trame/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { useEuros } from "../territory-page/use-euros.ts";
import { applicationsInput, type BoardFilters } from "./board-filters.ts";

// The territory page's chart (requested, granted, paid per row), drawn here per status.
const FundingChart = lazy(() => import("../territory-page/funding-chart.tsx"));

/**
 * Count and amounts by status over every application the board's filters select, summed by the
 * server (not only the rows loaded so far). The table carries the figures for everyone; the chart
 * beside it (Recharts, loaded only here) is a picture of the same numbers.
 */
export function StatusTotals({ filters }: { filters: BoardFilters }) {
  const { t } = useTranslation();
  const format = useFormat();
  const euros = useEuros();
  const totals = useQuery(
    trpc.funding.applicationTotals.queryOptions(applicationsInput(filters), { placeholderData: keepPreviousData }),
  );
  if (totals.error) return <QueryError error={totals.error} onRetry={() => void totals.refetch()} />;
  if (!totals.data || totals.data.length === 0) return null;
  const rows = totals.data.map((row) => ({
    status: row.status,
    label: format.label(applicationStatusLabels[row.status]),
    count: row.count,
    requested: row.requestedCents,
    granted: row.grantedCents,
    paid: row.paidCents,
  }));
  // The whole selection in one line: what the board's filters add up to, whatever the status.
  const total = rows.reduce(
    (sum, row) => ({
      count: sum.count + row.count,
      requested: sum.requested + row.requested,
      granted: sum.granted + row.granted,
      paid: sum.paid + row.paid,
    }),
    { count: 0, requested: 0, granted: 0, paid: 0 },
  );
  const series = {
    requested: t("funding.amounts.requested"),
    granted: t("funding.amounts.granted"),
    paid: t("funding.amounts.paid"),
  };
  const caption = t("funding.totals.caption");

  return (
    <section className="board-totals" aria-labelledby="board-totals-heading" aria-busy={totals.isPlaceholderData}>
      <h2 id="board-totals-heading">{t("funding.totals.heading")}</h2>
      <figure className="board-figure">
        <Suspense fallback={<div className="board-figure__loading" />}>
          <FundingChart rows={rows} series={series} euros={euros} />
        </Suspense>
        <figcaption className="board-figure__caption">{caption}</figcaption>
      </figure>
      <CaptionedTable
        look="entity"
        caption={caption}
        columns={[
          { label: t("funding.board.status") },
          { label: t("funding.totals.count"), numeric: true },
          { label: series.requested, numeric: true },
          { label: series.granted, numeric: true },
          { label: series.paid, numeric: true },
        ]}
        foot={
          <tr>
            <th scope="row">{t("funding.totals.total")}</th>
            <td className="numeric tabular">{format.number(total.count)}</td>
            <td className="numeric tabular">{euros(total.requested)}</td>
            <td className="numeric tabular">{euros(total.granted)}</td>
            <td className="numeric tabular">{euros(total.paid)}</td>
          </tr>
        }
      >
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
      </CaptionedTable>
    </section>
  );
}
