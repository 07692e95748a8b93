import { useMutation, useQuery } from "@tanstack/react-query";
import { DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_SIZE_LABEL } from "@trame/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { forgetExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { TextField } from "../../ui/fields.tsx";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { DocumentRequestError, documentUrl, uploadDocument, useDocumentErrorText } from "./document-requests.ts";
import { type ProjectDetail, type ProjectDocument, useCanEditProject } from "./project-model.ts";
import { RemoveDocumentDialog } from "./remove-document-dialog.tsx";

/** The browser's picker offers only what the server accepts (it still decides from the bytes). */
const ACCEPT = Object.entries(DOCUMENT_TYPES)
  .flatMap(([mime, extensions]) => [mime, ...extensions.map((extension) => `.${extension}`)])
  .join(",");

export function DocumentsSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const canEdit = useCanEditProject(project);
  const documents = useQuery(trpc.document.list.queryOptions({ projectId: project.id }));
  return (
    <section className="section" aria-labelledby="documents-heading">
      <h2 id="documents-heading">{t("projects.documents.heading")}</h2>
      {canEdit && <UploadForm projectId={project.id} />}
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
  const extension = document.name.includes(".") ? (document.name.split(".").pop() ?? "").toUpperCase() : "";
  const megabytes = document.sizeBytes / (1024 * 1024);
  const size =
    megabytes >= 1
      ? t("projects.documents.megabytes", { value: format.number(Math.round(megabytes * 10) / 10) })
      : t("projects.documents.kilobytes", { value: format.number(Math.max(1, Math.round(document.sizeBytes / 1024))) });
  return (
    <li className="document">
      <div>
        <a href={documentUrl(document.id)} download={document.name} className="document__name">
          {document.name}
          <span className="visually-hidden"> {t("projects.documents.downloadHint")}</span>
        </a>
        <p className="document__meta">
          {[extension, size].filter(Boolean).join(" · ")}
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

function UploadForm({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const documentErrorText = useDocumentErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) => uploadDocument(projectId, file, setProgress),
    onSuccess(document) {
      setUploaded(document.name);
      if (input.current) input.current.value = "";
      // Cancel first: invalidating a list whose first load is still in flight would only wait for
      // that load, which started before this upload and so lacks it.
      const list = trpc.document.list.queryFilter({ projectId });
      void queryClient.cancelQueries(list).then(() => queryClient.invalidateQueries(list));
    },
    onError(error) {
      if (error instanceof DocumentRequestError) forgetExpiredSession(error.trame?.code);
      input.current?.focus();
    },
  });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setUploaded(null);
    const file = input.current?.files?.[0];
    const problem = !file
      ? t("projects.documents.pickFile")
      : file.size > MAX_DOCUMENT_BYTES
        ? t("projects.documents.tooLarge", { max: format.label(MAX_DOCUMENT_SIZE_LABEL) })
        : null;
    setLocalError(problem);
    if (problem || !file) {
      upload.reset();
      input.current?.focus();
      return;
    }
    setProgress(0);
    upload.mutate(file);
  }

  const serverFieldError =
    upload.error instanceof DocumentRequestError && upload.error.trame?.fields.length
      ? format.label(upload.error.trame.fields[0]?.message ?? upload.error.trame.message)
      : undefined;
  const fieldError = localError ?? serverFieldError;
  const generalError = upload.error && !serverFieldError && !localError ? documentErrorText(upload.error) : null;

  return (
    <form className="form quick-form" onSubmit={submit} noValidate aria-labelledby="upload-title">
      <h3 id="upload-title">{t("projects.documents.uploadTitle")}</h3>
      {generalError && (
        <div className="alert alert--error" role="alert">
          <p>{generalError}</p>
        </div>
      )}
      <TextField
        ref={input}
        id="document-file"
        type="file"
        name="file"
        accept={ACCEPT}
        label={t("projects.documents.file")}
        hint={t("projects.documents.fileHint", { max: format.label(MAX_DOCUMENT_SIZE_LABEL) })}
        error={fieldError}
        onChange={() => setLocalError(null)}
      />
      <OfflineNotice paused={upload.isPaused} />
      <div className="form__actions">
        <button type="submit" className="button" disabled={upload.isPending}>
          {upload.isPending ? t("projects.documents.uploading") : t("projects.documents.upload")}
        </button>
        {upload.isPending && (
          <progress
            className="upload__progress"
            max={1}
            value={progress}
            aria-label={t("projects.documents.progress")}
          />
        )}
        <p role="status" className="quick-form__status">
          {upload.isPending
            ? t("projects.documents.percent", { value: Math.round(progress * 100) })
            : uploaded && t("projects.documents.uploaded", { name: uploaded })}
        </p>
      </div>
    </form>
  );
}
