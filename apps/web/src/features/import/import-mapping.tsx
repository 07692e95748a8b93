import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { ScrollRegion } from "../../ui/scroll-region.tsx";
import { asChoice, type ImportPreview, type MappingChoice, type PreviewChoice } from "./import-model.ts";
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
  const [mapping, setMapping] = useState<MappingChoice>(() => asChoice(preview.mapping));
  const sheet = upload.sheets[preview.sheet];
  const firstRows = sheet?.firstRows ?? [];
  const headerChoices = Array.from({ length: Math.max(firstRows.length, preview.headerRow) }, (_, i) => i + 1);
  const used = new Set(Object.values(mapping).filter(Boolean));
  const missing = preview.fields.filter((field) => field.required && !used.has(field.key));

  return (
    <form
      className="import-mapping"
      onSubmit={(event) => {
        event.preventDefault();
        onApply({ sheet: preview.sheet, headerRow: preview.headerRow, mapping });
      }}
    >
      <div className="import-mapping__where">
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-sheet`}>
            {t("imports.sheet")}
          </label>
          <select
            id={`${ids}-sheet`}
            className="field__control"
            value={preview.sheet}
            disabled={disabled || upload.sheets.length < 2}
            onChange={(event) => onApply({ sheet: Number(event.target.value) })}
          >
            {upload.sheets.map((s, index) => (
              <option key={s.name} value={index}>
                {t("imports.sheetOption", { name: s.name, count: s.rowCount, formatted: format.number(s.rowCount) })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label className="field__label" htmlFor={`${ids}-header`}>
            {t("imports.headerRow")}
          </label>
          <select
            id={`${ids}-header`}
            className="field__control"
            value={preview.headerRow}
            disabled={disabled}
            onChange={(event) => onApply({ sheet: preview.sheet, headerRow: Number(event.target.value) })}
          >
            {headerChoices.map((row) => (
              <option key={row} value={row}>
                {t("imports.headerRowOption", {
                  row,
                  text: (firstRows[row - 1] ?? []).filter(Boolean).join(", ").slice(0, 80) || "—",
                })}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="field__hint">{t(`imports.mappingSource.${preview.mappingSource}`)}</p>
      <ScrollRegion label={t("imports.mappingCaption")}>
        <table className="entity-table import-table">
          <caption className="visually-hidden">{t("imports.mappingCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.column")}</th>
              <th scope="col">{t("imports.field")}</th>
            </tr>
          </thead>
          <tbody>
            {preview.headers.map((header, column) => {
              const name = header || t("imports.untitled", { n: column + 1 });
              const key = String(column);
              return (
                <tr key={key}>
                  <th scope="row">{name}</th>
                  <td>
                    <select
                      className="field__control"
                      aria-label={t("imports.fieldFor", { header: name })}
                      value={mapping[key] ?? ""}
                      disabled={disabled}
                      onChange={(event) => setMapping({ ...mapping, [key]: event.target.value || null })}
                    >
                      <option value="">{t("imports.ignore")}</option>
                      {preview.fields.map((field) => (
                        <option key={field.key} value={field.key}>
                          {field.required
                            ? t("imports.required", { label: format.label(field.label) })
                            : format.label(field.label)}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
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
