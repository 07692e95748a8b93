import { useQuery } from "@tanstack/react-query";
import { projectStatusLabels, themeLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { TerritoryCards } from "./territory-cards.tsx";
import { territoryPageQueries } from "./territory-page-queries.ts";

export function TerritoryProjects({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useQuery(territoryPageQueries.projects(territoryId));
  return (
    <TerritoryCards
      list={list}
      section="projects"
      card={(project) => (
        <>
          <Link to={`/projets/${project.id}`} className="link-list__title">
            {project.title}
          </Link>
          <span className="link-list__meta">
            <span className={`status-badge status-badge--${project.status}`}>
              {format.label(projectStatusLabels[project.status])}
            </span>
            {project.themes.map((theme) => format.label(themeLabels[theme])).join(", ")}
          </span>
          <span className="link-list__note">{t("territoryPage.projects.in", { name: project.cooperation.name })}</span>
        </>
      )}
    />
  );
}
