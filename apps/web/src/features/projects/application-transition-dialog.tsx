import { useMutation } from "@tanstack/react-query";
import {
  type ApplicationStatus,
  applicationStatusLabels,
  applicationTransitions,
  type FieldError,
  fieldErrorsFromZod,
  todayInFrance,
  transitionApplicationInputSchema,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { MoneyField } from "../../ui/money-field.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { TextAreaField } from "../../ui/text-area-field.tsx";
import type { FundingApplication } from "./funding-section.tsx";

const FIELD_IDS = { on: "transition-on", grantedCents: "transition-granted", comment: "transition-comment" } as const;

/** The application workflow of @trame/core offers only the steps it allows from the current status. */
export function ApplicationTransitionDialog({ application }: { application: FundingApplication }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button
        className="button button--secondary button--small"
        aria-label={t("projects.funding.transitionNamed", { programme: application.programme.name })}
      >
        {t("projects.funding.transition")}
      </Button>
      <ModalDialog
        title={t("projects.funding.transitionTitle", { programme: application.programme.name })}
        isDismissable={false}
      >
        {(close) => <TransitionForm application={application} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function TransitionForm({ application, close }: { application: FundingApplication; close: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [to, setTo] = useState<ApplicationStatus | null>(null);
  const [on, setOn] = useState(todayInFrance());
  const [grantedEuros, setGrantedEuros] = useState<number | null>(application.requestedCents / 100);
  const [comment, setComment] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [toMissing, setToMissing] = useState(false);
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.funding.pathFilter());
    void queryClient.invalidateQueries(trpc.financing.pathFilter());
  };

  const transition = useMutation(
    trpc.funding.transition.mutationOptions({
      onSuccess() {
        refresh();
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
        close();
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        const code = trameErrorOf(error)?.code;
        // A colleague moved the application first: reload it (new status, new choices), keep what was typed.
        if (code === "CONFLICT" || code === "PRECONDITION_FAILED") refresh();
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setToMissing(to === null);
    if (to === null) return;
    const parsed = transitionApplicationInputSchema.safeParse({
      id: application.id,
      version: application.version,
      to,
      on,
      comment,
      ...(to === "granted" && grantedEuros !== null ? { grantedCents: Math.round(grantedEuros * 100) } : {}),
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    transition.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(transition.error));
  const code = trameErrorOf(transition.error)?.code;
  const message =
    code === "CONFLICT"
      ? t("projects.funding.conflict")
      : transition.error && !serverFieldErrors(transition.error).length
        ? errorText(transition.error)
        : null;
  const allowed = applicationTransitions[application.status];

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>
        {t("projects.funding.currentStatus")}{" "}
        <strong>{format.label(applicationStatusLabels[application.status])}</strong>
        {" — "}
        {t("projects.funding.requestedAmount", { amount: `${format.number(application.requestedCents / 100)} €` })}
      </p>
      {message && (
        <div className="alert alert--error" role="alert">
          <p>{message}</p>
        </div>
      )}
      <RadioGroupField
        label={t("projects.funding.next")}
        error={toMissing ? t("projects.funding.pick") : fieldError("to")}
        options={allowed.map((value) => ({ value, label: format.label(applicationStatusLabels[value]) }))}
        value={to !== null && allowed.includes(to) ? to : null}
        onChange={(next) => {
          setTo(next);
          setToMissing(false);
        }}
      />
      <TextField
        id={FIELD_IDS.on}
        type="date"
        label={t("projects.funding.on")}
        error={fieldError("on")}
        value={on}
        onChange={(event) => setOn(event.target.value)}
      />
      {to === "granted" && (
        <MoneyField
          id={FIELD_IDS.grantedCents}
          label={t("projects.funding.grantedAmount")}
          hint={t("projects.funding.grantedHint")}
          error={fieldError("grantedCents")}
          value={grantedEuros}
          onChange={setGrantedEuros}
        />
      )}
      <TextAreaField
        id={FIELD_IDS.comment}
        label={t("projects.funding.comment")}
        hint={to === "closed" ? t("projects.funding.commentRequired") : t("projects.funding.commentHint")}
        error={fieldError("comment")}
        value={comment}
        rows={3}
        onChange={setComment}
      />
      <DialogActions
        pending={transition.isPending}
        paused={transition.isPaused}
        saveLabel={t("projects.funding.save")}
        savingLabel={t("projects.funding.saving")}
        cancelLabel={t("projects.funding.cancel")}
        onCancel={close}
      />
    </form>
  );
}
