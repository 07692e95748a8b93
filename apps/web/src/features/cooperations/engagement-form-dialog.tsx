import { useMutation } from "@tanstack/react-query";
import {
  changeEngagementFormInputSchema,
  ENGAGEMENT_FORMS,
  type EngagementForm,
  engagementFormLabels,
  type FieldError,
  fieldErrorsFromZod,
  formalityLabels,
  formalityOf,
  todayInFrance,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { TextAreaField } from "../../ui/text-area-field.tsx";
import { asStoredCooperation, type CooperationDetail } from "./cooperation-model.ts";

const FIELD_IDS = {
  engagementForm: "engagement-form",
  changedOn: "engagement-changed-on",
  note: "engagement-note",
} as const;

/** A new form of engagement closes the current period and opens another: the history keeps both. */
export function EngagementFormDialog({ cooperation }: { cooperation: CooperationDetail }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button button--secondary">{t("cooperations.engagement.open")}</Button>
      <ModalDialog title={t("cooperations.engagement.title")} isDismissable={false}>
        {(close) => <EngagementFormChange cooperation={cooperation} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function EngagementFormChange({ cooperation, close }: { cooperation: CooperationDetail; close: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [engagementForm, setEngagementForm] = useState<EngagementForm>(cooperation.engagementForm);
  const [changedOn, setChangedOn] = useState(todayInFrance());
  const [note, setNote] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);

  const change = useMutation(
    trpc.cooperation.changeEngagementForm.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: saved.id }), saved);
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
        close();
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        const payload = trameErrorOf(error);
        const current = payload?.code === "CONFLICT" ? asStoredCooperation(payload.current, cooperation.id) : null;
        // The next attempt then carries the new version; what was typed here stays.
        if (current) queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: current.id }), current);
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = changeEngagementFormInputSchema.safeParse({
      id: cooperation.id,
      version: cooperation.version,
      engagementForm,
      changedOn,
      note,
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    change.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(change.error));
  const message =
    trameErrorOf(change.error)?.code === "CONFLICT"
      ? t("cooperations.engagement.conflict")
      : change.error && !localErrors.length && !serverFieldErrors(change.error).length
        ? errorText(change.error)
        : null;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>
        {t("cooperations.engagement.current")}{" "}
        <strong>{format.label(engagementFormLabels[cooperation.engagementForm])}</strong>
      </p>
      {message && (
        <div className="alert alert--error" role="alert">
          <p>{message}</p>
        </div>
      )}
      <SelectField
        id={FIELD_IDS.engagementForm}
        label={t("cooperations.engagement.next")}
        hint={t("cooperations.engagement.formality", {
          formality: format.label(formalityLabels[formalityOf[engagementForm]]),
        })}
        error={fieldError("engagementForm")}
        options={ENGAGEMENT_FORMS.map((form) => ({ value: form, label: format.label(engagementFormLabels[form]) }))}
        value={engagementForm}
        onChange={(event) => {
          const form = ENGAGEMENT_FORMS.find((f) => f === event.target.value);
          if (form) setEngagementForm(form);
        }}
      />
      <TextField
        id={FIELD_IDS.changedOn}
        type="date"
        label={t("cooperations.engagement.changedOn")}
        error={fieldError("changedOn")}
        value={changedOn}
        onChange={(event) => setChangedOn(event.target.value)}
      />
      <TextAreaField
        id={FIELD_IDS.note}
        label={t("cooperations.engagement.note")}
        hint={t("cooperations.engagement.noteHint")}
        error={fieldError("note")}
        value={note}
        rows={3}
        onChange={setNote}
      />
      <DialogActions
        pending={change.isPending}
        paused={change.isPaused}
        saveLabel={t("cooperations.engagement.save")}
        savingLabel={t("cooperations.engagement.saving")}
        cancelLabel={t("cooperations.engagement.cancel")}
        onCancel={close}
      />
    </form>
  );
}
