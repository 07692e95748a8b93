import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { SchemaForm } from "../../ui/schema-form.tsx";

/** The project's status dialog and the funding dialogs word their foot under the same keys of one block. */
type FormTexts = "projects.status" | "projects.funding";

interface FundingFormProps {
  form: ComponentProps<typeof SchemaForm>["form"] & {
    actions: { pending: boolean; paused: boolean };
  };
  texts: FormTexts;
  /** The submit button's text, when not the block's own "save". */
  save?: string;
  close: () => void;
  children: ReactNode;
}

/** The form of a status or funding dialog: its fields, then the offline notice, "save" and "cancel". */
export function FundingForm({ form, texts, save, close, children }: FundingFormProps) {
  const { t } = useTranslation();
  return (
    <SchemaForm form={form}>
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
