import {
  engineeringKindLabels,
  partnerRoleLabels,
  projectStatusLabels,
  themeLabels,
  visibilityLabels,
} from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { Panel } from "../../ui/panel.tsx";
import type { ProjectDetail } from "./project-model.ts";

/** The project's key facts, its partners and its status history: the side column of the page. */
export function ProjectFacts({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const unknown = t("projects.facts.unknown");
  const { engineering } = project;
  return (
    <>
      <Panel headingId="facts-heading" title={t("projects.facts.heading")}>
        <dl className="facts-list">
          <div>
            <dt>{t("projects.facts.themes")}</dt>
            <dd>{project.themes.map((theme) => format.label(themeLabels[theme])).join(", ") || unknown}</dd>
          </div>
          <div>
            <dt>{t("projects.facts.period")}</dt>
            <dd>
              {project.startedOn ? format.date(project.startedOn) : unknown}
              {" → "}
              {project.endedOn ? format.date(project.endedOn) : t("projects.facts.open")}
            </dd>
          </div>
          <div>
            <dt>{t("projects.facts.budget")}</dt>
            <dd className="tabular">
              {project.budgetCents === null ? unknown : `${format.number(project.budgetCents / 100)} €`}
            </dd>
          </div>
          <div>
            <dt>{t("projects.facts.engineering")}</dt>
            <dd>
              {format.label(engineeringKindLabels[engineering.kind])}
              {engineering.provider && (
                <>
                  {" — "}
                  <Link to={`/territoires/${engineering.provider.id}`}>{engineering.provider.name}</Link>
                </>
              )}
              {engineering.fte !== null && ` (${t("projects.facts.fte", { value: format.number(engineering.fte) })})`}
            </dd>
          </div>
          <div>
            <dt>{t("projects.facts.visibility")}</dt>
            <dd>{format.label(visibilityLabels[project.visibility])}</dd>
          </div>
          {project.tags.length > 0 && (
            <div>
              <dt>{t("projects.facts.tags")}</dt>
              <dd>{project.tags.join(", ")}</dd>
            </div>
          )}
        </dl>
      </Panel>

      <Panel headingId="partners-heading" title={t("projects.partners.heading")}>
        <ul className="partner-list">
          {project.partners.map((partner) => (
            <li key={partner.territory.id}>
              <Link to={`/territoires/${partner.territory.id}`}>{partner.territory.name}</Link>
              <span className={partner.role === "lead" ? "badge badge--strong" : "badge"}>
                {format.label(partnerRoleLabels[partner.role])}
              </span>
            </li>
          ))}
        </ul>
      </Panel>

      <Panel headingId="status-history-heading" title={t("projects.statusHistory.heading")}>
        <ol className="status-history">
          {[...project.statusHistory].reverse().map((change) => (
            <li key={change.id}>
              <strong>{format.label(projectStatusLabels[change.to])}</strong>
              {" — "}
              <time dateTime={change.changedOn}>{format.date(change.changedOn)}</time>
              {change.changedBy && (
                <span className="status-history__who">
                  {" "}
                  {t("projects.statusHistory.by", { name: change.changedBy.name })}
                </span>
              )}
              {change.comment && <p className="status-history__comment">{change.comment}</p>}
            </li>
          ))}
        </ol>
      </Panel>
    </>
  );
}
