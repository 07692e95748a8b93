import { useQuery } from "@tanstack/react-query";
import { NEIGHBOUR_KINDS, territoryKindLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { LinkedText } from "../../ui/linked-text.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { territoryPageQueries } from "./territory-page-queries.ts";

export function TerritoryNeighbours({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const neighbours = useQuery(territoryPageQueries.neighbours(territoryId));
  if (neighbours.isPending) return <p role="status">{t("app.loading")}</p>;
  if (neighbours.isError) return <QueryError error={neighbours.error} onRetry={() => void neighbours.refetch()} />;
  if (neighbours.data.length === 0) {
    return (
      <EmptyState title={t("territoryPage.neighbours.empty")}>
        <p>{t("territoryPage.neighbours.emptyHint")}</p>
      </EmptyState>
    );
  }
  return (
    <div className="neighbours">
      {NEIGHBOUR_KINDS.map((kind) => {
        const group = neighbours.data.filter((neighbour) => neighbour.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind} className="neighbours__group">
            <h3 id={`neighbours-${kind}`}>
              {t(`territoryPage.neighbours.${kind}`)} <span className="count">({format.number(group.length)})</span>
            </h3>
            <ul className="link-list" aria-labelledby={`neighbours-${kind}`}>
              {group.map(({ territory, source, lengthKm }) => (
                <li key={territory.id}>
                  <Link to={`/territoires/${territory.id}`} className="link-list__title">
                    {territory.name}
                  </Link>
                  <span className="link-list__meta">{format.label(territoryKindLabels[territory.kind])}</span>
                  {lengthKm !== null && (
                    <span className="link-list__meta">
                      {t("territoryPage.neighbours.border", { km: format.number(lengthKm) })}
                    </span>
                  )}
                  {source && (
                    <span className="link-list__note">
                      <LinkedText text={t("territoryPage.neighbours.source", { source })} />
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
