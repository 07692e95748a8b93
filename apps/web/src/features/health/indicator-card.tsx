import { type HealthIndicator, type HealthThresholds, healthIndicatorTexts } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { HealthStatusBadge } from "./health-status.tsx";
import { TrendFigure } from "./trend-figure.tsx";
import { useHealthFormat } from "./use-health-format.ts";

/**
 * One indicator as the study would explain it: the verdict in words and shape, the figure, the period,
 * the counts behind it, why it matters, how to improve it, how it is computed, and how it moved.
 */
export function IndicatorCard({ indicator, thresholds }: { indicator: HealthIndicator; thresholds: HealthThresholds }) {
  const { t } = useTranslation();
  const format = useFormat();
  const health = useHealthFormat();
  const text = healthIndicatorTexts[indicator.key];
  const title = format.label(text.title);
  const headingId = `indicator-${indicator.key}`;
  const { from, to } = indicator.period;
  const period =
    from === to
      ? t("health.card.periodDay", { date: health.date(to) })
      : t("health.card.periodRange", { from: health.date(from), to: health.date(to) });

  return (
    <article className={`health-card health-card--${indicator.status}`} aria-labelledby={headingId}>
      <header className="health-card__header">
        <h3 id={headingId}>{title}</h3>
        <HealthStatusBadge status={indicator.status} />
      </header>
      <dl className="health-card__headline">
        <div>
          <dt>{t("health.card.value")}</dt>
          <dd className="health-card__value">
            {indicator.value ? health.value(indicator.value) : t("health.card.insufficient")}
          </dd>
        </div>
        <div>
          <dt>{t("health.card.period")}</dt>
          <dd>{period}</dd>
        </div>
      </dl>
      {indicator.insufficient && (
        <p className="health-card__insufficient">{health.insufficient(indicator.insufficient)}</p>
      )}

      <h4>{t("health.card.basis")}</h4>
      <dl className="health-facts">
        {indicator.basis.map((fact) => (
          <div key={fact.key}>
            <dt>{health.factLabel(fact)}</dt>
            <dd>{health.factValue(fact)}</dd>
          </div>
        ))}
      </dl>
      {indicator.breakdown.length > 0 && (
        <>
          <h4>{t("health.card.breakdown")}</h4>
          <ul className="health-breakdown">
            {indicator.breakdown.map((item) => (
              <li key={item.label.fr}>
                <span>{format.label(item.label)}</span>
                <span className="health-breakdown__count">{format.number(item.count)}</span>
              </li>
            ))}
          </ul>
        </>
      )}

      <h4>{t("health.card.why")}</h4>
      <p>{format.label(text.why)}</p>
      <h4>{t("health.card.improve")}</h4>
      <p>{format.label(text.improve)}</p>
      <h4>{t("health.card.rule")}</h4>
      <p className="health-card__rule">{health.rule(indicator.key, thresholds)}</p>

      <h4>{t("health.card.trend")}</h4>
      <TrendFigure trend={indicator.trend} title={title} />
    </article>
  );
}
