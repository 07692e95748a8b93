import { useMutation } from "@tanstack/react-query";
import { type FieldError, fieldErrorsFromZod, removeMemberInputSchema, todayInFrance } from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import type { CooperationDetail } from "./cooperation-model.ts";
import { memberMutationCallbacks, useMemberErrorSummary } from "./member-mutation.ts";

type Member = CooperationDetail["members"][number];

const FIELD_IDS = { leftOn: "member-left-on" } as const;

/** Removing asks first. The membership ends on the date given; the territory stays listed among former members. */
export function MemberRemoveDialog({ cooperation, member }: { cooperation: CooperationDetail; member: Member }) {
  const { t } = useTranslation();
  const name = member.territory.name;
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

function MemberRemoveConfirm({
  cooperation,
  member,
  close,
}: {
  cooperation: CooperationDetail;
  member: Member;
  close: () => void;
}) {
  const { t } = useTranslation();
  const errorSummary = useMemberErrorSummary();
  const [leftOn, setLeftOn] = useState(todayInFrance());
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);

  const remove = useMutation(
    trpc.cooperation.removeMember.mutationOptions(memberMutationCallbacks(cooperation.id, FIELD_IDS, close)),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = removeMemberInputSchema.safeParse({
      memberId: member.id,
      version: member.version,
      ...(leftOn && { leftOn }),
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      remove.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    remove.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(remove.error));
  const summary = errorSummary(remove.error, localErrors, FIELD_IDS);

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t("cooperations.members.removeBody", { name: member.territory.name, cooperation: cooperation.name })}</p>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      <TextField
        id={FIELD_IDS.leftOn}
        type="date"
        label={t("cooperations.members.leftOn")}
        hint={t("cooperations.members.leftOnHint")}
        error={fieldError("leftOn")}
        value={leftOn}
        onChange={(event) => setLeftOn(event.target.value)}
      />
      <OfflineNotice paused={remove.isPaused} />
      <div className="dialog__actions">
        <button type="submit" className="button button--danger" disabled={remove.isPending}>
          {remove.isPending ? t("cooperations.members.removing") : t("cooperations.members.confirmRemove")}
        </button>
        <button type="button" className="button button--secondary" onClick={close} disabled={remove.isPending}>
          {t("cooperations.members.cancel")}
        </button>
      </div>
    </form>
  );
}
