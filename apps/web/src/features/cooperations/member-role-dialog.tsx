import { MEMBER_ROLES, updateMemberInputSchema } from "@trame/core";
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { FormTextField } from "../../ui/schema-form.tsx";
import { MemberDialogForm, type MemberFormProps, MemberRoleField } from "./member-form-parts.tsx";
import { memberMutationCallbacks } from "./member-mutation.ts";

interface MemberRoleValues {
  role: string;
  joinedOn: string;
}

/** The role and the date of joining of one current member. */
export function MemberRoleDialog({ cooperation, member }: Omit<MemberFormProps, "close">) {
  const { t } = useTranslation();
  const name = member.territory.name;
  return (
    <FormDialog
      trigger={t("cooperations.members.change")}
      triggerLabel={t("cooperations.members.changeNamed", { name })}
      triggerClassName="button button--link button--small"
      title={t("cooperations.members.changeTitle", { name })}
    >
      {(close) => <MemberRoleForm cooperation={cooperation} member={member} close={close} />}
    </FormDialog>
  );
}

function MemberRoleForm({ cooperation, member, close }: MemberFormProps) {
  const { t } = useTranslation();
  const lead = cooperation.members.find((m) => m.role === "lead" && m.leftOn === null);
  // Only what changed is sent, at the version the page holds (refreshed by a conflict).
  const changes = (values: MemberRoleValues) => ({
    ...(values.role !== member.role && { role: values.role }),
    ...(values.joinedOn !== (member.joinedOn ?? "") && { joinedOn: values.joinedOn || null }),
  });
  const defaultValues: MemberRoleValues = { role: member.role, joinedOn: member.joinedOn ?? "" };
  const form = useSchemaForm({
    conflict: t("cooperations.members.conflict"),
    idPrefix: "member",
    defaultValues,
    schema: updateMemberInputSchema,
    toInput: (values) => ({ memberId: member.id, version: member.version, ...changes(values) }),
    mutation: trpc.cooperation.updateMember.mutationOptions(memberMutationCallbacks(cooperation.id, close)),
  });
  // Nothing changed: there is nothing to send, the dialog just closes.
  const submit: typeof form.submit = (event) => {
    if (Object.keys(changes(form.methods.getValues())).length) return form.submit(event);
    event?.preventDefault();
    close();
    return Promise.resolve();
  };

  const role = useWatch({ control: form.methods.control, name: "role" });
  const roleHint =
    member.role === "lead"
      ? t("cooperations.members.leadHint")
      : lead && role === "lead"
        ? t("cooperations.members.newLeadHint", { name: lead.territory.name })
        : undefined;

  return (
    <MemberDialogForm form={{ ...form, submit }} saveLabel={t("cooperations.members.changeSave")} close={close}>
      <MemberRoleField roles={MEMBER_ROLES} hint={roleHint} />
      <FormTextField name="joinedOn" type="date" label={t("cooperations.members.joinedOn")} />
    </MemberDialogForm>
  );
}
