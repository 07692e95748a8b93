import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { ListState } from "../../ui/list-state.tsx";
import { ListSection } from "./admin-list-section.tsx";

/** Background jobs that ran out of retries (an e-mail the SMTP server kept refusing…), kept two weeks. */
export function FailedJobs() {
  const { t } = useTranslation();
  const format = useFormat();
  const failed = useQuery(trpc.admin.failedJobs.queryOptions());
  return (
    <ListSection titleId="failed-jobs-title" title={t("admin.jobs.title")} className="admin-failed-jobs">
      <ListState query={failed} isEmpty={(jobs) => jobs.length === 0} empty={<p>{t("admin.jobs.none")}</p>}>
        {(jobs) => (
          <DataTable
            caption={t("admin.jobs.caption")}
            columns={[t("admin.jobs.queue"), t("admin.jobs.failedAt"), t("admin.jobs.retries"), t("admin.jobs.error")]}
            rows={jobs}
            rowKey={(job) => job.id}
            cells={(job) => [
              job.queue,
              job.failedAt ? format.dateTime(job.failedAt) : "—",
              job.retryCount,
              job.error ?? "—",
            ]}
          />
        )}
      </ListState>
    </ListSection>
  );
}
