import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { forgetExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { focusHeading } from "../../ui/focus-after.ts";
import { DocumentRequestError, removeDocument, useDocumentErrorText } from "./document-requests.ts";

/** What removing needs of a document, whether listed on the project or under one of its actions. */
interface RemovableDocument {
  id: string;
  name: string;
}

interface RemoveProps {
  document: RemovableDocument;
  /** The heading focus goes to once the row, and the dialog's trigger with it, is gone. */
  listHeadingId?: string;
}

/** Removing asks first: the file leaves every partner's view (it stays in the history). */
export function RemoveDocumentDialog({ document, listHeadingId = "documents-heading" }: RemoveProps) {
  const { t } = useTranslation();
  return (
    <FormDialog
      dismissable
      trigger={t("projects.documents.remove")}
      triggerLabel={t("projects.documents.removeNamed", { name: document.name })}
      triggerClassName="button button--secondary button--small"
      title={t("projects.documents.removeTitle")}
    >
      {(close) => <RemoveConfirm document={document} listHeadingId={listHeadingId} close={close} />}
    </FormDialog>
  );
}

function RemoveConfirm({ document, listHeadingId, close }: Required<RemoveProps> & { close: () => void }) {
  const { t } = useTranslation();
  const documentErrorText = useDocumentErrorText();
  const remove = useMutation({
    mutationFn: () => removeDocument(document.id),
    onSuccess() {
      close();
      // The removed row took the dialog's trigger with it: focus goes to the list, not the page top.
      void Promise.all([
        queryClient.invalidateQueries(trpc.document.list.pathFilter()),
        queryClient.invalidateQueries(trpc.action.list.pathFilter()),
        queryClient.invalidateQueries(trpc.timeline.pathFilter()),
      ]).then(() => focusHeading(listHeadingId));
    },
    onError(error) {
      if (error instanceof DocumentRequestError) forgetExpiredSession(error.trame?.code);
    },
  });
  return (
    <>
      <p>{t("projects.documents.removeBody", { name: document.name })}</p>
      {remove.error && (
        <div className="alert alert--error" role="alert">
          <p>{documentErrorText(remove.error)}</p>
        </div>
      )}
      <div className="dialog__actions">
        <button
          type="button"
          className="button button--danger"
          onClick={() => remove.mutate()}
          disabled={remove.isPending}
        >
          {remove.isPending ? t("projects.documents.removing") : t("projects.documents.confirmRemove")}
        </button>
        <button type="button" className="button button--secondary" onClick={close} disabled={remove.isPending}>
          {t("projects.documents.cancel")}
        </button>
      </div>
    </>
  );
}
