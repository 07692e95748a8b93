import { useQuery } from "@tanstack/react-query";
import { cooperationStatusLabels, engagementFormLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { TerritoryCards } from "./territory-cards.tsx";
import { territoryPageQueries } from "./territory-page-queries.ts";

export function TerritoryCooperations({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery(territoryPageQueries.cooperations(territoryId));
  return (
    <TerritoryCards
      list={list}
      section="cooperations"
      card={(cooperation) => (
        <>
          <Link to={`/cooperations/${cooperation.id}`} className="link-list__title">
            {cooperation.name}
          </Link>
          <span className="link-list__meta">
            {format.label(engagementFormLabels[cooperation.engagementForm])}
            {" · "}
            {format.label(cooperationStatusLabels[cooperation.status])}
            {cooperation.startedOn &&
              ` · ${t("territoryPage.cooperations.since", { year: cooperation.startedOn.slice(0, 4) })}`}
          </span>
          <span className="link-list__note">
            {t("territoryPage.cooperations.members", {
              count: cooperation.memberCount,
              formatted: format.number(cooperation.memberCount),
            })}
            {cooperation.lead && ` · ${t("territoryPage.cooperations.lead", { name: cooperation.lead.name })}`}
          </span>
        </>
      )}
    />
  );
}
