import { useMutation } from "@tanstack/react-query";
import {
  type FieldError,
  fieldErrorsFromZod,
  MEMBER_ROLES,
  type MemberRole,
  memberRoleLabels,
  updateMemberInputSchema,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import type { CooperationDetail } from "./cooperation-model.ts";
import { memberMutationCallbacks, useMemberErrorSummary } from "./member-mutation.ts";

type Member = CooperationDetail["members"][number];

const FIELD_IDS = {
  role: "member-role",
  joinedOn: "member-joined-on",
} as const;

/** The role and the date of joining of one current member. */
export function MemberRoleDialog({ cooperation, member }: { cooperation: CooperationDetail; member: Member }) {
  const { t } = useTranslation();
  const name = member.territory.name;
  return (
    <DialogTrigger>
      <Button
        className="button button--link button--small"
        aria-label={t("cooperations.members.changeNamed", { name })}
      >
        {t("cooperations.members.change")}
      </Button>
      <ModalDialog title={t("cooperations.members.changeTitle", { name })} isDismissable={false}>
        {(close) => <MemberRoleForm cooperation={cooperation} member={member} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function MemberRoleForm({
  cooperation,
  member,
  close,
}: {
  cooperation: CooperationDetail;
  member: Member;
  close: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorSummary = useMemberErrorSummary();
  const [role, setRole] = useState<MemberRole>(member.role);
  const [joinedOn, setJoinedOn] = useState(member.joinedOn ?? "");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const lead = cooperation.members.find((m) => m.role === "lead" && m.leftOn === null);

  const update = useMutation(
    trpc.cooperation.updateMember.mutationOptions(memberMutationCallbacks(cooperation.id, FIELD_IDS, close)),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Only what changed is sent, at the version the page holds (refreshed by a conflict).
    const parsed = updateMemberInputSchema.safeParse({
      memberId: member.id,
      version: member.version,
      ...(role !== member.role && { role }),
      ...(joinedOn !== (member.joinedOn ?? "") && { joinedOn: joinedOn || null }),
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      update.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    if (parsed.data.role === undefined && parsed.data.joinedOn === undefined) {
      close();
      return;
    }
    update.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(update.error));
  const summary = errorSummary(update.error, localErrors, FIELD_IDS);
  const roleHint =
    member.role === "lead"
      ? t("cooperations.members.leadHint")
      : lead && role === "lead"
        ? t("cooperations.members.newLeadHint", { name: lead.territory.name })
        : undefined;

  return (
    <form className="form" onSubmit={submit} noValidate>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      <SelectField
        id={FIELD_IDS.role}
        label={t("cooperations.members.role")}
        hint={roleHint}
        error={fieldError("role")}
        options={MEMBER_ROLES.map((value) => ({ value, label: format.label(memberRoleLabels[value]) }))}
        value={role}
        onChange={(event) => {
          const next = MEMBER_ROLES.find((r) => r === event.target.value);
          if (next) setRole(next);
        }}
      />
      <TextField
        id={FIELD_IDS.joinedOn}
        type="date"
        label={t("cooperations.members.joinedOn")}
        error={fieldError("joinedOn")}
        value={joinedOn}
        onChange={(event) => setJoinedOn(event.target.value)}
      />
      <DialogActions
        pending={update.isPending}
        paused={update.isPaused}
        saveLabel={t("cooperations.members.changeSave")}
        savingLabel={t("cooperations.members.saving")}
        cancelLabel={t("cooperations.members.cancel")}
        onCancel={close}
      />
    </form>
  );
}
