import { OfflineNotice } from "./offline-notice.tsx";

interface DialogActionsProps {
  /** The mutation is running: both buttons wait. */
  pending: boolean;
  /** The mutation is queued while offline: say so, the input stays. */
  paused: boolean;
  saveLabel: string;
  savingLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  /** The submit removes something: shown as such. */
  danger?: boolean;
}

/** The foot of a form dialog: the offline notice, then submit and cancel, in the same order everywhere. */
export function DialogActions({
  pending,
  paused,
  saveLabel,
  savingLabel,
  cancelLabel,
  onCancel,
  danger = false,
}: DialogActionsProps) {
  return (
    <>
      <OfflineNotice paused={paused} />
      <div className="dialog__actions">
        <button type="submit" className={danger ? "button button--danger" : "button"} disabled={pending}>
          {pending ? savingLabel : saveLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel} disabled={pending}>
          {cancelLabel}
        </button>
      </div>
    </>
  );
}
