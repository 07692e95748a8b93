import { useMutation } from "@tanstack/react-query";
import {
  changeProjectStatusInputSchema,
  type FieldError,
  fieldErrorsFromZod,
  type ProjectStatus,
  projectStatusLabels,
  projectTransitions,
  todayInFrance,
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
import { useErrorText } from "../../ui/query-error.tsx";
import { TextAreaField } from "../../ui/text-area-field.tsx";
import { asStoredProject, type ProjectDetail } from "./project-model.ts";

const FIELD_IDS = { changedOn: "status-changed-on", comment: "status-comment" } as const;

/** The status workflow of @trame/core offers only the moves it allows from the current status. */
export function StatusDialog({ project }: { project: ProjectDetail }) {
  const { t } = useTranslation();
  if (projectTransitions[project.status].length === 0) return null;
  return (
    <DialogTrigger>
      <Button className="button button--secondary">{t("projects.status.open")}</Button>
      <ModalDialog title={t("projects.status.title")} isDismissable={false}>
        {(close) => <StatusForm project={project} close={close} />}
      </ModalDialog>
    </DialogTrigger>
  );
}

function StatusForm({ project, close }: { project: ProjectDetail; close: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const allowed = projectTransitions[project.status];
  const [status, setStatus] = useState<ProjectStatus | null>(null);
  const [changedOn, setChangedOn] = useState(todayInFrance());
  const [comment, setComment] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [statusMissing, setStatusMissing] = useState(false);

  const change = useMutation(
    trpc.project.changeStatus.mutationOptions({
      onSuccess(saved) {
        queryClient.setQueryData(trpc.project.get.queryKey({ id: saved.id }), saved);
        void queryClient.invalidateQueries(trpc.project.list.pathFilter());
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
        close();
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        const payload = trameErrorOf(error);
        // A colleague moved the project first: show its new status (and so its new choices), keep the rest.
        const current = payload?.code === "CONFLICT" ? asStoredProject(payload.current, project.id) : null;
        if (current) {
          queryClient.setQueryData(trpc.project.get.queryKey({ id: current.id }), current);
          if (!projectTransitions[current.status].includes(status ?? current.status)) setStatus(null);
        }
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setStatusMissing(status === null);
    if (status === null) return;
    const parsed = changeProjectStatusInputSchema.safeParse({
      id: project.id,
      version: project.version,
      status,
      changedOn,
      comment,
    });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    change.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(change.error));
  const code = trameErrorOf(change.error)?.code;
  const message =
    code === "CONFLICT"
      ? t("projects.status.conflict", { status: format.label(projectStatusLabels[project.status]) })
      : change.error && !localErrors.length && !serverFieldErrors(change.error).length
        ? errorText(change.error)
        : null;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>
        {t("projects.status.current")} <strong>{format.label(projectStatusLabels[project.status])}</strong>
      </p>
      {message && (
        <div className="alert alert--error" role="alert">
          <p>{message}</p>
        </div>
      )}
      <RadioGroupField
        label={t("projects.status.next")}
        error={statusMissing ? t("projects.status.pick") : fieldError("status")}
        options={allowed.map((value) => ({ value, label: format.label(projectStatusLabels[value]) }))}
        value={status}
        onChange={(next) => {
          setStatus(next);
          setStatusMissing(false);
        }}
      />
      <TextField
        id={FIELD_IDS.changedOn}
        type="date"
        label={t("projects.status.changedOn")}
        error={fieldError("changedOn")}
        value={changedOn}
        onChange={(event) => setChangedOn(event.target.value)}
      />
      <TextAreaField
        id={FIELD_IDS.comment}
        label={t("projects.status.comment")}
        hint={t("projects.status.commentHint")}
        error={fieldError("comment")}
        value={comment}
        rows={3}
        onChange={setComment}
      />
      <DialogActions
        pending={change.isPending}
        paused={change.isPaused}
        saveLabel={t("projects.status.save")}
        savingLabel={t("projects.status.saving")}
        cancelLabel={t("projects.status.cancel")}
        onCancel={close}
      />
    </form>
  );
}
