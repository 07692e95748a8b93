import { useState } from "react";
import { useTranslation } from "react-i18next";
import { documentUrl, useDocumentSummary } from "./document-requests.ts";
import { DocumentUploadForm } from "./document-upload-form.tsx";
import type { JointAction } from "./project-model.ts";
import { RemoveDocumentDialog } from "./remove-document-dialog.tsx";

/**
 * The files attached to one action (minutes, attendance sheet, photos), and for its editors the form
 * to attach one. The form is rendered only once asked for: a log of ten actions is not ten forms.
 */
export function ActionDocuments({ action, canEdit }: { action: JointAction; canEdit: boolean }) {
  const { t } = useTranslation();
  const summary = useDocumentSummary();
  const [attaching, setAttaching] = useState(false);
  const prefix = `action-${action.id}-document`;
  if (!canEdit && action.documents.length === 0) return null;
  return (
    <div className="action__documents">
      {action.documents.length > 0 && (
        <ul className="documents" aria-label={t("projects.actions.documents", { title: action.title })}>
          {action.documents.map((document) => (
            <li key={document.id} className="document">
              <div>
                <a href={documentUrl(document.id)} download={document.name} className="document__name">
                  {document.name}
                  <span className="visually-hidden"> {t("projects.documents.downloadHint")}</span>
                </a>
                <p className="document__meta">{summary(document)}</p>
              </div>
              {canEdit && <RemoveDocumentDialog document={document} listHeadingId="actions-heading" />}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <>
          <button
            type="button"
            className="button button--secondary button--small"
            aria-expanded={attaching}
            aria-label={t("projects.actions.attachNamed", { title: action.title })}
            onClick={() => setAttaching(!attaching)}
          >
            {t("projects.actions.attach")}
          </button>
          {attaching && (
            <DocumentUploadForm
              owner={{ actionId: action.id }}
              idPrefix={prefix}
              title={t("projects.actions.attachTitle", { title: action.title })}
            />
          )}
        </>
      )}
    </div>
  );
}
