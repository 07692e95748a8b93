import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { ScrollRegion } from "../../ui/scroll-region.tsx";

/** Background jobs that ran out of retries (an e-mail the SMTP server kept refusing…), kept two weeks. */
export function FailedJobs() {
  const { t } = useTranslation();
  const format = useFormat();
  const failed = useQuery(trpc.admin.failedJobs.queryOptions());
  return (
    <section aria-labelledby="failed-jobs-title" className="admin-failed-jobs">
      <h2 id="failed-jobs-title">{t("admin.jobs.title")}</h2>
      {failed.data && failed.data.length === 0 && <p>{t("admin.jobs.none")}</p>}
      {failed.data && failed.data.length > 0 && (
        <ScrollRegion label={t("admin.jobs.caption")}>
          <table className="entity-table admin-table">
            <caption className="visually-hidden">{t("admin.jobs.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.jobs.queue")}</th>
                <th scope="col">{t("admin.jobs.failedAt")}</th>
                <th scope="col">{t("admin.jobs.retries")}</th>
                <th scope="col">{t("admin.jobs.error")}</th>
              </tr>
            </thead>
            <tbody>
              {failed.data.map((job) => (
                <tr key={job.id}>
                  <th scope="row">{job.queue}</th>
                  <td>{job.failedAt ? format.dateTime(job.failedAt) : "—"}</td>
                  <td>{job.retryCount}</td>
                  <td>{job.error ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
    </section>
  );
}
