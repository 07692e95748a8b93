import { lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { Disclosure } from "../../ui/disclosure.tsx";
import { SegmentedControl } from "../../ui/segmented-control.tsx";
import { type ActivityBucket, type ActivityGrain, activityBuckets, busiest } from "./activity-buckets.ts";

const ActivityChart = lazy(() => import("./activity-chart.tsx"));

interface Props {
  /** Dates of the entries loaded so far, newest first. */
  dates: readonly string[];
  /** More (older) pages exist: the picture is partial and says so. */
  partial: boolean;
}

/**
 * Activity over time, computed in the browser from the entries already loaded: the API has no
 * aggregate for it, so the chart grows as older pages arrive, and its caption says what it covers.
 */
export function ActivitySummary({ dates, partial }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const headingId = useId();
  const [grain, setGrain] = useState<ActivityGrain>("year");
  const buckets = activityBuckets(dates, grain);
  const newest = dates[0];
  const oldest = dates.at(-1);
  if (buckets.length === 0 || !newest || !oldest) return null;

  const periodLabel = (bucket: ActivityBucket) =>
    bucket.quarter === null
      ? String(bucket.year)
      : t("timeline.activity.quarterLabel", { quarter: bucket.quarter, year: bucket.year });
  const data = buckets.map((bucket) => ({ label: periodLabel(bucket), count: bucket.count }));
  const peak = busiest(buckets);

  return (
    <section className="activity" aria-labelledby={headingId}>
      <div className="activity__header">
        <h3 id={headingId}>{t("timeline.activity.title")}</h3>
        <SegmentedControl
          label={t("timeline.activity.grain")}
          options={[
            { value: "year", label: t("timeline.activity.year") },
            { value: "quarter", label: t("timeline.activity.quarter") },
          ]}
          value={grain}
          onChange={setGrain}
        />
      </div>
      <figure className="activity__figure">
        <Suspense fallback={<div className="activity__chart activity__chart--loading" />}>
          <ActivityChart data={data} seriesName={t("timeline.activity.series")} />
        </Suspense>
        <figcaption className="activity__caption">
          {t("timeline.activity.summary", {
            count: dates.length,
            formatted: format.number(dates.length),
            from: format.date(oldest),
            to: format.date(newest),
          })}{" "}
          {peak &&
            t("timeline.activity.peak", {
              period: periodLabel(peak),
              count: peak.count,
              formatted: format.number(peak.count),
            })}{" "}
          {partial && t("timeline.activity.partial")}
        </figcaption>
      </figure>
      <Disclosure title={t("timeline.activity.showTable")} headingLevel={4}>
        <CaptionedTable
          look="data"
          caption={t("timeline.activity.caption", { grain: t(`timeline.activity.${grain}`).toLocaleLowerCase() })}
          columns={[{ label: t("timeline.activity.period") }, { label: t("timeline.activity.series"), numeric: true }]}
        >
          {data.map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              <td className="data-table__number">{format.number(row.count)}</td>
            </tr>
          ))}
        </CaptionedTable>
      </Disclosure>
    </section>
  );
}
