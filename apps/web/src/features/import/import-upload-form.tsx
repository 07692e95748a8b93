import { useMutation } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { useHttpErrorText } from "../../lib/http-upload.ts";
import { ACCEPTED_FILES, MAX_IMPORT_BYTES, type StoredUpload, uploadSpreadsheet } from "./import-requests.ts";

/** The file input: no file and too large a file are refused here, anything else by the server. */
export function ImportUploadForm({
  cooperationId,
  onUploaded,
}: {
  cooperationId: string;
  onUploaded: (upload: StoredUpload) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const httpErrorText = useHttpErrorText();
  const fileId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadSpreadsheet(cooperationId, chosen),
    // Offline, the attempt fails at once and says so, rather than waiting unseen for the network.
    networkMode: "always",
    onSuccess: onUploaded,
  });
  const error = refusal ?? (upload.error ? httpErrorText(upload.error) : null);

  return (
    <form
      className="import-upload"
      onSubmit={(event) => {
        event.preventDefault();
        upload.reset();
        if (!file) return setRefusal(t("imports.chooseFile"));
        if (file.size > MAX_IMPORT_BYTES) {
          return setRefusal(t("imports.tooLarge", { size: format.number(Math.ceil(file.size / 1024 / 1024)) }));
        }
        setRefusal(null);
        upload.mutate(file);
      }}
    >
      <div className={`field${error ? " field--error" : ""}`}>
        <label className="field__label" htmlFor={fileId}>
          {t("imports.file")}
        </label>
        <span className="field__hint" id={`${fileId}-hint`}>
          {t("imports.fileHint")}
        </span>
        <input
          id={fileId}
          type="file"
          accept={ACCEPTED_FILES}
          aria-describedby={`${fileId}-hint${error ? ` ${fileId}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setRefusal(null);
            upload.reset();
          }}
        />
        {error && (
          <span className="field__error" id={`${fileId}-error`} role="alert">
            {error}
          </span>
        )}
      </div>
      <button type="submit" className="button" disabled={upload.isPending}>
        {upload.isPending ? t("imports.uploading") : t("imports.upload")}
      </button>
    </form>
  );
}
