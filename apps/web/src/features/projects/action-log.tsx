import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { actionKindLabels } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { QueryError } from "../../ui/query-error.tsx";
import { useSession } from "../auth/use-session.ts";
import { ActionDocuments } from "./action-documents.tsx";
import { ActionEditDialog } from "./action-edit-dialog.tsx";
import { ActionForm } from "./action-form.tsx";
import { ActionNotes } from "./action-notes.tsx";
import { ActionRemoveDialog } from "./action-remove-dialog.tsx";
import { type ProjectDetail, useCanEditProject } from "./project-model.ts";

const PAGE = 10;
/** The API's page limit. */
const MAX_LIMIT = 100;

/** The project's action log, newest first, with the quick form, and edit and remove, for those who may change it. */
export function ActionLog({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const canEdit = useCanEditProject(project);
  const [limit, setLimit] = useState(PAGE);
  const actions = useQuery({
    ...trpc.action.list.queryOptions({ projectId: project.id, limit }),
    placeholderData: keepPreviousData,
  });

  return (
    <section className="section" aria-labelledby="actions-heading">
      <h2 id="actions-heading">{t("projects.actions.heading")}</h2>
      {canEdit && session.data && (
        <ActionForm project={project} userId={session.data.id} userName={session.data.name} />
      )}
      {actions.isPending && <p role="status">{t("projects.actions.loading")}</p>}
      {actions.isError && <QueryError error={actions.error} onRetry={() => void actions.refetch()} />}
      {actions.data && actions.data.items.length === 0 && <p>{t("projects.actions.empty")}</p>}
      {actions.data && actions.data.items.length > 0 && (
        <>
          <ol className="action-list">
            {actions.data.items.map((action) => {
              const pending = action.id.startsWith("pending-");
              return (
                <li key={action.id} className={pending ? "action action--pending" : "action"} aria-busy={pending}>
                  <p className="action__meta">
                    <time dateTime={action.occurredOn}>{format.date(action.occurredOn)}</time>
                    <span className="badge">{format.label(actionKindLabels[action.kind])}</span>
                    {pending && <span className="action__saving">{t("projects.actions.saving")}</span>}
                  </p>
                  <h3 className="action__title">{action.title}</h3>
                  {action.notes && <ActionNotes markdown={action.notes} />}
                  <p className="action__footer">
                    {action.territories.length > 0 && (
                      <span>
                        {t("projects.actions.involved")}{" "}
                        {action.territories.map((territory, index) => (
                          <span key={territory.id}>
                            {index > 0 && ", "}
                            <Link to={`/territoires/${territory.id}`}>{territory.name}</Link>
                          </span>
                        ))}
                      </span>
                    )}
                    {action.createdBy && <span>{t("projects.actions.by", { name: action.createdBy.name })}</span>}
                  </p>
                  {!pending && <ActionDocuments action={action} canEdit={canEdit} />}
                  {canEdit && session.data && !pending && (
                    <p className="action__controls">
                      <ActionEditDialog project={project} action={action} userId={session.data.id} />
                      <ActionRemoveDialog action={action} />
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
          {actions.data.total > actions.data.items.length && limit < MAX_LIMIT && (
            <div className="more">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => setLimit(Math.min(limit + PAGE, MAX_LIMIT))}
                disabled={actions.isFetching}
              >
                {t("projects.actions.more")}
              </button>
              <p className="more__count">
                {t("projects.actions.shown", {
                  shown: format.number(actions.data.items.length),
                  total: format.number(actions.data.total),
                })}
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
