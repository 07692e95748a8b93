import { useQuery } from "@tanstack/react-query";
import {
  type CooperationHealth,
  HEALTH_FAMILIES,
  HEALTH_STATUSES,
  HEALTH_STUDY,
  healthFamilyLabels,
} from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { HealthStatusBadge } from "./health-status.tsx";
import { IndicatorCard } from "./indicator-card.tsx";
import "./health.css";
import "./health-print.css";
import { isMissing, RecordPage } from "../../ui/record-page.tsx";

export default function HealthSheetPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const health = useQuery(trpc.health.cooperation.queryOptions({ cooperationId: id }));
  const missing = isMissing(health.error);
  usePageTitle(
    health.data
      ? t("health.sheet.pageTitle", { name: health.data.cooperation.name })
      : missing
        ? t("health.sheet.notFound")
        : t("health.sheet.title"),
  );

  return (
    <RecordPage query={health} texts="health.sheet">
      {(data) => <HealthSheet health={data} />}
    </RecordPage>
  );
}

function HealthSheet({ health }: { health: CooperationHealth }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { cooperation, metropolis } = health;

  return (
    <article className="health-page" aria-labelledby="health-title">
      <nav aria-label={t("health.sheet.breadcrumb")} className="breadcrumb">
        <ol>
          {metropolis && (
            <li>
              <Link to={`/territoires/${metropolis.territoryId}`}>{metropolis.name}</Link>
            </li>
          )}
          <li>
            <Link to={`/cooperations/${cooperation.id}`}>{cooperation.name}</Link>
          </li>
          <li aria-current="page">{t("health.sheet.title")}</li>
        </ol>
      </nav>
      <header className="health-header">
        <p className="health-header__kind">{t("health.sheet.title")}</p>
        <h1 id="health-title">{cooperation.name}</h1>
        <p className="prose">
          {t("health.sheet.intro", { date: format.date(health.asOf), study: format.label(HEALTH_STUDY) })}
        </p>
        <p className="prose">{t("health.sheet.noVerdict")}</p>
        {metropolis && (
          <p>
            {metropolis.basis === "metropolis_kind"
              ? t("health.sheet.metropolis", { name: metropolis.name })
              : t("health.sheet.metropolisLead", { name: metropolis.name })}
          </p>
        )}
        <div className="health-toolbar">
          <button type="button" className="button" onClick={() => window.print()}>
            {t("health.sheet.print")}
          </button>
          <a
            className="button button--secondary"
            href={`/api/exports/health.csv?cooperationId=${cooperation.id}`}
            download
          >
            {t("health.sheet.csv")}
          </a>
          {metropolis && (
            <Link to={`/territoires/${metropolis.territoryId}/sante`}>
              {t("health.sheet.compare", { name: metropolis.name })}
            </Link>
          )}
        </div>
      </header>

      <section className="health-summary" aria-labelledby="health-summary-heading">
        <h2 id="health-summary-heading">{t("health.sheet.summary")}</h2>
        <ul className="health-summary__list">
          {HEALTH_STATUSES.map((status) => (
            <li key={status}>
              <HealthStatusBadge status={status} />
              <span className="health-summary__count">{format.number(health.summary[status])}</span>
            </li>
          ))}
        </ul>
      </section>

      <div className="health-families">
        {HEALTH_FAMILIES.map((family) => {
          const indicators = health.indicators.filter((indicator) => indicator.family === family);
          if (indicators.length === 0) return null;
          // A family of one card shares its row with the next one; larger families take the full width.
          const wide = indicators.length > 1 ? " health-family--wide" : "";
          return (
            <section key={family} className={`health-family${wide}`} aria-labelledby={`family-${family}`}>
              <h2 id={`family-${family}`}>{format.label(healthFamilyLabels[family])}</h2>
              <div className="health-grid">
                {indicators.map((indicator) => (
                  <IndicatorCard key={indicator.key} indicator={indicator} thresholds={health.thresholds} />
                ))}
              </div>
            </section>
          );
        })}
      </div>
    </article>
  );
}
