import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { SelectField } from "../../ui/fields.tsx";
import type { ImportPreview } from "./import-model.ts";

/** Past this many rows the table shows the rows with a problem first; the report has them all. */
const SHOWN = 500;

/** Every row with what it will do, and every problem with its row number, column and reason. */
export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const filterId = useId();
  const [onlyProblems, setOnlyProblems] = useState(preview.counts.invalid > 0 && preview.rows.length > SHOWN);
  const rows = (onlyProblems ? preview.rows.filter((row) => row.problems.length > 0) : preview.rows).slice(0, SHOWN);
  const n = (value: number) => format.number(value);

  return (
    <div className="import-preview">
      <p className="import-preview__counts" role="status">
        {t("imports.counts", {
          create: n(preview.counts.create),
          update: n(preview.counts.update),
          invalid: n(preview.counts.invalid),
          skipped: n(preview.counts.skipped),
        })}
      </p>
      <div className="import-preview__filter">
        <SelectField
          id={filterId}
          label={t("imports.filter")}
          value={onlyProblems ? "problems" : "all"}
          onChange={(event) => setOnlyProblems(event.target.value === "problems")}
          options={[
            { value: "all", label: t("imports.filterAll") },
            { value: "problems", label: t("imports.filterProblems") },
          ]}
        />
      </div>
      <DataTable
        caption={t("imports.rowsCaption")}
        className="entity-table import-table"
        columns={[t("imports.row"), t("imports.outcome"), t("imports.label"), t("imports.problems")]}
        rows={rows}
        rowKey={(row) => row.row}
        rowClassName={(row) => `import-row import-row--${row.status}`}
        cells={(row) => [
          row.row,
          <span className={`import-status import-status--${row.status}`}>{t(`imports.status.${row.status}`)}</span>,
          row.label,
          row.problems.length > 0 && (
            <ul className="import-problems">
              {row.problems.map((problem, index) => (
                <li key={index}>
                  {problem.header
                    ? t("imports.problemAt", { header: problem.header, message: format.label(problem.message) })
                    : format.label(problem.message)}
                </li>
              ))}
            </ul>
          ),
        ]}
      />
    </div>
  );
}
