import { applicationDates, applicationStatusLabels, todayInFrance } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { CaptionedTable } from "../../ui/captioned-table.tsx";
import { useEuros } from "../territory-page/use-euros.ts";
import { ProgrammeName } from "./programme-name.tsx";
import type { BoardApplication } from "./use-application-pages.ts";

/** One row per application: what, for which project, where it stands, its dates and its amounts. */
export function ApplicationTable({ items, stale }: { items: readonly BoardApplication[]; stale: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const euros = useEuros();
  const today = todayInFrance();
  return (
    <CaptionedTable
      look="entity"
      className={stale ? "board-table board-table--stale" : "board-table"}
      busy={stale}
      caption={t("funding.board.caption")}
      columns={[
        { label: t("funding.board.application") },
        { label: t("funding.board.status") },
        { label: t("funding.board.dates") },
        { label: t("funding.amounts.requested"), numeric: true },
        { label: t("funding.amounts.granted"), numeric: true },
        { label: t("funding.amounts.paid"), numeric: true },
      ]}
    >
      {items.map((application) => {
        const dates = applicationDates(application, today);
        return (
          <tr key={application.id}>
            <th scope="row">
              <Link to={`/projets/${application.project.id}#funding-heading`}>{application.project.title}</Link>
              <span className="cell-note">
                <ProgrammeName programme={application.programme} /> — {application.funder.name}
              </span>
              <span className="cell-note">{t("funding.board.applicant", { name: application.applicant.name })}</span>
            </th>
            <td>
              <span className={`status status--${application.status}`}>
                {format.label(applicationStatusLabels[application.status])}
              </span>
            </td>
            <td>
              {dates.length === 0 ? (
                <span className="cell-note">{t("funding.board.noDate")}</span>
              ) : (
                <ul className="board-dates">
                  {dates.map((date) => (
                    <li key={date.kind} className={date.overdue ? "board-dates__overdue" : undefined}>
                      {t(`funding.dates.${date.kind}`)} <time dateTime={date.on}>{format.date(date.on)}</time>
                      {date.overdue && <strong className="overdue-tag">{t("funding.dates.overdue")}</strong>}
                    </li>
                  ))}
                </ul>
              )}
            </td>
            <td className="numeric tabular">{euros(application.requestedCents)}</td>
            <td className="numeric tabular">
              {application.grantedCents === null ? "—" : euros(application.grantedCents)}
            </td>
            <td className="numeric tabular">
              {euros(application.paidCents)}
              {application.status === "granted" && (
                <span className="cell-note">
                  {t("funding.amounts.remaining", { amount: euros(application.remainingCents) })}
                </span>
              )}
            </td>
          </tr>
        );
      })}
    </CaptionedTable>
  );
}
