import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { Disclosure } from "../../ui/disclosure.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { DeadlineList } from "./deadline-list.tsx";

/** The home page shows a season ahead: what a project manager can still act on. */
const DAYS_AHEAD = 60;

/** Deadlines of every territory the user belongs to (the server reads them from the session). */
export function MyDeadlines() {
  const { t } = useTranslation();
  const format = useFormat();
  const deadlines = useQuery(trpc.financing.deadlines.queryOptions({ days: DAYS_AHEAD }));
  if (deadlines.isPending) return <p role="status">{t("home.deadlines.loading")}</p>;
  if (deadlines.isError) return <QueryError error={deadlines.error} onRetry={() => void deadlines.refetch()} />;
  const { upcoming, overdue } = deadlines.data;
  return (
    <>
      {overdue.length > 0 && (
        <Disclosure
          title={t("home.deadlines.overdue", { count: overdue.length, formatted: format.number(overdue.length) })}
          className="home__overdue"
        >
          <DeadlineList
            deadlines={overdue}
            label={t("home.deadlines.overdue", { count: overdue.length, formatted: format.number(overdue.length) })}
          />
        </Disclosure>
      )}
      {upcoming.length === 0 ? (
        <EmptyState title={t("home.deadlines.empty")}>
          <p>{t("home.deadlines.emptyHint")}</p>
        </EmptyState>
      ) : (
        <DeadlineList deadlines={upcoming} label={t("home.deadlines.upcoming")} />
      )}
    </>
  );
}
