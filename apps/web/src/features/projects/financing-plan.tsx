import { useQuery } from "@tanstack/react-query";
import { partnerRoleLabels, type Ratio } from "@trame/core";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { ProgrammeName, programmeShortName } from "../funding/programme-name.tsx";

const FinancingChart = lazy(() => import("./financing-chart.tsx"));

/** The financing plan (ARCHITECTURE §4): budget against aid granted and requested, own funds, and its warnings. */
export function FinancingPlan({ projectId }: { projectId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const plan = useQuery(trpc.financing.plan.queryOptions({ projectId }));
  const euros = (cents: number | null) => (cents === null ? "—" : `${format.number(cents / 100)} €`);
  const percent = (ratio: Ratio | null) =>
    ratio && ratio.denominator > 0
      ? `${format.number(Math.round((ratio.numerator / ratio.denominator) * 1000) / 10)} %`
      : "—";

  if (plan.isPending) return <p role="status">{t("projects.funding.planLoading")}</p>;
  if (plan.isError) return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  const { totals, lines, ownFunds, warnings, budgetCents, coverageGapCents } = plan.data;

  return (
    <>
      <h3>{t("projects.funding.plan")}</h3>
      {warnings.map((warning) => (
        <div key={warning.code} className="alert alert--warning">
          <p>{format.label(warning.message)}</p>
        </div>
      ))}
      <dl className="plan-totals">
        <div>
          <dt>{t("projects.funding.budget")}</dt>
          <dd>{euros(budgetCents)}</dd>
        </div>
        <div>
          <dt>{t("projects.funding.totalGranted")}</dt>
          <dd>{euros(totals.grantedCents)}</dd>
        </div>
        <div>
          <dt>{t("projects.funding.totalRequested")}</dt>
          <dd>{euros(totals.requestedCents)}</dd>
        </div>
        <div>
          <dt>{t("projects.funding.ownFunds")}</dt>
          <dd>{euros(totals.ownFundsCents)}</dd>
        </div>
        <div>
          <dt>{t("projects.funding.gap")}</dt>
          <dd>{euros(coverageGapCents)}</dd>
        </div>
      </dl>
      {lines.length > 0 && (
        <Suspense fallback={<div className="plan-chart plan-chart--loading" />}>
          <FinancingChart
            lines={lines.map((line) => ({
              label: programmeShortName(line.programme),
              grantedEuros: line.grantedCents / 100,
              requestedEuros: line.requestedCents / 100,
            }))}
            ownFundsEuros={totals.ownFundsCents / 100}
            labels={{
              granted: t("projects.funding.granted"),
              requested: t("projects.funding.pendingRequested"),
              ownFunds: t("projects.funding.ownFunds"),
            }}
            locale={format.locale}
          />
        </Suspense>
      )}
      {lines.length > 0 && (
        <CaptionedTable
          look="entity"
          caption={t("projects.funding.linesCaption")}
          captionShown
          columns={[
            { label: t("projects.funding.funder") },
            { label: t("projects.funding.programme") },
            { label: t("projects.funding.pendingRequested"), numeric: true },
            { label: t("projects.funding.granted"), numeric: true },
            { label: t("projects.funding.paid"), numeric: true },
          ]}
          foot={
            <tr>
              <th scope="row" colSpan={2}>
                {t("projects.funding.total")}
              </th>
              <td className="numeric tabular">{euros(totals.requestedCents)}</td>
              <td className="numeric tabular">{euros(totals.grantedCents)}</td>
              <td className="numeric tabular">{euros(totals.paidCents)}</td>
            </tr>
          }
        >
          {lines.map((line) => (
            <tr key={`${line.funder.name}|${line.programme.name}`}>
              <td>{line.funder.name}</td>
              <th scope="row">
                <ProgrammeName programme={line.programme} />
              </th>
              <td className="numeric tabular">{euros(line.requestedCents)}</td>
              <td className="numeric tabular">{euros(line.grantedCents)}</td>
              <td className="numeric tabular">{euros(line.paidCents)}</td>
            </tr>
          ))}
        </CaptionedTable>
      )}
      {ownFunds.length > 0 && (
        <CaptionedTable
          look="entity"
          caption={t("projects.funding.ownFundsCaption")}
          captionShown
          columns={[
            { label: t("projects.funding.partner") },
            { label: t("projects.funding.role") },
            { label: t("projects.funding.ownFunds"), numeric: true },
            { label: t("projects.funding.shareOfBudget"), numeric: true },
          ]}
        >
          {ownFunds.map((share) => (
            <tr key={share.territoryId}>
              <th scope="row">{share.name}</th>
              <td>{format.label(partnerRoleLabels[share.role])}</td>
              <td className="numeric tabular">{euros(share.ownFundsCents)}</td>
              <td className="numeric tabular">{percent(share.shareOfBudget)}</td>
            </tr>
          ))}
        </CaptionedTable>
      )}
    </>
  );
}
