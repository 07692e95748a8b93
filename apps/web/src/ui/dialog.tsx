import type { ReactNode } from "react";
import { Button, Dialog, DialogTrigger, Heading, Modal, ModalOverlay } from "react-aria-components";
import "./dialog.css";

interface ModalDialogProps {
  title: string;
  /** Controlled use; leave both out inside a react-aria `DialogTrigger`, which then owns the state. */
  isOpen?: boolean;
  onOpenChange?: (isOpen: boolean) => void;
  /** False for forms: a stray click outside must not throw away what was typed (Escape still closes). */
  isDismissable?: boolean;
  children: ReactNode | ((close: () => void) => ReactNode);
}

/**
 * A modal dialog: focus moves in and is trapped, Escape closes, focus returns to the trigger. React Aria
 * does all of it (and hides the rest of the page from screen readers) rather than hand-written handlers.
 */
export function ModalDialog({ title, isOpen, onOpenChange, isDismissable = true, children }: ModalDialogProps) {
  const controlled = isOpen === undefined ? {} : { isOpen, ...(onOpenChange ? { onOpenChange } : {}) };
  return (
    <ModalOverlay {...controlled} isDismissable={isDismissable} className="modal-overlay">
      <Modal className="modal">
        <Dialog className="dialog">
          {({ close }) => (
            <>
              <Heading slot="title" className="dialog__title">
                {title}
              </Heading>
              {typeof children === "function" ? children(close) : children}
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

interface FormDialogProps {
  /** The button's visible text, and its accessible name when the text alone is ambiguous on the page. */
  trigger: ReactNode;
  triggerLabel?: string | undefined;
  triggerClassName?: string;
  title: string;
  /** A confirmation holds no input: a click outside may close it. */
  dismissable?: boolean;
  children: (close: () => void) => ReactNode;
}

/** A button opening a form in a modal; unless `dismissable`, a stray click outside never drops the input (Escape still closes). */
export function FormDialog({
  trigger,
  triggerLabel,
  triggerClassName = "button button--secondary",
  title,
  dismissable = false,
  children,
}: FormDialogProps) {
  return (
    <DialogTrigger>
      <Button className={triggerClassName} {...(triggerLabel ? { "aria-label": triggerLabel } : {})}>
        {trigger}
      </Button>
      <ModalDialog title={title} isDismissable={dismissable}>
        {children}
      </ModalDialog>
    </DialogTrigger>
  );
}
