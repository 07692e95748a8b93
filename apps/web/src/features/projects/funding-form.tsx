import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { SchemaForm } from "../../ui/schema-form.tsx";

/** The project's status dialog and the funding dialogs word their foot under the same keys of one block. */
type FormTexts = "projects.status" | "projects.funding";

interface FundingFormProps {
  form: ComponentProps<typeof SchemaForm>["form"] & {
    send: { error: unknown };
    actions: { pending: boolean; paused: boolean };
  };
  texts: FormTexts;
  /** The submit button's text, when not the block's own "save". */
  save?: string;
  /** What to say when a colleague changed the record first: the server's generic words would not say what now. */
  conflict?: string;
  close: () => void;
  children: ReactNode;
}

/** The form of a status or funding dialog: its fields, then the offline notice, "save" and "cancel". */
export function FundingForm({ form, texts, save, conflict, close, children }: FundingFormProps) {
  const { t } = useTranslation();
  const conflicted = conflict !== undefined && trameErrorOf(form.send.error)?.code === "CONFLICT";
  return (
    <SchemaForm form={form} message={conflicted ? conflict : form.message}>
      {children}
      <DialogActions
        {...form.actions}
        saveLabel={save ?? t(`${texts}.save`)}
        savingLabel={t(`${texts}.saving`)}
        cancelLabel={t(`${texts}.cancel`)}
        onCancel={close}
      />
    </SchemaForm>
  );
}
