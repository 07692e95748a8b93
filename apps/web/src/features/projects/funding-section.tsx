import { useQuery } from "@tanstack/react-query";
import { acceptsPayments, applicationStatusLabels, applicationTransitions, canManageApplication } from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { ProgrammeName } from "../funding/programme-name.tsx";
import { AddPaymentDialog } from "./add-payment-dialog.tsx";
import { ApplicationTransitionDialog } from "./application-transition-dialog.tsx";
import { FinancingPlan } from "./financing-plan.tsx";
import { NewApplicationDialog } from "./new-application-dialog.tsx";
import { type ProjectDetail, useActor } from "./project-model.ts";

export type FundingApplication = inferOutput<typeof trpc.funding.applications>["items"][number];

/** The API's page limit: far more applications than one project ever files. */
const SHOWN = 100;

/** The project's funding applications with their status, and its financing plan. */
export function FundingSection({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const actor = useActor();
  const applications = useQuery(trpc.funding.applications.queryOptions({ projectId: project.id, limit: SHOWN }));
  const euros = (cents: number | null) => (cents === null ? "—" : `${format.number(cents / 100)} €`);

  return (
    <section className="section" aria-labelledby="funding-heading">
      <h2 id="funding-heading">{t("projects.funding.heading")}</h2>
      <h3>{t("projects.funding.applications")}</h3>
      <NewApplicationDialog project={project} />
      {applications.isPending && <p role="status">{t("projects.funding.loading")}</p>}
      {applications.isError && <QueryError error={applications.error} onRetry={() => void applications.refetch()} />}
      {applications.data?.items.length === 0 && <p>{t("projects.funding.empty")}</p>}
      {applications.data && applications.data.items.length > 0 && (
        <CaptionedTable
          look="entity"
          caption={t("projects.funding.caption")}
          columns={[
            { label: t("projects.funding.programme") },
            { label: t("projects.funding.applicant") },
            { label: t("projects.funding.status") },
            { label: t("projects.funding.requested"), numeric: true },
            { label: t("projects.funding.granted"), numeric: true },
            { label: t("projects.funding.paid"), numeric: true },
            { label: t("projects.funding.actions"), hidden: true },
          ]}
        >
          {applications.data.items.map((application) => {
            const canManage =
              actor !== null &&
              !project.archived &&
              applicationTransitions[application.status].length > 0 &&
              canManageApplication(actor, {
                applicantTerritoryId: application.applicant.id,
                leadTerritoryId: application.lead?.id ?? null,
              });
            return (
              <tr key={application.id}>
                <th scope="row">
                  <ProgrammeName programme={application.programme} />
                  <span className="cell-note">{application.funder.name}</span>
                </th>
                <td>{application.applicant.name}</td>
                <td>
                  <span className={`status status--${application.status}`}>
                    {format.label(applicationStatusLabels[application.status])}
                  </span>
                  {application.submissionDeadline && application.status === "draft" && (
                    <span className="cell-note">
                      {t("projects.funding.deadline", { date: format.date(application.submissionDeadline) })}
                    </span>
                  )}
                </td>
                <td className="numeric tabular">{euros(application.requestedCents)}</td>
                <td className="numeric tabular">{euros(application.grantedCents)}</td>
                <td className="numeric tabular">
                  {euros(application.paidCents)}
                  {application.status === "granted" && (
                    <span className="cell-note">
                      {t("projects.funding.remainingAmount", { amount: euros(application.remainingCents) })}
                    </span>
                  )}
                </td>
                <td>
                  {canManage && (
                    <div className="funding-row-actions">
                      <ApplicationTransitionDialog application={application} />
                      {acceptsPayments(application.status) && <AddPaymentDialog application={application} />}
                    </div>
                  )}
                </td>
              </tr>
            );
          })}
        </CaptionedTable>
      )}
      <FinancingPlan projectId={project.id} />
    </section>
  );
}
