import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { QueryError } from "../../ui/query-error.tsx";
import { documentUrl, useDocumentSummary } from "./document-requests.ts";
import { DocumentUploadForm } from "./document-upload-form.tsx";
import { type ProjectDetail, type ProjectDocument, useCanEditProject } from "./project-model.ts";
import { RemoveDocumentDialog } from "./remove-document-dialog.tsx";

export function DocumentsSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const canEdit = useCanEditProject(project);
  const documents = useQuery(trpc.document.list.queryOptions({ projectId: project.id }));
  return (
    <section className="section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("projects.documents.heading")}</h2>
      {canEdit && (
        <DocumentUploadForm
          owner={{ projectId: project.id }}
          idPrefix="document"
          title={t("projects.documents.uploadTitle")}
        />
      )}
      {documents.isPending && <p role="status">{t("projects.documents.loading")}</p>}
      {documents.isError && <QueryError error={documents.error} onRetry={() => void documents.refetch()} />}
      {documents.data?.length === 0 && <p>{t("projects.documents.empty")}</p>}
      {documents.data && documents.data.length > 0 && (
        <ul className="documents">
          {documents.data.map((document) => (
            <DocumentItem key={document.id} document={document} canRemove={canEdit} />
          ))}
        </ul>
      )}
    </section>
  );
}

function DocumentItem({ document, canRemove }: { document: ProjectDocument; canRemove: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const summary = useDocumentSummary();
  return (
    <li className="document">
      <div>
        <a href={documentUrl(document.id)} download={document.name} className="document__name">
          {document.name}
          <span className="visually-hidden"> {t("projects.documents.downloadHint")}</span>
        </a>
        <p className="document__meta">
          {summary(document)}
          {" — "}
          {document.uploadedBy
            ? t("projects.documents.addedBy", {
                name: document.uploadedBy.name,
                date: format.dateTime(document.createdAt),
              })
            : format.dateTime(document.createdAt)}
        </p>
      </div>
      {canRemove && <RemoveDocumentDialog document={document} />}
    </li>
  );
}
