import { useMutation } from "@tanstack/react-query";
import { addPaymentInputSchema, type FieldError, fieldErrorsFromZod, todayInFrance } from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { MoneyField } from "../../ui/money-field.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { useEuros } from "../territory-page/use-euros.ts";
import type { FundingApplication } from "./funding-section.tsx";
import "./funding-dialogs.css";

const FIELD_IDS = { amountCents: "payment-amount", paidOn: "payment-on", reference: "payment-reference" } as const;

/** "Enregistrer un versement": a tranche paid by the funder on a granted application. */
export function AddPaymentDialog({ application }: { application: FundingApplication }) {
  const { t } = useTranslation();
  const name = application.programme.name;
  return (
    <DialogTrigger>
      <Button
        className="button button--secondary button--small"
        aria-label={t("projects.funding.paymentNamed", { programme: name })}
      >
        {t("projects.funding.payment")}
      </Button>
      <ModalDialog title={t("projects.funding.paymentTitle", { programme: name })} isDismissable={false}>
        {(close) => <PaymentForm application={application} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function PaymentForm({ application, close }: { application: FundingApplication; close: () => void }) {
  const { t } = useTranslation();
  const euros = useEuros();
  const errorText = useErrorText();
  const [amountEuros, setAmountEuros] = useState<number | null>(null);
  const [paidOn, setPaidOn] = useState(todayInFrance());
  const [reference, setReference] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [amountMissing, setAmountMissing] = useState(false);

  const add = useMutation(
    trpc.funding.addPayment.mutationOptions({
      onSuccess() {
        void queryClient.invalidateQueries(trpc.funding.pathFilter());
        void queryClient.invalidateQueries(trpc.financing.pathFilter());
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
        close();
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        // The status may have moved (closed by a colleague's last tranche): show the new state behind.
        void queryClient.invalidateQueries(trpc.funding.pathFilter());
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setAmountMissing(amountEuros === null);
    // Amounts above what remains are the server's to refuse: it alone sees payments recorded meanwhile.
    const parsed = addPaymentInputSchema.safeParse({
      applicationId: application.id,
      amountCents: amountEuros === null ? undefined : Math.round(amountEuros * 100),
      paidOn,
      reference,
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    add.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(add.error));
  const message = add.error && !serverFieldErrors(add.error).length ? errorText(add.error) : null;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <dl className="payment-balance">
        <div>
          <dt>{t("projects.funding.granted")}</dt>
          <dd className="tabular">{euros(application.grantedCents ?? 0)}</dd>
        </div>
        <div>
          <dt>{t("projects.funding.paid")}</dt>
          <dd className="tabular">{euros(application.paidCents)}</dd>
        </div>
        <div>
          <dt>{t("projects.funding.remaining")}</dt>
          <dd className="tabular">{euros(application.remainingCents)}</dd>
        </div>
      </dl>
      {message && (
        <div className="alert alert--error" role="alert">
          <p>{message}</p>
        </div>
      )}
      <MoneyField
        id={FIELD_IDS.amountCents}
        label={t("projects.funding.paymentAmount")}
        hint={t("projects.funding.paymentAmountHint")}
        error={amountMissing ? t("projects.funding.paymentAmountRequired") : fieldError("amountCents")}
        value={amountEuros}
        onChange={(value) => {
          setAmountEuros(value);
          setAmountMissing(false);
        }}
      />
      <TextField
        id={FIELD_IDS.paidOn}
        type="date"
        label={t("projects.funding.paymentOn")}
        error={fieldError("paidOn")}
        value={paidOn}
        onChange={(event) => setPaidOn(event.target.value)}
      />
      <TextField
        id={FIELD_IDS.reference}
        label={t("projects.funding.paymentReference")}
        hint={t("projects.funding.paymentReferenceHint")}
        error={fieldError("reference")}
        value={reference}
        maxLength={200}
        onChange={(event) => setReference(event.target.value)}
      />
      <DialogActions
        pending={add.isPending}
        paused={add.isPaused}
        saveLabel={t("projects.funding.paymentSave")}
        savingLabel={t("projects.funding.saving")}
        cancelLabel={t("projects.funding.cancel")}
        onCancel={close}
      />
    </form>
  );
}
