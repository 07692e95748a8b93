import { useQuery } from "@tanstack/react-query";
import type { ImportKind } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { ListState } from "../../ui/list-state.tsx";
import { reportUrl } from "./import-requests.ts";

/** Who imported what and when, with each run's report (row by row outcome) to download. */
export function ImportHistory({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery(trpc.import.history.queryOptions({ cooperationId }));
  return (
    <section className="import-step" aria-labelledby="import-history">
      <h2 id="import-history">{t("imports.history")}</h2>
      <ListState
        query={history}
        isEmpty={(runs) => runs.length === 0}
        empty={<p>{t("imports.historyEmpty")}</p>}
        loading={t("imports.loading")}
      >
        {(runs) => (
          <DataTable
            caption={t("imports.historyCaption")}
            className="entity-table import-table"
            columns={[
              t("imports.when"),
              t("imports.who"),
              t("imports.kind"),
              { head: t("imports.fileName"), className: "import-table__file" },
              t("imports.created"),
              t("imports.updated"),
              t("imports.skipped"),
              { head: t("imports.report"), hidden: true },
            ]}
            rows={runs}
            rowKey={(run) => run.id}
            cells={(run) => {
              const when = format.dateTime(run.createdAt);
              return [
                when,
                run.actor?.name ?? "—",
                t(`imports.kinds.${run.kind as ImportKind}`),
                <span title={run.sha256}>{run.fileName}</span>,
                format.number(run.created),
                format.number(run.updated),
                format.number(run.skipped),
                // The visible words start the link's name (WCAG 2.5.3); the file and date tell the links apart.
                <a href={reportUrl(run.id)} download>
                  {t("imports.report")}
                  <span className="visually-hidden"> {t("imports.reportOf", { name: run.fileName, date: when })}</span>
                </a>,
              ];
            }}
          />
        )}
      </ListState>
    </section>
  );
}
