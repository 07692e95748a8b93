import { actionKindLabels, updateActionInputSchema } from "@trame/core";
import { useState } from "react";
import { Button } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { draftKey } from "../../lib/session-draft.ts";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { useVersionedEdit, type VersionedEdit } from "../../lib/use-versioned-edit.ts";
import { useVersionedSchemaForm } from "../../lib/use-versioned-schema-form.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { VersionedEditForm } from "../../ui/versioned-edit-notices.tsx";
import { ActionFields, type ActionValues, useActionLabels } from "./action-fields.tsx";
import type { JointAction, ProjectDetail } from "./project-model.ts";

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

interface ActionEditFormProps {
  project: ProjectDetail;
  action: JointAction;
  edit: VersionedEdit<ActionValues>;
  close: () => void;
}

function ActionEditForm({ project, action, edit, close }: ActionEditFormProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = useActionLabels();
  const listFilter = trpc.action.list.queryFilter({ projectId: project.id });
  const form = useVersionedSchemaForm({
    edit,
    idPrefix: "action-edit",
    schema: updateActionInputSchema,
    toInput: (patch, version) => ({ id: action.id, version, ...patch }),
    mutation: trpc.action.update.mutationOptions({
      // The action's entry moves or changes on every involved territory's timeline.
      onSuccess: () => invalidate(listFilter, trpc.timeline.pathFilter(), trpc.audit.pathFilter()),
    }),
    id: action.id,
    asStored: asStoredAction,
    toValues: actionValues,
    onStale: () => invalidate(listFilter),
    finish: close,
  });

  // Partners, and any territory the action already involves (a former partner stays checkable).
  const territories = new Map(project.partners.map((p) => [p.territory.id, p.territory.name]));
  for (const territory of action.territories) territories.set(territory.id, territory.name);

  return (
    <VersionedEditForm
      form={form}
      labels={labels}
      display={{
        occurredOn: format.date,
        kind: (kind) => format.label(actionKindLabels[kind]),
        territoryIds: (ids) => ids.map((id) => territories.get(id) ?? id).join(", "),
      }}
      texts={{
        save: t("projects.actions.editSave"),
        saving: t("projects.actions.logging"),
        cancel: t("projects.actions.cancel"),
        fixFields: t("projects.actions.fixFields"),
      }}
      actionsClassName="dialog__actions"
    >
      <ActionFields territories={[...territories].map(([id, name]) => ({ id, name }))} />
    </VersionedEditForm>
  );
}
