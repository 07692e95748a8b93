import { canManageApplication, createApplicationInputSchema, partnerRoleLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { centsOf } from "../../ui/money-field.tsx";
import { FormNumberField, FormSelectField, FormTextField } from "../../ui/schema-form.tsx";
import { FundingForm } from "./funding-form.tsx";
import { FormProgrammeField } from "./funding-form-programme.tsx";
import { refreshFunding } from "./funding-form-refresh.ts";
import { type ProjectDetail, useActor } from "./project-model.ts";
import "./funding-dialogs.css";

/** The partners the signed-in user may file for: those they edit, or all of them as an editor of the lead. */
export function useApplicants(project: ProjectDetail) {
  const actor = useActor();
  const leadTerritoryId = project.partners.find((p) => p.role === "lead")?.territory.id ?? null;
  if (!actor || project.archived) return [];
  return project.partners.filter((partner) =>
    canManageApplication(actor, { applicantTerritoryId: partner.territory.id, leadTerritoryId }),
  );
}

/** "Nouvelle demande de financement": a draft on one of the project's partners, to a catalogue programme. */
export function NewApplicationDialog({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  const applicants = useApplicants(project);
  if (applicants.length === 0) return null;
  return (
    <div className="funding-toolbar">
      <FormDialog trigger={t("projects.funding.new")} title={t("projects.funding.newTitle")}>
        {(close) => <NewApplicationForm project={project} applicants={applicants} close={close} />}
      </FormDialog>
    </div>
  );
}

interface FormProps {
  project: ProjectDetail;
  applicants: ProjectDetail["partners"];
  close: () => void;
}

function NewApplicationForm({ project, applicants, close }: FormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useSchemaForm({
    idPrefix: "new-application",
    defaultValues: {
      applicantTerritoryId: applicants[0]?.territory.id ?? "",
      programmeId: "",
      callReference: "",
      requestedCents: null as number | null,
      eligibleBaseCents: null as number | null,
      submissionDeadline: "",
      spendingDeadline: "",
    },
    // Empty required fields get a plain sentence rather than the schema's technical message (an empty id).
    required: {
      programmeId: t("projects.funding.programmeRequired"),
      requestedCents: t("projects.funding.requestedRequired"),
    },
    schema: createApplicationInputSchema,
    toInput: (values) => ({
      ...values,
      projectId: project.id,
      requestedCents: centsOf(values.requestedCents),
      eligibleBaseCents: centsOf(values.eligibleBaseCents) ?? null,
      submissionDeadline: values.submissionDeadline || null,
      spendingDeadline: values.spendingDeadline || null,
    }),
    mutation: trpc.funding.createApplication.mutationOptions({
      onSuccess() {
        refreshFunding();
        close();
      },
    }),
  });

  return (
    <FundingForm form={form} texts="projects.funding" save={t("projects.funding.create")} close={close}>
      <FormSelectField
        name="applicantTerritoryId"
        label={t("projects.funding.applicant")}
        hint={t("projects.funding.applicantHint")}
        options={applicants.map((partner) => ({
          value: partner.territory.id,
          label: `${partner.territory.name} (${format.label(partnerRoleLabels[partner.role])})`,
        }))}
      />
      <FormProgrammeField name="programmeId" projectId={project.id} />
      <FormTextField
        name="callReference"
        label={t("projects.funding.callReference")}
        hint={t("projects.funding.callReferenceHint")}
        maxLength={200}
      />
      <div className="form__row">
        <FormNumberField money name="requestedCents" label={t("projects.funding.requestedField")} />
        <FormNumberField
          money
          name="eligibleBaseCents"
          label={t("projects.funding.baseField")}
          hint={t("projects.funding.baseHint")}
        />
      </div>
      <div className="form__row">
        <FormTextField name="submissionDeadline" type="date" label={t("projects.funding.submissionDeadline")} />
        <FormTextField name="spendingDeadline" type="date" label={t("projects.funding.spendingDeadline")} />
      </div>
    </FundingForm>
  );
}
