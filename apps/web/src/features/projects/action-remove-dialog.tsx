import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { focusHeading } from "../../ui/focus-after.ts";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import type { JointAction } from "./project-model.ts";

/** Removing asks first: the action leaves the log and every timeline (the history keeps it). */
export function ActionRemoveDialog({ action }: { action: JointAction }) {
  const { t } = useTranslation();
  return (
    <FormDialog
      dismissable
      trigger={t("projects.actions.remove")}
      triggerLabel={t("projects.actions.removeNamed", { title: action.title })}
      triggerClassName="button button--link button--small"
      title={t("projects.actions.removeTitle")}
    >
      {(close) => <RemoveConfirm action={action} close={close} />}
    </FormDialog>
  );
}

function RemoveConfirm({ action, close }: { action: JointAction; close: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const remove = useMutation(
    trpc.action.remove.mutationOptions({
      onSuccess() {
        close();
        // The removed row took the dialog's trigger with it: focus goes to the log, not the page top.
        void queryClient.invalidateQueries(trpc.action.list.pathFilter()).then(() => focusHeading("actions-heading"));
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        // Changed or removed meanwhile: the refreshed log carries the new version, or drops the entry.
        const code = trameErrorOf(error)?.code;
        if (code === "CONFLICT" || code === "NOT_FOUND") {
          void queryClient.invalidateQueries(trpc.action.list.pathFilter());
        }
      },
    }),
  );
  const message =
    trameErrorOf(remove.error)?.code === "CONFLICT"
      ? t("projects.actions.removeConflict")
      : remove.error && errorText(remove.error);

  return (
    <>
      <p>{t("projects.actions.removeBody", { title: action.title })}</p>
      {message && (
        <div className="alert alert--error" role="alert">
          <p>{message}</p>
        </div>
      )}
      <OfflineNotice paused={remove.isPaused} />
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => remove.mutate({ id: action.id, version: action.version })}
          disabled={remove.isPending}
        >
          {remove.isPending ? t("projects.actions.removing") : t("projects.actions.confirmRemove")}
        </button>
        <button type="button" className="button button--secondary" onClick={close} disabled={remove.isPending}>
          {t("projects.actions.cancel")}
        </button>
      </div>
    </>
  );
}
