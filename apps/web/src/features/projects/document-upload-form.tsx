import { useMutation } from "@tanstack/react-query";
import { DOCUMENT_TYPES, type DocumentOwner, MAX_DOCUMENT_BYTES, MAX_DOCUMENT_SIZE_LABEL } from "@trame/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { forgetExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { TextField } from "../../ui/fields.tsx";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { DocumentRequestError, uploadDocument, useDocumentErrorText } from "./document-requests.ts";

/** The browser's picker offers only what the server accepts (it still decides from the bytes). */
const ACCEPT = Object.entries(DOCUMENT_TYPES)
  .flatMap(([mime, extensions]) => [mime, ...extensions.map((extension) => `.${extension}`)])
  .join(",");

interface UploadFormProps {
  owner: DocumentOwner;
  /** Prefix of the form's element ids: several forms can share a page (the project's, an action's). */
  idPrefix: string;
  title: string;
}

/** One upload form for a project's documents and an action's: pick, check size, send with progress. */
export function DocumentUploadForm({ owner, idPrefix, title }: UploadFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const documentErrorText = useDocumentErrorText();
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState(0);
  const [localError, setLocalError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState<string | null>(null);

  const upload = useMutation({
    mutationFn: (file: File) => uploadDocument(owner, file, setProgress),
    onSuccess(document) {
      setUploaded(document.name);
      if (input.current) input.current.value = "";
      // Cancel first: invalidating a list whose first load is still in flight would only wait for
      // that load, which started before this upload and so lacks it.
      // The timelines too: the upload is on them (refetched, never guessed).
      const lists = [trpc.document.list.queryFilter(owner), trpc.action.list.pathFilter(), trpc.timeline.pathFilter()];
      for (const list of lists) {
        void queryClient.cancelQueries(list).then(() => queryClient.invalidateQueries(list));
      }
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
    <form className="form quick-form" onSubmit={submit} noValidate aria-labelledby={`${idPrefix}-title`}>
      <h3 id={`${idPrefix}-title`}>{title}</h3>
      {generalError && (
        <div className="alert alert--error" role="alert">
          <p>{generalError}</p>
        </div>
      )}
      <TextField
        ref={input}
        id={`${idPrefix}-file`}
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
