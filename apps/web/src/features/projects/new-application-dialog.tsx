import { useMutation, useQuery } from "@tanstack/react-query";
import {
  canManageApplication,
  createApplicationInputSchema,
  type FieldError,
  fieldErrorsFromZod,
  partnerRoleLabels,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { SelectField, TextField } from "../../ui/fields.tsx";
import { MoneyField } from "../../ui/money-field.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { type ProjectDetail, useActor } from "./project-model.ts";
import "./funding-dialogs.css";

const FIELD_IDS = {
  applicantTerritoryId: "new-application-applicant",
  programmeId: "new-application-programme",
  callReference: "new-application-reference",
  eligibleBaseCents: "new-application-base",
  requestedCents: "new-application-requested",
  submissionDeadline: "new-application-deadline",
  spendingDeadline: "new-application-spending",
} as const;

/** The whole catalogue is a few dozen programmes: one page of the API holds it. */
const CATALOGUE_LIMIT = 100;

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
      <DialogTrigger>
        <Button className="button button--secondary">{t("projects.funding.new")}</Button>
        <ModalDialog title={t("projects.funding.newTitle")} isDismissable={false}>
          {(close) => <NewApplicationForm project={project} applicants={applicants} close={close} />}
        </ModalDialog>
      </DialogTrigger>
    </div>
  );
}

interface FormProps {
  project: ProjectDetail;
  applicants: ProjectDetail["partners"];
  close: () => void;
}

const euroCents = (euros: number | null) => (euros === null ? null : Math.round(euros * 100));

function NewApplicationForm({ project, applicants, close }: FormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [applicantTerritoryId, setApplicant] = useState(applicants[0]?.territory.id ?? "");
  const [anyProgramme, setAnyProgramme] = useState(false);
  const [programmeId, setProgrammeId] = useState("");
  const [callReference, setCallReference] = useState("");
  const [baseEuros, setBaseEuros] = useState<number | null>(null);
  const [requestedEuros, setRequestedEuros] = useState<number | null>(null);
  const [submissionDeadline, setSubmissionDeadline] = useState("");
  const [spendingDeadline, setSpendingDeadline] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  // Empty required fields get a plain sentence rather than the schema's technical message (an empty id).
  const [missing, setMissing] = useState<{ programme: boolean; requested: boolean }>({
    programme: false,
    requested: false,
  });

  const fitting = useQuery(trpc.funding.fittingProgrammes.queryOptions({ projectId: project.id }));
  const catalogue = useQuery({
    ...trpc.funding.programmes.queryOptions({ limit: CATALOGUE_LIMIT }),
    enabled: anyProgramme,
  });
  const programmes = (anyProgramme ? catalogue.data?.items : fitting.data) ?? [];

  const create = useMutation(
    trpc.funding.createApplication.mutationOptions({
      onSuccess() {
        void queryClient.invalidateQueries(trpc.funding.pathFilter());
        void queryClient.invalidateQueries(trpc.financing.pathFilter());
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        close();
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const nowMissing = { programme: programmeId === "", requested: requestedEuros === null };
    setMissing(nowMissing);
    const parsed = createApplicationInputSchema.safeParse({
      projectId: project.id,
      applicantTerritoryId,
      programmeId,
      callReference,
      eligibleBaseCents: euroCents(baseEuros),
      requestedCents: euroCents(requestedEuros) ?? undefined,
      submissionDeadline: submissionDeadline || null,
      spendingDeadline: spendingDeadline || null,
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    create.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(create.error));
  const message = create.error && !serverFieldErrors(create.error).length ? errorText(create.error) : null;
  const programmeHint = anyProgramme
    ? t("projects.funding.programmeAllHint")
    : fitting.data?.length === 0
      ? t("projects.funding.programmeNoneFits")
      : t("projects.funding.programmeFittingHint");

  return (
    <form className="form" onSubmit={submit} noValidate>
      {message && (
        <div className="alert alert--error" role="alert">
          <p>{message}</p>
        </div>
      )}
      <SelectField
        id={FIELD_IDS.applicantTerritoryId}
        label={t("projects.funding.applicant")}
        hint={t("projects.funding.applicantHint")}
        error={fieldError("applicantTerritoryId")}
        options={applicants.map((partner) => ({
          value: partner.territory.id,
          label: `${partner.territory.name} (${format.label(partnerRoleLabels[partner.role])})`,
        }))}
        value={applicantTerritoryId}
        onChange={(event) => setApplicant(event.target.value)}
      />
      <SelectField
        id={FIELD_IDS.programmeId}
        label={t("projects.funding.programme")}
        hint={programmeHint}
        error={missing.programme ? t("projects.funding.programmeRequired") : fieldError("programmeId")}
        options={[
          { value: "", label: t("projects.funding.programmePick") },
          ...programmes.map((programme) => ({
            value: programme.id,
            label: `${programme.acronym || programme.name} — ${programme.funder.name}${
              programme.confidence === "uncertain" ? ` (${t("projects.funding.unverified")})` : ""
            }`,
          })),
        ]}
        value={programmes.some((programme) => programme.id === programmeId) ? programmeId : ""}
        onChange={(event) => {
          setProgrammeId(event.target.value);
          setMissing((current) => ({ ...current, programme: false }));
        }}
      />
      <div className="field">
        <label className="checkbox-line">
          <input type="checkbox" checked={anyProgramme} onChange={(event) => setAnyProgramme(event.target.checked)} />{" "}
          {t("projects.funding.programmeAll")}
        </label>
      </div>
      <TextField
        id={FIELD_IDS.callReference}
        label={t("projects.funding.callReference")}
        hint={t("projects.funding.callReferenceHint")}
        error={fieldError("callReference")}
        value={callReference}
        maxLength={200}
        onChange={(event) => setCallReference(event.target.value)}
      />
      <div className="form__row">
        <MoneyField
          id={FIELD_IDS.requestedCents}
          label={t("projects.funding.requestedField")}
          error={missing.requested ? t("projects.funding.requestedRequired") : fieldError("requestedCents")}
          value={requestedEuros}
          onChange={(value) => {
            setRequestedEuros(value);
            setMissing((current) => ({ ...current, requested: false }));
          }}
        />
        <MoneyField
          id={FIELD_IDS.eligibleBaseCents}
          label={t("projects.funding.baseField")}
          hint={t("projects.funding.baseHint")}
          error={fieldError("eligibleBaseCents")}
          value={baseEuros}
          onChange={setBaseEuros}
        />
      </div>
      <div className="form__row">
        <TextField
          id={FIELD_IDS.submissionDeadline}
          type="date"
          label={t("projects.funding.submissionDeadline")}
          error={fieldError("submissionDeadline")}
          value={submissionDeadline}
          onChange={(event) => setSubmissionDeadline(event.target.value)}
        />
        <TextField
          id={FIELD_IDS.spendingDeadline}
          type="date"
          label={t("projects.funding.spendingDeadline")}
          error={fieldError("spendingDeadline")}
          value={spendingDeadline}
          onChange={(event) => setSpendingDeadline(event.target.value)}
        />
      </div>
      <DialogActions
        pending={create.isPending}
        paused={create.isPaused}
        saveLabel={t("projects.funding.create")}
        savingLabel={t("projects.funding.saving")}
        cancelLabel={t("projects.funding.cancel")}
        onCancel={close}
      />
    </form>
  );
}
