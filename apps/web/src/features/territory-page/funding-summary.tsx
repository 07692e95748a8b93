import { useQuery } from "@tanstack/react-query";
import { funderKindLabels, type Label, numberFormat, projectStatusLabels, themeLabels } from "@trame/core";
import { lazy, type ReactNode, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { Disclosure } from "../../ui/disclosure.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { ProgrammeName } from "../funding/programme-name.tsx";
import { DeadlineList } from "../home/deadline-list.tsx";
import { territoryPageQueries } from "./territory-page-queries.ts";
import { useEuros } from "./use-euros.ts";

const FundingChart = lazy(() => import("./funding-chart.tsx"));

export function FundingSummary({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const euros = useEuros();
  const dashboard = useQuery(territoryPageQueries.funding(territoryId));
  if (dashboard.isPending) return <p role="status">{t("territoryPage.funding.loading")}</p>;
  if (dashboard.isError) return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;

  const { funding, projects, upcomingDeadlines } = dashboard.data;
  const { totals, successRate } = funding;
  const percent = numberFormat(format.locale === "fr" ? "fr-FR" : "en-GB", { style: "percent" });
  const byKind = funding.byFunderKind.map((row) => ({
    label: format.label(funderKindLabels[row.funderKind]),
    requested: row.requestedCents,
    granted: row.grantedCents,
    paid: row.paidCents,
    count: row.applicationCount,
  }));
  const series = {
    requested: t("territoryPage.funding.requested"),
    granted: t("territoryPage.funding.granted"),
    paid: t("territoryPage.funding.paid"),
  };

  return (
    <div className="funding">
      <p className="territory__intro">{t("territoryPage.funding.intro")}</p>
      {totals.applicationCount === 0 ? (
        <EmptyState title={t("territoryPage.funding.empty")}>
          <p>{t("territoryPage.funding.emptyHint")}</p>
        </EmptyState>
      ) : (
        <>
          <dl className="kpis">
            {(["requested", "granted", "paid"] as const).map((key) => (
              <div key={key} className={`kpi kpi--${key}`}>
                <dt>{series[key]}</dt>
                <dd className="tabular">{euros(totals[`${key}Cents`])}</dd>
              </div>
            ))}
            <div className="kpi">
              <dt>{t("territoryPage.funding.successRate")}</dt>
              <dd className="tabular">
                {successRate ? percent.format(successRate.numerator / successRate.denominator) : "—"}
              </dd>
              <dd className="kpi__note">
                {successRate
                  ? t("territoryPage.funding.successRateValue", {
                      rate: percent.format(successRate.numerator / successRate.denominator),
                      granted: format.number(successRate.numerator),
                      decided: format.number(successRate.denominator),
                    })
                  : t("territoryPage.funding.successRateNone")}
              </dd>
            </div>
          </dl>
          <p className="section-count">
            {t("territoryPage.funding.applications", {
              count: totals.applicationCount,
              formatted: format.number(totals.applicationCount),
            })}
          </p>

          <h3>{t("territoryPage.funding.byFunderKind")}</h3>
          <figure className="funding__figure">
            <Suspense fallback={<div className="funding__chart funding__chart--loading" />}>
              <FundingChart rows={byKind} series={series} euros={euros} />
            </Suspense>
            <figcaption className="activity__caption">{t("territoryPage.funding.chartCaption")}</figcaption>
          </figure>
          <Disclosure title={t("territoryPage.funding.showTable")} headingLevel={4}>
            <AmountsTable
              caption={t("territoryPage.funding.byFunderKind")}
              head={t("territoryPage.funding.funderKind")}
              rows={byKind.map((row) => ({ key: row.label, name: row.label, ...row }))}
            />
          </Disclosure>

          <h3>{t("territoryPage.funding.byProgramme")}</h3>
          <AmountsTable
            caption={t("territoryPage.funding.byProgramme")}
            head={t("territoryPage.funding.programme")}
            rows={funding.byProgramme.map((row) => ({
              key: row.programme.id,
              name: (
                <>
                  <ProgrammeName programme={row.programme} /> — {row.funder.name}
                </>
              ),
              count: row.applicationCount,
              requested: row.requestedCents,
              granted: row.grantedCents,
              paid: row.paidCents,
            }))}
          />
        </>
      )}

      <div className="funding__projects">
        <Tally
          title={t("territoryPage.funding.projectsByStatus")}
          rows={projects.byStatus.map((row) => ({
            key: row.status,
            label: projectStatusLabels[row.status],
            count: row.count,
          }))}
        />
        <Tally
          title={t("territoryPage.funding.projectsByTheme")}
          rows={projects.byTheme.map((row) => ({ key: row.theme, label: themeLabels[row.theme], count: row.count }))}
        />
      </div>

      {upcomingDeadlines.length > 0 && (
        <>
          <h3 id="territory-deadlines">{t("territoryPage.funding.deadlines")}</h3>
          <DeadlineList deadlines={upcomingDeadlines} label={t("territoryPage.funding.deadlines")} />
        </>
      )}
    </div>
  );
}

interface AmountRow {
  key: string;
  name: ReactNode;
  count: number;
  requested: number;
  granted: number;
  paid: number;
}

function AmountsTable({ caption, head, rows }: { caption: string; head: string; rows: readonly AmountRow[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const euros = useEuros();
  return (
    <CaptionedTable
      look="data"
      className="data-table--wide"
      caption={caption}
      columns={[
        { label: head },
        { label: t("territoryPage.funding.count"), numeric: true },
        { label: t("territoryPage.funding.requested"), numeric: true },
        { label: t("territoryPage.funding.granted"), numeric: true },
        { label: t("territoryPage.funding.paid"), numeric: true },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">{row.name}</th>
          <td className="data-table__number">{format.number(row.count)}</td>
          <td className="data-table__number">{euros(row.requested)}</td>
          <td className="data-table__number">{euros(row.granted)}</td>
          <td className="data-table__number">{euros(row.paid)}</td>
        </tr>
      ))}
    </CaptionedTable>
  );
}

/** Projects counted by one of their attributes: its label, then the count. */
function Tally({ title, rows }: { title: string; rows: Array<{ key: string; label: Label; count: number }> }) {
  const format = useFormat();
  return (
    <div>
      <h3>{title}</h3>
      <ul className="tally">
        {rows.map((row) => (
          <li key={row.key}>
            <span>{format.label(row.label)}</span>
            <span className="tabular">{format.number(row.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
