import { useQuery } from "@tanstack/react-query";
import { projectStatusLabels, themeLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { territoryPageQueries } from "./territory-page-queries.ts";

export function TerritoryProjects({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery(territoryPageQueries.projects(territoryId));
  if (list.isPending) return <p role="status">{t("app.loading")}</p>;
  if (list.isError) return <QueryError error={list.error} onRetry={() => void list.refetch()} />;
  const { items, total } = list.data;
  if (items.length === 0) {
    return (
      <EmptyState title={t("territoryPage.projects.empty")}>
        <p>{t("territoryPage.projects.emptyHint")}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <p className="section-count">
        {t("territoryPage.projects.count", { count: total, formatted: format.number(total) })}
      </p>
      <ul className="link-list link-list--cards">
        {items.map((project) => (
          <li key={project.id}>
            <Link to={`/projets/${project.id}`} className="link-list__title">
              {project.title}
            </Link>
            <span className="link-list__meta">
              <span className={`status-badge status-badge--${project.status}`}>
                {format.label(projectStatusLabels[project.status])}
              </span>
              {project.themes.map((theme) => format.label(themeLabels[theme])).join(", ")}
            </span>
            <span className="link-list__note">
              {t("territoryPage.projects.in", { name: project.cooperation.name })}
            </span>
          </li>
        ))}
      </ul>
      {total > items.length && (
        <p className="section-count">
          {t("territoryPage.projects.more", { shown: format.number(items.length), total: format.number(total) })}
        </p>
      )}
    </>
  );
}
