import { useQuery } from "@tanstack/react-query";
import type { ImportKind } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { QueryError } from "../../ui/query-error.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";
import { reportUrl } from "./import-requests.ts";

/** Who imported what and when, with each run's report (row by row outcome) to download. */
export function ImportHistory({ cooperationId }: { cooperationId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery(trpc.import.history.queryOptions({ cooperationId }));
  return (
    <section className="import-step" aria-labelledby="import-history">
      <h2 id="import-history">{t("imports.history")}</h2>
      {history.isPending ? (
        <p role="status">{t("imports.loading")}</p>
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.length === 0 ? (
        <p>{t("imports.historyEmpty")}</p>
      ) : (
        <ScrollRegion label={t("imports.historyCaption")}>
          <table className="entity-table import-table">
            <caption className="visually-hidden">{t("imports.historyCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("imports.when")}</th>
                <th scope="col">{t("imports.who")}</th>
                <th scope="col">{t("imports.kind")}</th>
                <th scope="col">{t("imports.fileName")}</th>
                <th scope="col">{t("imports.created")}</th>
                <th scope="col">{t("imports.updated")}</th>
                <th scope="col">{t("imports.skipped")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("imports.report")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {history.data.map((run) => {
                const when = format.dateTime(run.createdAt);
                return (
                  <tr key={run.id}>
                    <th scope="row">{when}</th>
                    <td>{run.actor?.name ?? "—"}</td>
                    <td>{t(`imports.kinds.${run.kind as ImportKind}`)}</td>
                    <td className="import-table__file" title={run.sha256}>
                      {run.fileName}
                    </td>
                    <td>{format.number(run.created)}</td>
                    <td>{format.number(run.updated)}</td>
                    <td>{format.number(run.skipped)}</td>
                    <td>
                      {/* The visible words start the link's name (WCAG 2.5.3); the file and date tell the links apart. */}
                      <a href={reportUrl(run.id)} download>
                        {t("imports.report")}
                        <span className="visually-hidden">
                          {" "}
                          {t("imports.reportOf", { name: run.fileName, date: when })}
                        </span>
                      </a>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
