import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DialogForm } from "../../ui/dialog-form.tsx";

/** The project's status dialog and the funding dialogs word their foot under the same keys of one block. */
type FormTexts = "projects.status" | "projects.funding";

interface FundingFormProps {
  form: ComponentProps<typeof DialogForm>["form"];
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
    <DialogForm
      form={form}
      saveLabel={save ?? t(`${texts}.save`)}
      savingLabel={t(`${texts}.saving`)}
      cancelLabel={t(`${texts}.cancel`)}
      onCancel={close}
    >
      {children}
    </DialogForm>
  );
}
