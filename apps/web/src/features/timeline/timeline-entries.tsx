import { dateTimeFormat } from "@trame/core";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { TimelineEntry } from "./timeline-entry.tsx";
import type { TimelineItem } from "./use-timeline-pages.ts";

interface MonthGroup {
  month: string;
  entries: { entry: TimelineItem; index: number }[];
}

interface YearGroup {
  year: string;
  months: MonthGroup[];
}

/** Entries arrive newest first; consecutive runs of one year and one month become groups. */
function groupByYearAndMonth(items: readonly TimelineItem[]): YearGroup[] {
  const years: YearGroup[] = [];
  items.forEach((entry, index) => {
    const year = entry.occurredOn.slice(0, 4);
    const month = entry.occurredOn.slice(0, 7);
    let yearGroup = years.at(-1);
    if (yearGroup?.year !== year) {
      yearGroup = { year, months: [] };
      years.push(yearGroup);
    }
    let monthGroup = yearGroup.months.at(-1);
    if (monthGroup?.month !== month) {
      monthGroup = { month, entries: [] };
      yearGroup.months.push(monthGroup);
    }
    monthGroup.entries.push({ entry, index });
  });
  return years;
}

function capitalised(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

interface Props {
  items: readonly TimelineItem[];
  ownTerritoryId?: string | undefined;
  stale: boolean;
  listRef: Ref<HTMLOListElement>;
}

export function TimelineEntries({ items, ownTerritoryId, stale, listRef }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const monthName = dateTimeFormat(format.locale, { month: "long", timeZone: "UTC" });
  return (
    <ol
      ref={listRef}
      className={stale ? "timeline__years timeline__years--stale" : "timeline__years"}
      aria-label={t("timeline.listLabel")}
    >
      {groupByYearAndMonth(items).map(({ year, months }) => (
        <li key={year} className="timeline__year">
          <h3 className="timeline__year-heading">{year}</h3>
          <ol className="timeline__months">
            {months.map(({ month, entries }) => (
              <li key={month} className="timeline__month">
                <h4 className="timeline__month-heading">
                  {capitalised(monthName.format(new Date(`${month}-01T00:00:00Z`)))}
                  <span className="visually-hidden"> {year}</span>
                </h4>
                <ol className="timeline__entries">
                  {entries.map(({ entry, index }) => (
                    <TimelineEntry key={entry.id} entry={entry} ownTerritoryId={ownTerritoryId} index={index} />
                  ))}
                </ol>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
