import type { ImportKind } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { DataTable } from "../../ui/data-table.tsx";
import type { ImportResult } from "./import-model.ts";
import { reportUrl } from "./import-requests.ts";

/** Where an imported entity is seen: a project has its page; actions and applications show on their cooperation's. */
function entityLink(kind: ImportKind, entityId: string, cooperationId: string): string {
  if (kind === "projects") return `/projets/${entityId}`;
  if (kind === "applications") return "/financements";
  return `/cooperations/${cooperationId}`;
}

export function ImportResultView({
  cooperationId,
  kind,
  result,
  onAgain,
}: {
  cooperationId: string;
  kind: ImportKind;
  result: ImportResult;
  onAgain: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const written = result.rows.filter((row) => row.entityId);
  return (
    <div className="import-result">
      <p className="alert alert--success" role="status">
        {t("imports.resultCounts", {
          created: format.number(result.created),
          updated: format.number(result.updated),
          skipped: format.number(result.skipped),
        })}
      </p>
      {written.length > 0 && (
        <DataTable
          caption={t("imports.resultCaption")}
          className="entity-table import-table"
          columns={[t("imports.row"), t("imports.outcome"), t("imports.label")]}
          rows={written}
          rowKey={(row) => row.row}
          cells={(row) => [
            row.row,
            t(`imports.outcomes.${row.outcome}`),
            <Link to={entityLink(kind, row.entityId ?? "", cooperationId)}>{row.label}</Link>,
          ]}
        />
      )}
      <p className="import-result__actions">
        <a className="button button--secondary" href={reportUrl(result.runId)} download>
          {t("imports.report")}
        </a>
        <Link className="button button--secondary" to={`/cooperations/${cooperationId}`}>
          {t("imports.back")}
        </Link>
        <button type="button" className="button button--link" onClick={onAgain}>
          {t("imports.again")}
        </button>
      </p>
    </div>
  );
}
