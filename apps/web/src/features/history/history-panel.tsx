import { useQuery } from "@tanstack/react-query";
import type { AuditedEntity } from "@trame/core";
import { useState } from "react";
import { Button, Disclosure, DisclosurePanel, Heading } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { QueryError } from "../../ui/query-error.tsx";
import { auditChanges } from "./audit-diff.ts";
import "./history.css";
import { CaptionedTable } from "../../ui/captioned-table.tsx";

const SHOWN = 50;

interface HistoryPanelProps {
  entityType: AuditedEntity;
  entityId: string;
}

/**
 * Who changed what and when (ARCHITECTURE §4: every change is in the audit history). Folded by default and
 * fetched on first opening: most visits never need it.
 */
export function HistoryPanel({ entityType, entityId }: HistoryPanelProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  return (
    <Disclosure className="history" isExpanded={expanded} onExpandedChange={setExpanded}>
      <Heading level={2} className="history__heading">
        <Button slot="trigger" className="history__trigger">
          <svg viewBox="0 0 16 16" aria-hidden="true" className="history__chevron">
            <path d="M5 3l6 5-6 5" />
          </svg>
          {t("history.title")}
        </Button>
      </Heading>
      <DisclosurePanel className="history__panel">
        {expanded && <HistoryEntries entityType={entityType} entityId={entityId} />}
      </DisclosurePanel>
    </Disclosure>
  );
}

function HistoryEntries({ entityType, entityId }: HistoryPanelProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useQuery(trpc.audit.history.queryOptions({ entityType, entityId, limit: SHOWN }));
  const fieldLabels: Record<string, string> = t("history.fields", { returnObjects: true });
  const actionLabels: Record<string, string> = t("history.actions", { returnObjects: true });

  if (history.isPending) return <p role="status">{t("history.loading")}</p>;
  if (history.isError) return <QueryError error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <p>{t("history.empty")}</p>;

  return (
    <>
      {history.data.length === SHOWN && <p className="history__note">{t("history.latest", { count: SHOWN })}</p>}
      <ol className="history__list">
        {history.data.map((entry) => {
          const changes =
            entry.before !== null && entry.after !== null
              ? auditChanges(entityType, entry.before, entry.after, format)
              : [];
          return (
            <li key={entry.id} className="history__entry">
              <p className="history__what">
                <strong>{actionLabels[entry.action] ?? entry.action}</strong>
                {" — "}
                {entry.actor?.name ?? t("history.system")}
                {", "}
                <time dateTime={entry.at}>{format.dateTime(entry.at)}</time>
              </p>
              {changes.length > 0 && (
                <CaptionedTable
                  look="bare"
                  className="history__changes"
                  caption={t("history.changesCaption", { date: format.dateTime(entry.at) })}
                  columns={[
                    { label: t("history.field") },
                    { label: t("history.before") },
                    { label: t("history.after") },
                  ]}
                >
                  {changes.map((change) => (
                    <tr key={change.field}>
                      <th scope="row">{fieldLabels[change.field] ?? change.field}</th>
                      <td>{change.before}</td>
                      <td>{change.after}</td>
                    </tr>
                  ))}
                </CaptionedTable>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}
