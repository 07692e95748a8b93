import { addPaymentInputSchema, todayInFrance } from "@trame/core";
import { useTranslation } from "react-i18next";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { centsOf } from "../../ui/money-field.tsx";
import { FormNumberField, FormTextField, SchemaForm } from "../../ui/schema-form.tsx";
import { useEuros } from "../territory-page/use-euros.ts";
import type { FundingApplication } from "./funding-section.tsx";
import "./funding-dialogs.css";

/** "Enregistrer un versement": a tranche paid by the funder on a granted application. */
export function AddPaymentDialog({ application }: { application: FundingApplication }) {
  const { t } = useTranslation();
  const name = application.programme.name;
  return (
    <FormDialog
      trigger={t("projects.funding.payment")}
      triggerLabel={t("projects.funding.paymentNamed", { programme: name })}
      triggerClassName="button button--secondary button--small"
      title={t("projects.funding.paymentTitle", { programme: name })}
    >
      {(close) => <PaymentForm application={application} close={close} />}
    </FormDialog>
  );
}

function PaymentForm({ application, close }: { application: FundingApplication; close: () => void }) {
  const { t } = useTranslation();
  const euros = useEuros();
  const form = useSchemaForm({
    idPrefix: "payment",
    defaultValues: { amountCents: null as number | null, paidOn: todayInFrance(), reference: "" },
    required: { amountCents: t("projects.funding.paymentAmountRequired") },
    // Amounts above what remains are the server's to refuse: it alone sees payments recorded meanwhile.
    schema: addPaymentInputSchema,
    toInput: (values) => ({ ...values, applicationId: application.id, amountCents: centsOf(values.amountCents) }),
    mutation: trpc.funding.addPayment.mutationOptions({
      onSuccess() {
        invalidate(
          trpc.funding.pathFilter(),
          trpc.financing.pathFilter(),
          trpc.timeline.pathFilter(),
          trpc.audit.pathFilter(),
        );
        close();
      },
      // The status may have moved (closed by a colleague's last tranche): show the new state behind.
      onError: () => invalidate(trpc.funding.pathFilter()),
    }),
  });

  return (
    <SchemaForm form={form}>
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
      <FormNumberField
        money
        name="amountCents"
        label={t("projects.funding.paymentAmount")}
        hint={t("projects.funding.paymentAmountHint")}
      />
      <FormTextField name="paidOn" type="date" label={t("projects.funding.paymentOn")} />
      <FormTextField
        name="reference"
        label={t("projects.funding.paymentReference")}
        hint={t("projects.funding.paymentReferenceHint")}
        maxLength={200}
      />
      <DialogActions
        {...form.actions}
        saveLabel={t("projects.funding.paymentSave")}
        savingLabel={t("projects.funding.saving")}
        cancelLabel={t("projects.funding.cancel")}
        onCancel={close}
      />
    </SchemaForm>
  );
}
