import { useMutation, useQueryClient } from "@tanstack/react-query";
import { IMPORT_KINDS, type ImportKind, type ImportMode } from "@trame/core";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { focusHeading } from "../../ui/focus-after.ts";
import { useErrorText } from "../../ui/query-error.tsx";
import { ImportMapping } from "./import-mapping.tsx";
import type { ImportResult, PreviewChoice } from "./import-model.ts";
import { ImportPreviewTable } from "./import-preview-table.tsx";
import {
  ACCEPTED_FILES,
  MAX_IMPORT_BYTES,
  type StoredUpload,
  templateUrl,
  UploadError,
  uploadSpreadsheet,
} from "./import-requests.ts";
import { ImportResultView } from "./import-result.tsx";

/** The steps of an import, each revealed when the one before is done, focus moving to its heading. */
export function ImportFlow({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const fileId = useId();
  const [kind, setKind] = useState<ImportKind>("projects");
  const [file, setFile] = useState<File | null>(null);
  const [upload, setUpload] = useState<StoredUpload | null>(null);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [choice, setChoice] = useState<PreviewChoice>({ sheet: 0 });
  const [mode, setMode] = useState<ImportMode>("valid");
  const [result, setResult] = useState<ImportResult | null>(null);

  const preview = useMutation(
    trpc.import.preview.mutationOptions({
      onSuccess() {
        focusHeading("import-step-mapping");
      },
    }),
  );
  const commit = useMutation(
    trpc.import.commit.mutationOptions({
      onSuccess(done) {
        setResult(done);
        // New projects, actions and applications show everywhere: lists, timelines, dashboards.
        void queryClient.invalidateQueries();
        focusHeading("import-step-result");
      },
    }),
  );

  const runPreview = (uploadId: string, next: PreviewChoice, forKind = kind) => {
    setChoice(next);
    preview.mutate({ uploadId, kind: forKind, ...next });
  };

  const restart = () => {
    setUpload(null);
    setFile(null);
    setResult(null);
    setUploadError(null);
    preview.reset();
    commit.reset();
    setChoice({ sheet: 0 });
    focusHeading("import-step-file");
  };

  const send = async () => {
    setUploadError(null);
    if (!file) return setUploadError(t("imports.chooseFile"));
    if (file.size > MAX_IMPORT_BYTES) {
      return setUploadError(t("imports.tooLarge", { size: format.number(Math.ceil(file.size / 1024 / 1024)) }));
    }
    setUploading(true);
    try {
      const stored = await uploadSpreadsheet(cooperationId, file);
      setUpload(stored);
      commit.reset();
      setResult(null);
      runPreview(stored.id, { sheet: 0 });
    } catch (error) {
      setUploadError(
        error instanceof UploadError && error.trame ? format.label(error.trame.message) : t("errors.network"),
      );
    } finally {
      setUploading(false);
    }
  };

  const data = preview.data;
  const locked = result !== null || commit.isPending;

  return (
    <div className="import-flow">
      <section className="import-step" aria-labelledby="import-step-kind">
        <h2 id="import-step-kind">{t("imports.steps.kind")}</h2>
        <fieldset className="import-kinds" disabled={upload !== null}>
          <legend>{t("imports.kindLegend")}</legend>
          {IMPORT_KINDS.map((value) => (
            <label key={value} className="import-kinds__choice">
              <input
                type="radio"
                name="import-kind"
                value={value}
                checked={kind === value}
                onChange={() => setKind(value)}
              />
              {t(`imports.kinds.${value}`)}
            </label>
          ))}
        </fieldset>
        <p>
          <a href={templateUrl(kind)} download>
            {t("imports.template", { kind: t(`imports.kinds.${kind}`) })}
          </a>
        </p>
        <p className="field__hint">{t("imports.templateHint")}</p>
      </section>

      <section className="import-step" aria-labelledby="import-step-file">
        <h2 id="import-step-file">{t("imports.steps.file")}</h2>
        {upload ? (
          <p role="status">
            {t("imports.uploaded", { name: upload.fileName })}{" "}
            <button type="button" className="button button--link" onClick={restart}>
              {t("imports.again")}
            </button>
          </p>
        ) : (
          <form
            className="import-upload"
            onSubmit={(event) => {
              event.preventDefault();
              void send();
            }}
          >
            <div className={`field${uploadError ? " field--error" : ""}`}>
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
                aria-describedby={`${fileId}-hint${uploadError ? ` ${fileId}-error` : ""}`}
                aria-invalid={uploadError ? true : undefined}
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setUploadError(null);
                }}
              />
              {uploadError && (
                <span className="field__error" id={`${fileId}-error`} role="alert">
                  {uploadError}
                </span>
              )}
            </div>
            <button type="submit" className="button" disabled={uploading}>
              {uploading ? t("imports.uploading") : t("imports.upload")}
            </button>
          </form>
        )}
      </section>

      {upload && (
        <section className="import-step" aria-labelledby="import-step-mapping">
          <h2 id="import-step-mapping">{t("imports.steps.mapping")}</h2>
          {preview.isPending && <p role="status">{t("imports.previewing")}</p>}
          {preview.isError && (
            <p className="alert alert--error" role="alert">
              {errorText(preview.error)}
            </p>
          )}
          {data && (
            <ImportMapping
              key={`${data.sheet}:${data.headerRow}:${JSON.stringify(data.mapping)}`}
              upload={upload}
              preview={data}
              disabled={preview.isPending || locked}
              onApply={(next) => runPreview(upload.id, next)}
            />
          )}
        </section>
      )}

      {upload && data && (
        <section className="import-step" aria-labelledby="import-step-preview">
          <h2 id="import-step-preview">{t("imports.steps.preview")}</h2>
          <ImportPreviewTable preview={data} />
          {!result && (
            <form
              className="import-commit"
              onSubmit={(event) => {
                event.preventDefault();
                commit.mutate({ uploadId: upload.id, kind: data.kind, ...choice, mode });
              }}
            >
              <fieldset>
                <legend>{t("imports.modeLegend")}</legend>
                <label className="import-kinds__choice">
                  <input type="radio" name="import-mode" checked={mode === "valid"} onChange={() => setMode("valid")} />
                  {t("imports.modeValid", { count: data.counts.create + data.counts.update })}
                </label>
                <label className="import-kinds__choice">
                  <input type="radio" name="import-mode" checked={mode === "all"} onChange={() => setMode("all")} />
                  {t("imports.modeAll")}
                </label>
              </fieldset>
              {commit.isError && (
                <p className="alert alert--error" role="alert">
                  {errorText(commit.error)}
                </p>
              )}
              <button type="submit" className="button" disabled={commit.isPending || preview.isPending}>
                {commit.isPending ? t("imports.committing") : t("imports.commit")}
              </button>
            </form>
          )}
        </section>
      )}

      {result && (
        <section className="import-step" aria-labelledby="import-step-result">
          <h2 id="import-step-result">{t("imports.steps.result")}</h2>
          <ImportResultView cooperationId={cooperationId} kind={kind} result={result} onAgain={restart} />
        </section>
      )}
    </div>
  );
}
