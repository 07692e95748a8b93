import { THEMES, themeLabels, updateProjectInputSchema, VISIBILITIES, visibilityLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import type { useVersionedEdit } from "../../lib/use-versioned-edit.ts";
import { useLastChange, useVersionedSave } from "../../lib/use-versioned-save.ts";
import { CheckboxGroupField, RadioGroupField } from "../../ui/choice-fields.tsx";
import { useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { MoneyField } from "../../ui/money-field.tsx";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { TextAreaField } from "../../ui/text-area-field.tsx";
import { VersionedEditNotices } from "../../ui/versioned-edit-notices.tsx";
import { PROJECT_FIELD_IDS, type ProjectEditValues, projectPatch, projectValues } from "./project-edit-values.ts";
import { asStoredProject, type ProjectDetail } from "./project-model.ts";

interface ProjectEditFormProps {
  project: ProjectDetail;
  edit: ReturnType<typeof useVersionedEdit<ProjectEditValues>>;
}

export function ProjectEditForm({ project, edit }: ProjectEditFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const { values } = edit;

  const { update, localErrors, fieldErrors, submit, reapply, discard } = useVersionedSave({
    edit,
    mutation: trpc.project.update.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.project.get.queryKey({ id: saved.id }), saved);
        // The title and dates show on lists, timelines and in the history.
        void queryClient.invalidateQueries(trpc.project.list.pathFilter());
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
        edit.finish();
      },
    }),
    parse: (next) =>
      updateProjectInputSchema.safeParse({ id: project.id, version: next.version, ...projectPatch(next.patch) }),
    fieldIds: PROJECT_FIELD_IDS,
    id: project.id,
    asStored: asStoredProject,
    toValues: projectValues,
    onStale(current) {
      queryClient.setQueryData(trpc.project.get.queryKey({ id: current.id }), current);
      void queryClient.invalidateQueries(trpc.audit.pathFilter());
    },
  });
  const latest = useLastChange("project", project.id, edit.conflict !== null);

  const fieldError = useFieldErrorText(fieldErrors);
  const conflictCode = trameErrorOf(update.error)?.code === "CONFLICT";
  const summary = localErrors.length
    ? t("projects.edit.fixFields")
    : update.error && !conflictCode
      ? errorText(update.error)
      : null;

  /** One field of a whole version, as text to compare. */
  function display(key: keyof ProjectEditValues, version: ProjectEditValues): string {
    const empty = "—";
    switch (key) {
      case "themes":
        return version.themes.map((theme) => format.label(themeLabels[theme])).join(", ") || empty;
      case "visibility":
        return format.label(visibilityLabels[version.visibility]);
      case "startedOn":
      case "endedOn":
        return version[key] ? format.date(version[key]) : empty;
      case "budgetEuros":
        return version.budgetEuros === null ? empty : `${format.number(version.budgetEuros)} €`;
      default:
        return version[key] || empty;
    }
  }

  const rowLabels: Record<keyof ProjectEditValues, string> = {
    title: t("projects.edit.title"),
    summary: t("projects.edit.summary"),
    themes: t("projects.edit.themes"),
    startedOn: t("projects.edit.startedOn"),
    endedOn: t("projects.edit.endedOn"),
    budgetEuros: t("projects.edit.budget"),
    visibility: t("projects.edit.visibility"),
  };

  return (
    <section className="panel" aria-labelledby="project-edit-title">
      <h2 id="project-edit-title">{t("projects.edit.heading")}</h2>
      <VersionedEditNotices
        edit={edit}
        values={values}
        labels={rowLabels}
        display={display}
        latest={latest}
        pending={update.isPending}
        onReapply={reapply}
        onDiscard={discard}
        summary={summary}
        storedVersion={project.version}
      />
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          id={PROJECT_FIELD_IDS.title}
          name="title"
          label={t("projects.edit.title")}
          error={fieldError("title")}
          value={values.title}
          onChange={(event) => edit.set("title", event.target.value)}
        />
        <TextAreaField
          id={PROJECT_FIELD_IDS.summary}
          label={t("projects.edit.summary")}
          error={fieldError("summary")}
          value={values.summary}
          rows={5}
          onChange={(value) => edit.set("summary", value)}
        />
        <CheckboxGroupField
          label={t("projects.edit.themes")}
          error={fieldError("themes")}
          inline
          options={THEMES.map((theme) => ({ value: theme, label: format.label(themeLabels[theme]) }))}
          value={values.themes}
          onChange={(themes) => edit.set("themes", themes)}
        />
        <div className="form__row">
          <TextField
            id={PROJECT_FIELD_IDS.startedOn}
            type="date"
            label={t("projects.edit.startedOn")}
            error={fieldError("startedOn")}
            value={values.startedOn}
            onChange={(event) => edit.set("startedOn", event.target.value)}
          />
          <TextField
            id={PROJECT_FIELD_IDS.endedOn}
            type="date"
            label={t("projects.edit.endedOn")}
            error={fieldError("endedOn")}
            value={values.endedOn}
            onChange={(event) => edit.set("endedOn", event.target.value)}
          />
        </div>
        <MoneyField
          id={PROJECT_FIELD_IDS.budgetCents}
          label={t("projects.edit.budget")}
          hint={t("projects.edit.budgetHint")}
          error={fieldError("budgetCents")}
          value={values.budgetEuros}
          onChange={(value) => edit.set("budgetEuros", value)}
        />
        <RadioGroupField
          label={t("projects.edit.visibility")}
          error={fieldError("visibility")}
          options={VISIBILITIES.map((value) => ({ value, label: format.label(visibilityLabels[value]) }))}
          value={values.visibility}
          onChange={(value) => edit.set("visibility", value)}
        />
        <OfflineNotice paused={update.isPaused} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={update.isPending || edit.conflict !== null}>
            {update.isPending ? t("projects.edit.saving") : t("projects.edit.save")}
          </button>
          <button type="button" className="button button--secondary" onClick={edit.finish} disabled={update.isPending}>
            {t("projects.edit.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
