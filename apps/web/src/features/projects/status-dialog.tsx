import {
  changeProjectStatusInputSchema,
  type ProjectStatus,
  projectStatusLabels,
  projectTransitions,
  todayInFrance,
} from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormDialog } from "../../ui/dialog.tsx";
import { FundingForm } from "./funding-form.tsx";
import { asStoredProject, type ProjectDetail } from "./project-model.ts";
import { FormStepFields, projectSteps } from "./status-form-step.tsx";

/** The status workflow of @trame/core offers only the moves it allows from the current status. */
export function StatusDialog({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  if (projectTransitions[project.status].length === 0) return null;
  return (
    <FormDialog trigger={t("projects.status.open")} title={t("projects.status.title")}>
      {(close) => <StatusForm project={project} close={close} />}
    </FormDialog>
  );
}

function StatusForm({ project, close }: { project: ProjectDetail; close: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = format.label(projectStatusLabels[project.status]);
  const form = useSchemaForm({
    idPrefix: "status",
    defaultValues: { status: null as ProjectStatus | null, changedOn: todayInFrance(), comment: "" },
    required: { status: t("projects.status.pick") },
    schema: changeProjectStatusInputSchema,
    toInput: (values) => ({ ...values, id: project.id, version: project.version }),
    conflict: t("projects.status.conflict", { status }),
    mutation: trpc.project.changeStatus.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.project.get.queryKey({ id: saved.id }), saved);
        invalidate(trpc.project.list.pathFilter(), trpc.timeline.pathFilter(), trpc.audit.pathFilter());
        close();
      },
      onError(error) {
        const payload = trameErrorOf(error);
        // A colleague moved the project first: show its new status (and so its new choices), keep the rest.
        const current = payload?.code === "CONFLICT" ? asStoredProject(payload.current, project.id) : null;
        if (current) queryClient.setQueryData(trpc.project.get.queryKey({ id: current.id }), current);
      },
    }),
  });

  return (
    <FundingForm form={form} texts="projects.status" close={close}>
      <p>
        {t("projects.status.current")} <strong>{status}</strong>
      </p>
      <FormStepFields steps={projectSteps} from={project.status} />
    </FundingForm>
  );
}
