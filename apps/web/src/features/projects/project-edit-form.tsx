import { THEMES, themeLabels, updateProjectInputSchema, VISIBILITIES, visibilityLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, queryClient, trpc } from "../../lib/trpc.ts";
import type { VersionedEdit } from "../../lib/use-versioned-edit.ts";
import { useVersionedSchemaForm } from "../../lib/use-versioned-schema-form.ts";
import {
  FormCheckboxGroup,
  FormNumberField,
  FormRadioGroup,
  FormTextArea,
  FormTextField,
} from "../../ui/schema-form.tsx";
import { useEditTexts, VersionedEditForm } from "../../ui/versioned-edit-notices.tsx";
import { type ProjectEditValues, projectPatch, projectValues } from "./project-edit-values.ts";
import { asStoredProject, type ProjectDetail } from "./project-model.ts";

export function ProjectEditForm({ project, edit }: { project: ProjectDetail; edit: VersionedEdit<ProjectEditValues> }) {
  const { t } = useTranslation();
  const format = useFormat();
  const form = useVersionedSchemaForm({
    edit,
    idPrefix: "project",
    schema: updateProjectInputSchema,
    toInput: (patch, version) => ({ id: project.id, version, ...projectPatch(patch) }),
    mutation: trpc.project.update.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.project.get.queryKey({ id: saved.id }), saved);
        // The title and dates show on lists, timelines and in the history.
        invalidate(trpc.project.list.pathFilter(), trpc.timeline.pathFilter(), trpc.audit.pathFilter());
      },
    }),
    id: project.id,
    history: "project",
    asStored: asStoredProject,
    toValues: projectValues,
    onStale(current) {
      queryClient.setQueryData(trpc.project.get.queryKey({ id: current.id }), current);
      invalidate(trpc.audit.pathFilter());
    },
  });

  const labels: Record<keyof ProjectEditValues, string> = {
    title: t("projects.edit.title"),
    summary: t("projects.edit.summary"),
    themes: t("projects.edit.themes"),
    startedOn: t("projects.edit.startedOn"),
    endedOn: t("projects.edit.endedOn"),
    budgetCents: t("projects.edit.budget"),
    visibility: t("projects.edit.visibility"),
  };

  return (
    <VersionedEditForm
      form={form}
      heading={{ text: t("projects.edit.heading"), level: 2, className: "panel" }}
      labels={labels}
      display={{
        themes: (themes) => themes.map((theme) => format.label(themeLabels[theme])).join(", "),
        visibility: (visibility) => format.label(visibilityLabels[visibility]),
        startedOn: format.date,
        endedOn: format.date,
        budgetCents: (euros) => `${format.number(euros)} €`,
      }}
      storedVersion={project.version}
      texts={useEditTexts("projects.edit")}
    >
      <FormTextField name="title" label={labels.title} />
      <FormTextArea name="summary" label={labels.summary} rows={5} />
      <FormCheckboxGroup
        name="themes"
        label={labels.themes}
        inline
        options={THEMES.map((theme) => ({ value: theme, label: format.label(themeLabels[theme]) }))}
      />
      <div className="form__row">
        <FormTextField name="startedOn" type="date" label={labels.startedOn} />
        <FormTextField name="endedOn" type="date" label={labels.endedOn} />
      </div>
      <FormNumberField money name="budgetCents" label={labels.budgetCents} hint={t("projects.edit.budgetHint")} />
      <FormRadioGroup
        name="visibility"
        label={labels.visibility}
        options={VISIBILITIES.map((value) => ({ value, label: format.label(visibilityLabels[value]) }))}
      />
    </VersionedEditForm>
  );
}
