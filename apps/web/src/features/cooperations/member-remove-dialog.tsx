import { removeMemberInputSchema, todayInFrance } from "@trame/core";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogForm } from "../../ui/dialog-form.tsx";
import { FormTextField } from "../../ui/schema-form.tsx";
import type { MemberFormProps } from "./member-form-parts.tsx";
import { memberMutationCallbacks } from "./member-mutation.ts";

/** Removing asks first. The membership ends on the date given; the territory stays listed among former members. */
export function MemberRemoveDialog({ cooperation, member }: Omit<MemberFormProps, "close">) {
  const { t } = useTranslation();
  const name = member.territory.name;
  // A confirmation, not a form to fill: a click outside may dismiss it, unlike the other member dialogs.
  return (
    <DialogTrigger>
      <Button
        className="button button--link button--small"
        aria-label={t("cooperations.members.removeNamed", { name })}
      >
        {t("cooperations.members.remove")}
      </Button>
      <ModalDialog title={t("cooperations.members.removeTitle", { name })}>
        {(close) => <MemberRemoveConfirm cooperation={cooperation} member={member} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function MemberRemoveConfirm({ cooperation, member, close }: MemberFormProps) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    conflict: t("cooperations.members.conflict"),
    idPrefix: "member",
    defaultValues: { leftOn: todayInFrance() },
    schema: removeMemberInputSchema,
    toInput: ({ leftOn }) => ({ memberId: member.id, version: member.version, ...(leftOn && { leftOn }) }),
    mutation: trpc.cooperation.removeMember.mutationOptions(memberMutationCallbacks(cooperation.id, close)),
  });
  return (
    <DialogForm
      form={form}
      danger
      saveLabel={t("cooperations.members.confirmRemove")}
      savingLabel={t("cooperations.members.removing")}
      cancelLabel={t("cooperations.members.cancel")}
      onCancel={close}
    >
      <p>{t("cooperations.members.removeBody", { name: member.territory.name, cooperation: cooperation.name })}</p>
      <FormTextField
        name="leftOn"
        type="date"
        label={t("cooperations.members.leftOn")}
        hint={t("cooperations.members.leftOnHint")}
      />
    </DialogForm>
  );
}
