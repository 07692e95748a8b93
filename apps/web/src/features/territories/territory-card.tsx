import { territoryKindLabels } from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import type { trpc } from "../../lib/trpc.ts";

export type TerritorySummary = inferOutput<typeof trpc.territory.search>["items"][number];

export function TerritoryCard({ territory }: { territory: TerritorySummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { population, departements } = territory;
  return (
    <article className="card" aria-labelledby={`territory-${territory.id}`}>
      <h3 className="card__title" id={`territory-${territory.id}`}>
        <Link to={`/territoires/${territory.id}`}>{territory.name}</Link>
      </h3>
      <p className="card__kind">{format.label(territoryKindLabels[territory.kind])}</p>
      <dl className="facts">
        <div className="facts__item">
          <dt>{t("territories.siren")}</dt>
          <dd className="tabular">{territory.siren ?? t("territories.unknown")}</dd>
        </div>
        <div className="facts__item">
          <dt>{t("territories.population")}</dt>
          <dd className="tabular">
            {population === null
              ? t("territories.unknown")
              : t("territories.populationValue", { count: population, formatted: format.number(population) })}
          </dd>
        </div>
        <div className="facts__item">
          <dt>{t("territories.departements", { count: Math.max(departements.length, 1) })}</dt>
          <dd>{departements.length ? departements.join(", ") : t("territories.unknown")}</dd>
        </div>
      </dl>
    </article>
  );
}
