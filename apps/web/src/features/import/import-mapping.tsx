import { useId } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { SelectField } from "../../ui/fields.tsx";
import type { ImportPreview, PreviewChoice } from "./import-model.ts";
import type { StoredUpload } from "./import-requests.ts";

/**
 * The sheet, the header row and the column → field mapping, as the server read or remembered them;
 * the user corrects any of them and asks for a new preview. A new sheet or header row starts from the
 * server's matching again, since the columns are not the same.
 */
export function ImportMapping({
  upload,
  preview,
  disabled,
  onApply,
}: {
  upload: StoredUpload;
  preview: ImportPreview;
  disabled: boolean;
  onApply: (choice: PreviewChoice) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const ids = useId();
  // One field a column, in the columns' order: "" leaves the column out.
  const { control, register, handleSubmit } = useForm({
    defaultValues: { fields: preview.headers.map((_, column) => preview.mapping[column] ?? "") },
  });
  const fields = useWatch({ control, name: "fields" });
  const sheet = upload.sheets[preview.sheet];
  const firstRows = sheet?.firstRows ?? [];
  const headerChoices = Array.from({ length: Math.max(firstRows.length, preview.headerRow) }, (_, i) => i + 1);
  const missing = preview.fields.filter((field) => field.required && !fields.includes(field.key));
  const apply = handleSubmit((values) =>
    onApply({
      sheet: preview.sheet,
      headerRow: preview.headerRow,
      mapping: Object.fromEntries(values.fields.map((key, column) => [String(column), key || null])),
    }),
  );

  return (
    <form className="import-mapping" onSubmit={apply}>
      <div className="import-mapping__where">
        <SelectField
          id={`${ids}-sheet`}
          label={t("imports.sheet")}
          value={preview.sheet}
          disabled={disabled || upload.sheets.length < 2}
          onChange={(event) => onApply({ sheet: Number(event.target.value) })}
          options={upload.sheets.map((s, index) => ({
            value: String(index),
            label: t("imports.sheetOption", { name: s.name, count: s.rowCount, formatted: format.number(s.rowCount) }),
          }))}
        />
        <SelectField
          id={`${ids}-header`}
          label={t("imports.headerRow")}
          value={preview.headerRow}
          disabled={disabled}
          onChange={(event) => onApply({ sheet: preview.sheet, headerRow: Number(event.target.value) })}
          options={headerChoices.map((row) => ({
            value: String(row),
            label: t("imports.headerRowOption", {
              row,
              text: (firstRows[row - 1] ?? []).filter(Boolean).join(", ").slice(0, 80) || "—",
            }),
          }))}
        />
      </div>
      <p className="field__hint">{t(`imports.mappingSource.${preview.mappingSource}`)}</p>
      <DataTable
        caption={t("imports.mappingCaption")}
        className="entity-table import-table"
        columns={[t("imports.column"), t("imports.field")]}
        rows={preview.headers.map((header, column) => ({
          column,
          name: header || t("imports.untitled", { n: column + 1 }),
        }))}
        rowKey={({ column }) => column}
        cells={({ column, name }) => [
          name,
          <select
            className="field__control"
            aria-label={t("imports.fieldFor", { header: name })}
            disabled={disabled}
            {...register(`fields.${column}`)}
          >
            <option value="">{t("imports.ignore")}</option>
            {preview.fields.map((field) => (
              <option key={field.key} value={field.key}>
                {field.required
                  ? t("imports.required", { label: format.label(field.label) })
                  : format.label(field.label)}
              </option>
            ))}
          </select>,
        ]}
      />
      {missing.length > 0 && (
        <p className="alert alert--warning" role="status">
          {t("imports.missingRequired", { fields: missing.map((f) => format.label(f.label)).join(", ") })}
        </p>
      )}
      <button type="submit" className="button button--secondary" disabled={disabled}>
        {t("imports.apply")}
      </button>
    </form>
  );
}
