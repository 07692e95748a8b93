import { useQuery } from "@tanstack/react-query";
import { projectStatusLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { draftKey } from "../../lib/session-draft.ts";
import { useLiveProject } from "../../lib/use-live-record.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { useVersionedEdit } from "../../lib/use-versioned-edit.ts";
import { AriaLocale } from "../../ui/aria-locale.tsx";
import { LinkedText } from "../../ui/linked-text.tsx";
import { RecordChangeNotice } from "../../ui/record-change-notice.tsx";
import { useSession } from "../auth/use-session.ts";
import { HistoryPanel } from "../history/history-panel.tsx";
import { TimelineFeed } from "../timeline/timeline-feed.tsx";
import { ActionLog } from "./action-log.tsx";
import { DocumentsSection } from "./documents-section.tsx";
import { FundingSection } from "./funding-section.tsx";
import { ProjectEditForm } from "./project-edit-form.tsx";
import { EMPTY_PROJECT_VALUES, projectValues } from "./project-edit-values.ts";
import { ProjectFacts } from "./project-facts.tsx";
import { type ProjectDetail, useCanEditProject } from "./project-model.ts";
import { projectPageQueries } from "./project-page-queries.ts";
import { StatusDialog } from "./status-dialog.tsx";
import "../../ui/entity-page.css";
import { FollowToggle } from "../notifications/follow-toggle.tsx";
import "./projects.css";
import { RecordPage } from "../../ui/record-page.tsx";

export default function ProjectPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const project = useQuery(projectPageQueries.project(id));
  usePageTitle(project.data?.title ?? t("projects.page.title"));

  return (
    <RecordPage query={project} texts="projects.page">
      {(data) => (
        <AriaLocale>
          <ProjectView project={data} />
        </AriaLocale>
      )}
    </RecordPage>
  );
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const canEdit = useCanEditProject(project);
  const edit = useVersionedEdit(
    session.data ? draftKey(session.data.id, "project", project.id) : null,
    EMPTY_PROJECT_VALUES,
  );
  const heard = useLiveProject(project.id, session.data?.id);

  return (
    <article className="entity-page" aria-labelledby="project-heading">
      <nav aria-label={t("projects.page.breadcrumb")} className="entity-breadcrumb">
        <ol>
          <li>
            <Link to={`/cooperations/${project.cooperation.id}`}>{project.cooperation.name}</Link>
          </li>
          <li aria-current="page">{project.title}</li>
        </ol>
      </nav>
      <header className="entity-header">
        <p className="entity-header__kind">{t("projects.page.kind")}</p>
        <h1 id="project-heading">{project.title}</h1>
        <FollowToggle target={{ kind: "project", id: project.id }} />
        <p className="entity-header__badges">
          <span className={`status status--${project.status}`}>
            {format.label(projectStatusLabels[project.status])}
          </span>
          {project.statusChangedOn && (
            <span className="entity-header__since">
              {t("projects.page.since", { date: format.date(project.statusChangedOn) })}
            </span>
          )}
          {project.visibility === "partners" && <span className="badge">{t("projects.page.restricted")}</span>}
          {project.archived && <span className="badge badge--strong">{t("projects.page.archived")}</span>}
          {project.lead && (
            <span>
              {t("projects.page.lead")} <Link to={`/territoires/${project.lead.id}`}>{project.lead.name}</Link>
            </span>
          )}
        </p>
        {canEdit && !edit.editing && (
          <div className="entity-header__actions">
            <button
              type="button"
              className="button"
              onClick={() => edit.start(projectValues(project), project.version)}
            >
              {t("projects.page.edit")}
            </button>
            <StatusDialog project={project} />
          </div>
        )}
      </header>

      <RecordChangeNotice heard={heard} />
      {edit.editing && <ProjectEditForm project={project} edit={edit} />}

      <div className="entity-layout">
        <div className="entity-layout__main">
          {!edit.editing && (
            <section className="section" aria-labelledby="summary-heading">
              <h2 id="summary-heading">{t("projects.page.summary")}</h2>
              <p className="prose">
                {project.summary ? <LinkedText text={project.summary} /> : t("projects.page.noSummary")}
              </p>
            </section>
          )}
          <ActionLog project={project} />
          <DocumentsSection project={project} />
        </div>
        <div className="entity-layout__side">
          <ProjectFacts project={project} />
        </div>
      </div>

      {/* Full width: the funding tables and the timeline need the room. */}
      <FundingSection project={project} />
      <section className="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("projects.page.timeline")}</h2>
        <TimelineFeed scope={{ projectId: project.id }} />
      </section>

      <HistoryPanel entityType="project" entityId={project.id} />
    </article>
  );
}
