import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format.ts";
import type { useVersionedEdit } from "../lib/use-versioned-edit.ts";
import type { useLastChange } from "../lib/use-versioned-save.ts";
import { ConflictPanel } from "./conflict-panel.tsx";

interface VersionedEditNoticesProps<V extends object> {
  edit: ReturnType<typeof useVersionedEdit<V>>;
  values: V;
  labels: Record<keyof V, string>;
  /** A field's value as shown in the conflict comparison (dates, amounts and labels formatted). */
  display: (key: keyof V, version: V) => ReactNode;
  /** Who saved in between, when the entity has a history to tell it. */
  latest?: ReturnType<typeof useLastChange>;
  pending: boolean;
  onReapply: () => void;
  onDiscard: () => void;
  /** The form's error sentence, if any. */
  summary: string | null;
  /** The version stored now, as the open page last heard it: ahead of the form's when a colleague saved meanwhile. */
  storedVersion?: number | undefined;
}

/**
 * What every versioned edit form shows above its fields: a draft restored after signing in again,
 * the conflict with a colleague's save, and the error summary.
 */
export function VersionedEditNotices<V extends object>(props: VersionedEditNoticesProps<V>) {
  const { edit, values, labels, display, latest, summary, storedVersion } = props;
  const movedOn =
    !edit.conflict && edit.version !== null && storedVersion !== undefined && storedVersion > edit.version;
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      {edit.restored && (
        <div className="alert" role="status">
          <p>{t("history.draft.restored")}</p>
        </div>
      )}
      {movedOn && (
        <div className="alert alert--warning" role="status">
          <p>{t("history.moved.body")}</p>
        </div>
      )}
      {edit.conflict && (
        <ConflictPanel
          rows={edit.conflictFields.map((row) => ({
            field: row.key,
            label: labels[row.key],
            mine: display(row.key, values),
            theirs: display(row.key, edit.conflict?.theirs ?? values),
            changedByColleague: row.changedByColleague,
            keep: row.keep ? { side: row.keep, choose: (side) => edit.choose(row.key, side) } : undefined,
          }))}
          changedBy={
            latest?.actor
              ? t("history.conflict.changedBy", { name: latest.actor.name, date: format.dateTime(latest.at) })
              : undefined
          }
          pending={props.pending}
          onReapply={props.onReapply}
          onDiscard={props.onDiscard}
        />
      )}
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
    </>
  );
}
