import { deadlineKindLabels } from "@trame/core";
import type { inferOutput } from "@trpc/tanstack-react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import type { trpc } from "../../lib/trpc.ts";
import { ProgrammeName } from "../funding/programme-name.tsx";
import "./deadline-list.css";

export type Deadline = inferOutput<typeof trpc.financing.deadlines>["upcoming"][number];

/** Within a week, a deadline is urgent: it gets a stronger mark than the later ones. */
const URGENT_DAYS = 7;

/** Deadlines soonest first: the date, how long is left, what is due and on which project. */
export function DeadlineList({ deadlines, label }: { deadlines: readonly Deadline[]; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const left = (days: number) => {
    if (days < 0) return t("home.deadlines.late", { count: -days });
    if (days === 0) return t("home.deadlines.today");
    if (days === 1) return t("home.deadlines.tomorrow");
    return t("home.deadlines.inDays", { count: days });
  };
  return (
    <ol className="deadlines" aria-label={label}>
      {deadlines.map((deadline) => (
        <li
          key={`${deadline.kind}-${deadline.application?.id ?? deadline.project.id}-${deadline.on}`}
          className={deadline.daysLeft <= URGENT_DAYS ? "deadline deadline--urgent" : "deadline"}
        >
          <p className="deadline__when">
            <time dateTime={deadline.on}>{format.date(deadline.on)}</time>
            <span className="deadline__left">{left(deadline.daysLeft)}</span>
          </p>
          <p className="deadline__what">{format.label(deadlineKindLabels[deadline.kind])}</p>
          <p className="deadline__project">
            <Link to={`/projets/${deadline.project.id}`}>{deadline.project.title}</Link>
          </p>
          {deadline.application && (
            <p className="deadline__programme">
              <ProgrammeName programme={deadline.application.programme} /> — {deadline.application.funder.name}
              {" · "}
              {t("home.deadlines.applicant", { name: deadline.application.applicant.name })}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
