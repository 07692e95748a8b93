import { type HealthTrend, healthPercent, healthSeriesIsShare, healthSeriesLabels } from "@trame/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { Disclosure } from "../../ui/disclosure.tsx";

const TrendChart = lazy(() => import("./trend-chart.tsx"));

/** The trend as a small chart for the eye and as a table for everyone (screen readers, print, copy). */
export function TrendFigure({ trend, title }: { trend: HealthTrend | null; title: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (!trend || trend.points.length === 0) return <p className="health-card__note">{t("health.card.noTrend")}</p>;

  const share = trend.series.every((key) => healthSeriesIsShare[key]);
  const formatValue = (value: number) => (share ? healthPercent(value, format.locale) : format.number(value));
  // Core labels quarters `2025-T1` (trimestre); English readers expect Q1.
  const periodLabel = (period: string) => period.replace("-T", format.locale === "en" ? " Q" : " T");
  const series = trend.series.map((key) => ({ key, name: format.label(healthSeriesLabels[key]) }));
  const rows = trend.points.map((point) => ({
    period: periodLabel(point.period),
    ...Object.fromEntries(trend.series.map((key) => [key, point.values[key] ?? null])),
  }));
  const heading = trend.unit === "quarter" ? t("health.card.trendByQuarter") : t("health.card.trendByYear");

  return (
    <figure className="health-trend">
      <figcaption className="health-trend__caption">{heading}</figcaption>
      <Suspense fallback={<div className="health-chart health-chart--loading" />}>
        <TrendChart rows={rows} series={series} share={share} formatValue={formatValue} />
      </Suspense>
      <Disclosure title={t("health.card.showTable")} headingLevel={4} className="health-trend__table">
        <CaptionedTable
          look="health"
          caption={`${title} — ${heading}`}
          columns={[{ label: t("health.card.periodColumn") }, ...series.map((s) => ({ label: s.name, numeric: true }))]}
        >
          {trend.points.map((point) => (
            <tr key={point.period}>
              <th scope="row">{periodLabel(point.period)}</th>
              {trend.series.map((key) => {
                const value = point.values[key];
                return (
                  <td key={key} className="health-table__number">
                    {value === null || value === undefined ? t("health.card.noValue") : formatValue(value)}
                  </td>
                );
              })}
            </tr>
          ))}
        </CaptionedTable>
      </Disclosure>
    </figure>
  );
}
