import { type ImportMode, importCommitInputSchema } from "@trame/core";
import { useController } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { SchemaForm } from "../../ui/schema-form.tsx";
import { ImportChoices } from "./import-choices.tsx";
import type { ImportPreview, ImportResult, PreviewChoice } from "./import-model.ts";

interface ImportCommitFormProps {
  uploadId: string;
  preview: ImportPreview;
  /** The sheet, header row and mapping the preview was made with: the import writes what was shown. */
  choice: PreviewChoice;
  /** A new preview is on its way: importing now would write another one than the shown. */
  disabled: boolean;
  /** The last mode chosen: each new preview remounts this form, and the choice made must stay. */
  mode: ImportMode;
  onModeChange: (mode: ImportMode) => void;
  onDone: (result: ImportResult) => void;
}

export function ImportCommitForm(props: ImportCommitFormProps) {
  const { uploadId, preview, choice, disabled, onModeChange, onDone } = props;
  const { t } = useTranslation();
  const form = useSchemaForm({
    idPrefix: "import-commit",
    defaultValues: { mode: props.mode },
    schema: importCommitInputSchema,
    toInput: ({ mode }) => ({ uploadId, kind: preview.kind, ...choice, mode }),
    mutation: trpc.import.commit.mutationOptions({
      onSuccess(result) {
        // New projects, actions and applications show everywhere: lists, timelines, dashboards.
        void queryClient.invalidateQueries();
        onDone(result);
      },
    }),
  });
  const mode = useController({ name: "mode", control: form.methods.control }).field;

  return (
    <SchemaForm form={form} className="import-commit">
      <ImportChoices
        name="import-mode"
        legend={t("imports.modeLegend")}
        options={[
          { value: "valid", label: t("imports.modeValid", { count: preview.counts.create + preview.counts.update }) },
          { value: "all", label: t("imports.modeAll") },
        ]}
        value={mode.value}
        onChange={(value) => {
          mode.onChange(value);
          onModeChange(value);
        }}
      />
      <button type="submit" className="button" disabled={form.send.isPending || disabled}>
        {form.send.isPending ? t("imports.committing") : t("imports.commit")}
      </button>
    </SchemaForm>
  );
}
