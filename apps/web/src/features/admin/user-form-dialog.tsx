import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { FormDialog } from "../../ui/dialog.tsx";
import { DialogForm } from "../../ui/dialog-form.tsx";

/** The administration's creation dialogs: each block names its button ("open"), dialog ("title") and submit. */
type AdminFormTexts = "admin.createUser" | "admin.createTerritory" | "admin.invite";

/** A button opening one of the administration's creation forms. */
export function AdminFormDialog({
  texts,
  children,
}: {
  texts: AdminFormTexts;
  children: (close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <FormDialog trigger={t(`${texts}.open`)} triggerClassName="button" title={t(`${texts}.title`)}>
      {children}
    </FormDialog>
  );
}

interface AdminFormProps {
  form: ComponentProps<typeof DialogForm>["form"];
  texts: AdminFormTexts;
  close: () => void;
  children: ReactNode;
}

/** The form inside such a dialog: its fields, then the offline notice, "save" and "cancel". */
export function AdminForm({ form, texts, close, children }: AdminFormProps) {
  const { t } = useTranslation();
  return (
    <DialogForm
      form={form}
      saveLabel={t(`${texts}.save`)}
      savingLabel={t(`${texts}.saving`)}
      cancelLabel={t("admin.cancel")}
      onCancel={close}
    >
      {children}
    </DialogForm>
  );
}
