import { actionKindLabels, updateActionInputSchema } from "@trame/core";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { draftKey } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { useVersionedEdit } from "../../lib/use-versioned-edit.ts";
import { useVersionedSave } from "../../lib/use-versioned-save.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { useErrorText } from "../../ui/query-error.tsx";
import { VersionedEditNotices } from "../../ui/versioned-edit-notices.tsx";
import { ActionFields, type ActionValues, actionFieldIds } from "./action-fields.tsx";
import type { JointAction, ProjectDetail } from "./project-model.ts";

const FIELD_IDS = actionFieldIds("action-edit");

const EMPTY_VALUES: ActionValues = { occurredOn: "", kind: "meeting", title: "", notes: "", territoryIds: [] };

function actionValues(action: JointAction): ActionValues {
  return {
    occurredOn: action.occurredOn,
    kind: action.kind,
    title: action.title,
    notes: action.notes,
    territoryIds: action.territories.map((territory) => territory.id),
  };
}

/** A conflict's `current` is the stored action as the server read it; checked before the form trusts it. */
function asStoredAction(current: unknown, id: string): JointAction | null {
  if (typeof current !== "object" || current === null) return null;
  const candidate = current as Partial<JointAction>;
  return candidate.id === id && typeof candidate.version === "number" ? (current as JointAction) : null;
}

type Edit = ReturnType<typeof useVersionedEdit<ActionValues>>;

/** "Modifier": the action form again, in a dialog, on the action's current values and version. */
export function ActionEditDialog({
  project,
  action,
  userId,
}: {
  project: ProjectDetail;
  action: JointAction;
  userId: string;
}) {
  const { t } = useTranslation();
  const edit = useVersionedEdit(draftKey(userId, "action-edit", action.id), EMPTY_VALUES);
  // A draft restored after a sign-in reopens its dialog, with what was typed.
  const [open, setOpen] = useState(edit.editing);
  const close = () => {
    edit.finish();
    setOpen(false);
  };

  return (
    <>
      <Button
        className="button button--link button--small"
        aria-label={t("projects.actions.editNamed", { title: action.title })}
        onPress={() => {
          edit.start(actionValues(action), action.version);
          setOpen(true);
        }}
      >
        {t("projects.actions.edit")}
      </Button>
      <ModalDialog
        title={t("projects.actions.editTitle")}
        isOpen={open && edit.editing}
        onOpenChange={(isOpen) => {
          if (!isOpen) close();
        }}
        isDismissable={false}
      >
        <ActionEditForm project={project} action={action} edit={edit} close={close} />
      </ModalDialog>
    </>
  );
}

function ActionEditForm({
  project,
  action,
  edit,
  close,
}: {
  project: ProjectDetail;
  action: JointAction;
  edit: Edit;
  close: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const { values } = edit;
  const listFilter = trpc.action.list.queryFilter({ projectId: project.id });

  const { update, localErrors, fieldErrors, submit, reapply, discard } = useVersionedSave({
    edit,
    mutation: trpc.action.update.mutationOptions({
      onSuccess() {
        void queryClient.invalidateQueries(listFilter);
        // The action's entry moves or changes on every involved territory's timeline.
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
        void queryClient.invalidateQueries(trpc.audit.pathFilter());
        close();
      },
    }),
    parse: (next) => updateActionInputSchema.safeParse({ id: action.id, version: next.version, ...next.patch }),
    fieldIds: FIELD_IDS,
    id: action.id,
    asStored: asStoredAction,
    toValues: actionValues,
    onStale() {
      void queryClient.invalidateQueries(listFilter);
    },
    finish: close,
  });

  // Partners, and any territory the action already involves (a former partner stays checkable).
  const territories = new Map(project.partners.map((p) => [p.territory.id, p.territory.name]));
  for (const territory of action.territories) territories.set(territory.id, territory.name);

  const labels: Record<keyof ActionValues, string> = {
    occurredOn: t("projects.actions.date"),
    kind: t("projects.actions.kind"),
    title: t("projects.actions.title"),
    notes: t("projects.actions.notes"),
    territoryIds: t("projects.actions.territories"),
  };
  function display(key: keyof ActionValues, version: ActionValues): string {
    const empty = "—";
    switch (key) {
      case "occurredOn":
        return version.occurredOn ? format.date(version.occurredOn) : empty;
      case "kind":
        return format.label(actionKindLabels[version.kind]);
      case "territoryIds":
        return version.territoryIds.map((id) => territories.get(id) ?? id).join(", ") || empty;
      default:
        return version[key] || empty;
    }
  }

  const fieldError = useFieldErrorText(fieldErrors);
  const isConflict = trameErrorOf(update.error)?.code === "CONFLICT";
  const summary = localErrors.length
    ? t("projects.actions.fixFields")
    : update.error && !isConflict && !serverFieldErrors(update.error).length
      ? errorText(update.error)
      : null;

  return (
    <form className="form" onSubmit={submit} noValidate>
      <VersionedEditNotices
        edit={edit}
        values={values}
        labels={labels}
        display={display}
        pending={update.isPending}
        onReapply={reapply}
        onDiscard={discard}
        summary={summary}
      />
      <ActionFields
        ids={FIELD_IDS}
        values={values}
        onChange={edit.set}
        fieldError={fieldError}
        territories={[...territories].map(([id, name]) => ({ id, name }))}
      />
      <DialogActions
        pending={update.isPending}
        paused={update.isPaused}
        saveLabel={t("projects.actions.editSave")}
        savingLabel={t("projects.actions.logging")}
        cancelLabel={t("projects.actions.cancel")}
        onCancel={close}
      />
    </form>
  );
}
