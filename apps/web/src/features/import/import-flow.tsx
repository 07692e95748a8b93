import { useIsMutating, useMutation } from "@tanstack/react-query";
import { IMPORT_KINDS, type ImportKind, type ImportMode } from "@trame/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";
import { focusHeading } from "../../ui/focus-after.ts";
import { useErrorText } from "../../ui/query-error.tsx";
import { ImportChoices } from "./import-choices.tsx";
import { ImportCommitForm } from "./import-commit-form.tsx";
import { ImportMapping } from "./import-mapping.tsx";
import type { ImportResult, PreviewChoice } from "./import-model.ts";
import { ImportPreviewTable } from "./import-preview-table.tsx";
import { type StoredUpload, templateUrl } from "./import-requests.ts";
import { ImportResultView } from "./import-result.tsx";
import { ImportUploadForm } from "./import-upload-form.tsx";

/** The steps of an import, each revealed when the one before is done, focus moving to its heading. */
export function ImportFlow({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [kind, setKind] = useState<ImportKind>("projects");
  const [upload, setUpload] = useState<StoredUpload | null>(null);
  const [choice, setChoice] = useState<PreviewChoice>({ sheet: 0 });
  const [mode, setMode] = useState<ImportMode>("valid");
  const [result, setResult] = useState<ImportResult | null>(null);
  const committing = useIsMutating({ mutationKey: trpc.import.commit.mutationKey() }) > 0;

  const preview = useMutation(
    trpc.import.preview.mutationOptions({
      onSuccess() {
        focusHeading("import-step-mapping");
      },
    }),
  );

  const runPreview = (uploadId: string, next: PreviewChoice) => {
    setChoice(next);
    preview.mutate({ uploadId, kind, ...next });
  };

  const restart = () => {
    setUpload(null);
    setResult(null);
    preview.reset();
    setChoice({ sheet: 0 });
    focusHeading("import-step-file");
  };

  const data = preview.data;
  const locked = result !== null || committing;

  return (
    <div className="import-flow">
      <section className="import-step" aria-labelledby="import-step-kind">
        <h2 id="import-step-kind">{t("imports.steps.kind")}</h2>
        <ImportChoices
          name="import-kind"
          legend={t("imports.kindLegend")}
          className="import-kinds"
          disabled={upload !== null}
          options={IMPORT_KINDS.map((value) => ({ value, label: t(`imports.kinds.${value}`) }))}
          value={kind}
          onChange={setKind}
        />
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
          <ImportUploadForm
            cooperationId={cooperationId}
            onUploaded={(stored) => {
              setUpload(stored);
              setResult(null);
              runPreview(stored.id, { sheet: 0 });
            }}
          />
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
            <ImportCommitForm
              uploadId={upload.id}
              preview={data}
              choice={choice}
              disabled={preview.isPending}
              mode={mode}
              onModeChange={setMode}
              onDone={(done) => {
                setResult(done);
                focusHeading("import-step-result");
              }}
            />
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
