import { addPaymentInputSchema, todayInFrance } from "@trame/core";
import { useTranslation } from "react-i18next";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { centsOf } from "../../ui/money-field.tsx";
import { FormNumberField, FormTextField } from "../../ui/schema-form.tsx";
import { useEuros } from "../territory-page/use-euros.ts";
import { FundingForm } from "./funding-form.tsx";
import { ApplicationFormDialog, type ApplicationFormProps } from "./funding-form-dialog.tsx";
import { refreshFunding } from "./funding-form-refresh.ts";
import type { FundingApplication } from "./funding-section.tsx";
import "./funding-dialogs.css";

/** "Enregistrer un versement": a tranche paid by the funder on a granted application. */
export function AddPaymentDialog({ application }: { application: FundingApplication }) {
  return <ApplicationFormDialog application={application} step="payment" Form={PaymentForm} />;
}

function PaymentForm({ application, close }: ApplicationFormProps) {
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
        refreshFunding();
        close();
      },
      // The status may have moved (closed by a colleague's last tranche): show the new state behind.
      onError: () => invalidate(trpc.funding.pathFilter()),
    }),
  });

  return (
    <FundingForm form={form} texts="projects.funding" save={t("projects.funding.paymentSave")} close={close}>
      <dl className="plan-totals payment-balance">
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
    </FundingForm>
  );
}
