import { useQuery } from "@tanstack/react-query";
import { HEALTH_FAMILIES, HEALTH_INDICATORS, healthFamilyLabels, healthIndicatorTexts } from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { HealthStatusBadge } from "./health-status.tsx";
import { useHealthFormat } from "./use-health-format.ts";
import "./health.css";
import "./health-print.css";
import { isMissing, RecordPage } from "../../ui/record-page.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";

type Comparison = inferOutput<typeof trpc.health.compare>;

export default function HealthComparisonPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const comparison = useQuery(trpc.health.compare.queryOptions({ territoryId: id }));
  const missing = isMissing(comparison.error);
  usePageTitle(
    comparison.data
      ? t("health.compare.pageTitle", { name: comparison.data.territory.name })
      : missing
        ? t("health.compare.notFound")
        : t("health.compare.title"),
  );

  return (
    <RecordPage query={comparison} texts="health.compare">
      {(data) => <ComparisonView comparison={data} />}
    </RecordPage>
  );
}

function ComparisonView({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const format = useFormat();
  const health = useHealthFormat();
  const { territory, cooperations } = comparison;

  return (
    <article className="health-page" aria-labelledby="compare-title">
      <nav aria-label={t("health.sheet.breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to={`/territoires/${territory.id}`}>{territory.name}</Link>
          </li>
          <li aria-current="page">{t("health.compare.title")}</li>
        </ol>
      </nav>
      <header className="health-header">
        <p className="health-header__kind">{t("health.compare.title")}</p>
        <h1 id="compare-title">{territory.name}</h1>
        <p className="prose">
          {t("health.compare.intro", { name: territory.name, date: format.date(comparison.asOf) })}
        </p>
        <div className="health-toolbar">
          <button type="button" className="button" onClick={() => window.print()}>
            {t("health.compare.print")}
          </button>
          <a className="button button--secondary" href={`/api/exports/health.csv?territoryId=${territory.id}`} download>
            {t("health.compare.csv")}
          </a>
        </div>
      </header>

      {cooperations.length === 0 ? (
        <EmptyState title={t("health.compare.empty")} />
      ) : (
        // Scrolls sideways when many cooperations: the header links keep it reachable by keyboard.
        <div className="health-compare">
          <ScrollRegion label={t("health.compare.caption", { name: territory.name })}>
            <table className="health-table health-table--compare">
              <caption id="compare-caption">{t("health.compare.caption", { name: territory.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("health.compare.indicator")}</th>
                  {cooperations.map((sheet) => (
                    <th key={sheet.cooperation.id} scope="col">
                      <Link to={`/cooperations/${sheet.cooperation.id}/sante`}>{sheet.cooperation.name}</Link>
                    </th>
                  ))}
                </tr>
              </thead>
              {HEALTH_FAMILIES.map((family) => (
                <tbody key={family}>
                  <tr className="health-table__group">
                    <th scope="colgroup" colSpan={cooperations.length + 1}>
                      <span className="health-table__sticky">{format.label(healthFamilyLabels[family])}</span>
                    </th>
                  </tr>
                  {HEALTH_INDICATORS.filter((i) => i.family === family).map(({ key }) => (
                    <tr key={key}>
                      <th scope="row">{format.label(healthIndicatorTexts[key].title)}</th>
                      {cooperations.map((sheet) => {
                        const indicator = sheet.indicators.find((i) => i.key === key);
                        if (!indicator) return <td key={sheet.cooperation.id}>{t("health.card.noValue")}</td>;
                        return (
                          <td key={sheet.cooperation.id}>
                            <HealthStatusBadge status={indicator.status} />
                            <span className="health-compare__value">
                              {indicator.value ? health.value(indicator.value) : t("health.card.noValue")}
                            </span>
                          </td>
                        );
                      })}
                    </tr>
                  ))}
                </tbody>
              ))}
            </table>
          </ScrollRegion>
        </div>
      )}
    </article>
  );
}
