import { useQuery } from "@tanstack/react-query";
import { confidenceLabels, cooperationStatusLabels, engagementFormLabels } from "@trame/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { draftKey } from "../../lib/session-draft.ts";
import { useLiveCooperation } from "../../lib/use-live-record.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { useVersionedEdit } from "../../lib/use-versioned-edit.ts";
import { AriaLocale } from "../../ui/aria-locale.tsx";
import { LinkedText } from "../../ui/linked-text.tsx";
import { RecordChangeNotice } from "../../ui/record-change-notice.tsx";
import { useSession } from "../auth/use-session.ts";
import { HistoryPanel } from "../history/history-panel.tsx";
import { TimelineFeed } from "../timeline/timeline-feed.tsx";
import { CooperationEditForm } from "./cooperation-edit-form.tsx";
import {
  type CooperationDetail,
  cooperationValues,
  EMPTY_COOPERATION_VALUES,
  useCooperationRights,
} from "./cooperation-model.ts";
import { cooperationPageQueries } from "./cooperation-page-queries.ts";
import { CooperationProjects } from "./cooperation-projects.tsx";
import { CooperationSide } from "./cooperation-side.tsx";
import { EngagementFormDialog } from "./engagement-form-dialog.tsx";
import "../../ui/entity-page.css";
import { FollowToggle } from "../notifications/follow-toggle.tsx";
import "./cooperations.css";
import { RecordPage } from "../../ui/record-page.tsx";

// The map (d3, the outlines) is a chunk of its own, fetched with this page, never with the shell.
const CooperationMap = lazy(() => import("../map/cooperation-map.tsx"));

export default function CooperationPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const cooperation = useQuery(cooperationPageQueries.cooperation(id));
  usePageTitle(cooperation.data?.name ?? t("cooperations.page.title"));

  return (
    <RecordPage query={cooperation} texts="cooperations.page">
      {(data) => (
        <AriaLocale>
          <CooperationView cooperation={data} />
        </AriaLocale>
      )}
    </RecordPage>
  );
}

function CooperationView({ cooperation }: { cooperation: CooperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const { canEdit, canAdminister } = useCooperationRights(cooperation);
  const edit = useVersionedEdit(
    session.data ? draftKey(session.data.id, "cooperation", cooperation.id) : null,
    EMPTY_COOPERATION_VALUES,
  );
  const heard = useLiveCooperation(cooperation.id, session.data?.id);
  const { narrative } = cooperation;

  return (
    <article className="entity-page" aria-labelledby="cooperation-title">
      {cooperation.lead && (
        <nav aria-label={t("cooperations.page.breadcrumb")} className="entity-breadcrumb">
          <ol>
            <li>
              <Link to={`/territoires/${cooperation.lead.id}`}>{cooperation.lead.name}</Link>
            </li>
            <li aria-current="page">{cooperation.name}</li>
          </ol>
        </nav>
      )}
      <header className="entity-header">
        <p className="entity-header__kind">{format.label(engagementFormLabels[cooperation.engagementForm])}</p>
        <h1 id="cooperation-title">{cooperation.name}</h1>
        <FollowToggle target={{ kind: "cooperation", id: cooperation.id }} />
        <p className="entity-header__badges">
          <span className={`status status--${cooperation.status}`}>
            {format.label(cooperationStatusLabels[cooperation.status])}
          </span>
          {cooperation.startedOn && (
            <span className="entity-header__since">
              {t("cooperations.page.since", { date: format.date(cooperation.startedOn) })}
            </span>
          )}
          {cooperation.archived && <span className="badge badge--strong">{t("cooperations.page.archived")}</span>}
          {cooperation.confidence !== "confirmed" && (
            <span className="badge">{format.label(confidenceLabels[cooperation.confidence])}</span>
          )}
          <Link to={`/cooperations/${cooperation.id}/sante`}>{t("health.sheet.link")}</Link>
          {cooperation.sourceUrl && (
            <a href={cooperation.sourceUrl} rel="noopener noreferrer">
              {t("cooperations.page.source")}
            </a>
          )}
        </p>
        {(canEdit || canAdminister) && !edit.editing && (
          <div className="entity-header__actions">
            {canEdit && (
              <button
                type="button"
                className="button"
                onClick={() => edit.start(cooperationValues(cooperation), cooperation.version)}
              >
                {t("cooperations.page.edit")}
              </button>
            )}
            {canAdminister && <EngagementFormDialog cooperation={cooperation} />}
            {canEdit && (
              <Link className="button button--secondary" to={`/import?cooperation=${cooperation.id}`}>
                {t("imports.entry")}
              </Link>
            )}
          </div>
        )}
      </header>

      <RecordChangeNotice heard={heard} />
      {edit.editing && <CooperationEditForm cooperation={cooperation} edit={edit} />}

      <div className="entity-layout">
        <div className="entity-layout__main">
          {cooperation.description && (
            <section className="section" aria-labelledby="description-heading">
              <h2 id="description-heading">{t("cooperations.page.description")}</h2>
              <p className="prose">
                <LinkedText text={cooperation.description} />
              </p>
            </section>
          )}
          {!edit.editing && (
            <section className="section" aria-labelledby="narrative-heading">
              <h2 id="narrative-heading">{t("cooperations.narrative.heading")}</h2>
              {narrative.text ? (
                <blockquote className="narrative">
                  <p className="prose">
                    <LinkedText text={narrative.text} />
                  </p>
                </blockquote>
              ) : (
                <p>{t("cooperations.narrative.empty")}</p>
              )}
              {narrative.adoptedOn && (
                <p className="narrative__adopted">
                  {t("cooperations.narrative.adoptedOn", { date: format.date(narrative.adoptedOn) })}
                </p>
              )}
            </section>
          )}
          <section className="section" aria-labelledby="map-heading">
            <h2 id="map-heading">{t("map.cooperation.title")}</h2>
            <Suspense fallback={<p role="status">{t("map.loading")}</p>}>
              <CooperationMap cooperationId={cooperation.id} />
            </Suspense>
          </section>
          <CooperationProjects cooperationId={cooperation.id} />
        </div>
        <div className="entity-layout__side">
          <CooperationSide cooperation={cooperation} />
        </div>
      </div>

      <section className="section" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">{t("cooperations.page.timeline")}</h2>
        <TimelineFeed scope={{ cooperationId: cooperation.id }} />
      </section>

      <HistoryPanel entityType="cooperation" entityId={cooperation.id} />
    </article>
  );
}
