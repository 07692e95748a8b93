import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { ScrollRegion } from "../../ui/scroll-region.tsx";
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
      <div className="field import-preview__filter">
        <label className="field__label" htmlFor={filterId}>
          {t("imports.filter")}
        </label>
        <select
          id={filterId}
          className="field__control"
          value={onlyProblems ? "problems" : "all"}
          onChange={(event) => setOnlyProblems(event.target.value === "problems")}
        >
          <option value="all">{t("imports.filterAll")}</option>
          <option value="problems">{t("imports.filterProblems")}</option>
        </select>
      </div>
      <ScrollRegion label={t("imports.rowsCaption")}>
        <table className="entity-table import-table">
          <caption className="visually-hidden">{t("imports.rowsCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("imports.row")}</th>
              <th scope="col">{t("imports.outcome")}</th>
              <th scope="col">{t("imports.label")}</th>
              <th scope="col">{t("imports.problems")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.row} className={`import-row import-row--${row.status}`}>
                <th scope="row">{row.row}</th>
                <td>
                  <span className={`import-status import-status--${row.status}`}>
                    {t(`imports.status.${row.status}`)}
                  </span>
                </td>
                <td>{row.label}</td>
                <td>
                  {row.problems.length > 0 && (
                    <ul className="import-problems">
                      {row.problems.map((problem, index) => (
                        <li key={index}>
                          {problem.header
                            ? t("imports.problemAt", { header: problem.header, message: format.label(problem.message) })
                            : format.label(problem.message)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </div>
  );
}
