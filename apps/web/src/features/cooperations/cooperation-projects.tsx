import { useQuery } from "@tanstack/react-query";
import { projectStatusLabels, themeLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";

/** The API's page limit: a cooperation with more joint projects than this is far beyond any known one. */
const SHOWN = 100;

export function CooperationProjects({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const projects = useQuery(trpc.project.list.queryOptions({ cooperationId, limit: SHOWN }));
  const exportHref = `/api/exports/projects.csv?${new URLSearchParams({ cooperationId })}`;

  return (
    <section className="section" aria-labelledby="projects-heading">
      <div className="section__header">
        <h2 id="projects-heading">{t("cooperations.projects.heading")}</h2>
        <a href={exportHref} download className="export-link">
          {t("cooperations.projects.export")}
        </a>
      </div>
      {projects.isPending && <p role="status">{t("cooperations.projects.loading")}</p>}
      {projects.isError && <QueryError error={projects.error} onRetry={() => void projects.refetch()} />}
      {projects.data?.items.length === 0 && <EmptyState title={t("cooperations.projects.empty")} />}
      {projects.data && projects.data.items.length > 0 && (
        <ul className="project-cards">
          {projects.data.items.map((project) => (
            <li key={project.id} className="project-card">
              <h3 className="project-card__title">
                <Link to={`/projets/${project.id}`}>{project.title}</Link>
              </h3>
              <p className="project-card__meta">
                <span className={`status status--${project.status}`}>
                  {format.label(projectStatusLabels[project.status])}
                </span>
                {project.themes.map((theme) => (
                  <span key={theme} className="badge">
                    {format.label(themeLabels[theme])}
                  </span>
                ))}
              </p>
              <dl className="project-card__facts">
                {project.lead && (
                  <div>
                    <dt>{t("cooperations.projects.lead")}</dt>
                    <dd>{project.lead.name}</dd>
                  </div>
                )}
                <div>
                  <dt>{t("cooperations.projects.partners")}</dt>
                  <dd>{format.number(project.partnerCount)}</dd>
                </div>
                {project.budgetCents !== null && (
                  <div>
                    <dt>{t("cooperations.projects.budget")}</dt>
                    <dd className="tabular">{`${format.number(project.budgetCents / 100)} €`}</dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
