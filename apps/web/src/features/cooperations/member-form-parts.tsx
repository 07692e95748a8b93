import { type MemberRole, memberRoleLabels } from "@trame/core";
import type { ComponentProps, ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { DialogForm } from "../../ui/dialog-form.tsx";
import { FormSelectField } from "../../ui/schema-form.tsx";
import type { CooperationDetail } from "./cooperation-model.ts";

/** What the forms of the dialogs on one member are given. */
export interface MemberFormProps {
  cooperation: CooperationDetail;
  member: CooperationDetail["members"][number];
  close: () => void;
}

/** The role of a membership, among those the dialog offers (a new member cannot join as lead). */
export function MemberRoleField({ roles, hint }: { roles: readonly MemberRole[]; hint?: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <FormSelectField
      name="role"
      label={t("cooperations.members.role")}
      hint={hint}
      options={roles.map((value) => ({ value, label: format.label(memberRoleLabels[value]) }))}
    />
  );
}

/** The form of the add and role dialogs, which differ only by the save button's words. */
export function MemberDialogForm({
  form,
  saveLabel,
  close,
  children,
}: {
  form: ComponentProps<typeof DialogForm>["form"];
  saveLabel: string;
  close: () => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <DialogForm
      form={form}
      saveLabel={saveLabel}
      savingLabel={t("cooperations.members.saving")}
      cancelLabel={t("cooperations.members.cancel")}
      onCancel={close}
    >
      {children}
    </DialogForm>
  );
}
