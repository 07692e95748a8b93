import { useQuery } from "@tanstack/react-query";
import { cooperationStatusLabels, engagementFormLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { territoryPageQueries } from "./territory-page-queries.ts";

export function TerritoryCooperations({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery(territoryPageQueries.cooperations(territoryId));
  if (list.isPending) return <p role="status">{t("app.loading")}</p>;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const { items, total } = list.data;
  if (items.length === 0) {
    return (
      <EmptyState title={t("territoryPage.cooperations.empty")}>
        <p>{t("territoryPage.cooperations.emptyHint")}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="section-count">
        {t("territoryPage.cooperations.count", { count: total, formatted: format.number(total) })}
      </p>
      <ul className="link-list link-list--cards">
        {items.map((cooperation) => (
          <li key={cooperation.id}>
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
          </li>
        ))}
      </ul>
      {total > items.length && (
        <p className="section-count">
          {t("territoryPage.cooperations.more", {
            shown: format.number(items.length),
            total: format.number(total),
          })}
        </p>
      )}
    </>
  );
}
