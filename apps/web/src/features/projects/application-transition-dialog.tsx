import {
  type ApplicationStatus,
  applicationStatusLabels,
  todayInFrance,
  transitionApplicationInputSchema,
} from "@trame/core";
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { centsOf } from "../../ui/money-field.tsx";
import { FormNumberField } from "../../ui/schema-form.tsx";
import { FundingForm } from "./funding-form.tsx";
import { ApplicationFormDialog, type ApplicationFormProps } from "./funding-form-dialog.tsx";
import { refreshFunding } from "./funding-form-refresh.ts";
import type { FundingApplication } from "./funding-section.tsx";
import { applicationSteps, FormStepFields } from "./status-form-step.tsx";

/** The application workflow of @trame/core offers only the steps it allows from the current status. */
export function ApplicationTransitionDialog({ application }: { application: FundingApplication }) {
  return <ApplicationFormDialog application={application} step="transition" Form={TransitionForm} />;
}

function TransitionForm({ application, close }: ApplicationFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useSchemaForm({
    idPrefix: "transition",
    conflict: t("projects.funding.conflict"),
    defaultValues: {
      to: null as ApplicationStatus | null,
      on: todayInFrance(),
      grantedCents: (application.requestedCents / 100) as number | null,
      comment: "",
    },
    required: { to: t("projects.funding.pick") },
    schema: transitionApplicationInputSchema,
    // The amount goes only with a grant: the schema refuses it on any other step.
    toInput: ({ grantedCents, ...values }) => ({
      ...values,
      id: application.id,
      version: application.version,
      ...(values.to === "granted" ? { grantedCents: centsOf(grantedCents) } : {}),
    }),
    mutation: trpc.funding.transition.mutationOptions({
      onSuccess() {
        refreshFunding();
        close();
      },
      onError(error) {
        const code = trameErrorOf(error)?.code;
        // A colleague moved the application first: reload it (new status, new choices), keep what was typed.
        if (code === "CONFLICT" || code === "PRECONDITION_FAILED") {
          invalidate(trpc.funding.pathFilter(), trpc.financing.pathFilter());
        }
      },
    }),
  });
  const to = useWatch({ control: form.methods.control, name: "to" });

  return (
    <FundingForm form={form} texts="projects.funding" close={close}>
      <p>
        {t("projects.funding.currentStatus")}{" "}
        <strong>{format.label(applicationStatusLabels[application.status])}</strong>
        {" — "}
        {t("projects.funding.requestedAmount", { amount: `${format.number(application.requestedCents / 100)} €` })}
      </p>
      <FormStepFields
        steps={applicationSteps}
        from={application.status}
        commentHint={to === "closed" ? t("projects.funding.commentRequired") : undefined}
      >
        {to === "granted" && (
          <FormNumberField
            money
            name="grantedCents"
            label={t("projects.funding.grantedAmount")}
            hint={t("projects.funding.grantedHint")}
          />
        )}
      </FormStepFields>
    </FundingForm>
  );
}
