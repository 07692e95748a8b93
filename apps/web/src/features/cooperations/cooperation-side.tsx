import { engagementFormLabels, engineeringKindLabels, formalityLabels, memberRoleLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { Panel } from "../../ui/panel.tsx";
import { type CooperationDetail, useCooperationRights } from "./cooperation-model.ts";
import { MemberAddDialog } from "./member-add-dialog.tsx";
import { MemberRemoveDialog } from "./member-remove-dialog.tsx";
import { MemberRoleDialog } from "./member-role-dialog.tsx";

/** Members and roles, the engagement form with its history, and the engineering: the side column. */
export function CooperationSide({ cooperation }: { cooperation: CooperationDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Membership commits every member: only admins of a current member manage it (the server checks again).
  const { canAdminister } = useCooperationRights(cooperation);
  const current = cooperation.members.filter((m) => m.leftOn === null);
  const former = cooperation.members.filter((m) => m.leftOn !== null);
  const { engineering } = cooperation;
  const period = (from: string | null, to: string | null) =>
    `${from ? format.date(from) : "…"} → ${to ? format.date(to) : t("cooperations.side.today")}`;

  return (
    <>
      <Panel headingId="members-heading" title={t("cooperations.side.members", { count: current.length })}>
        <ul className="member-list">
          {current.map((member) => (
            <li key={member.id}>
              <Link to={`/territoires/${member.territory.id}`}>{member.territory.name}</Link>
              <span className={member.role === "lead" ? "badge badge--strong" : "badge"}>
                {format.label(memberRoleLabels[member.role])}
              </span>
              {member.joinedOn && (
                <span className="member-list__since">
                  {t("cooperations.side.joined", { date: format.date(member.joinedOn) })}
                </span>
              )}
              {canAdminister && (
                <span className="member-list__actions">
                  <MemberRoleDialog cooperation={cooperation} member={member} />
                  <MemberRemoveDialog cooperation={cooperation} member={member} />
                </span>
              )}
            </li>
          ))}
        </ul>
        {canAdminister && (
          <p className="member-list__add">
            <MemberAddDialog cooperation={cooperation} />
          </p>
        )}
        {former.length > 0 && (
          <>
            <h3 className="panel__subtitle">{t("cooperations.side.former")}</h3>
            <ul className="member-list">
              {former.map((member) => (
                <li key={member.id}>
                  <Link to={`/territoires/${member.territory.id}`}>{member.territory.name}</Link>
                  <span className="member-list__since">{period(member.joinedOn, member.leftOn)}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </Panel>

      <Panel headingId="engagement-heading" title={t("cooperations.side.engagement")}>
        <p className="engagement__current">
          <strong>{format.label(engagementFormLabels[cooperation.engagementForm])}</strong>
          <span className="badge">{format.label(formalityLabels[cooperation.formality])}</span>
        </p>
        {cooperation.formHistory.length > 0 && (
          <>
            <h3 className="panel__subtitle">{t("cooperations.side.formHistory")}</h3>
            <ol className="form-history">
              {[...cooperation.formHistory].reverse().map((entry) => (
                <li key={entry.id}>
                  <span className="form-history__form">{format.label(engagementFormLabels[entry.engagementForm])}</span>
                  <span className="form-history__period">{period(entry.fromOn, entry.toOn)}</span>
                  {entry.note && <span className="form-history__note">{entry.note}</span>}
                </li>
              ))}
            </ol>
          </>
        )}
      </Panel>

      <Panel headingId="engineering-heading" title={t("cooperations.side.engineering")}>
        <dl className="facts-list">
          <div>
            <dt>{t("cooperations.side.engineeringKind")}</dt>
            <dd>{format.label(engineeringKindLabels[engineering.kind])}</dd>
          </div>
          <div>
            <dt>{t("cooperations.side.engineeringProvider")}</dt>
            <dd>
              {engineering.provider ? (
                <Link to={`/territoires/${engineering.provider.id}`}>{engineering.provider.name}</Link>
              ) : (
                t("cooperations.side.unknown")
              )}
            </dd>
          </div>
          <div>
            <dt>{t("cooperations.side.engineeringFte")}</dt>
            <dd>{engineering.fte === null ? t("cooperations.side.unknown") : format.number(engineering.fte)}</dd>
          </div>
        </dl>
      </Panel>
    </>
  );
}
