import { useMutation } from "@tanstack/react-query";
import { createActionInputSchema, type FieldError, fieldErrorsFromZod, todayInFrance } from "@trame/core";
import { type FormEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import {
  clearDraft,
  draftKey,
  handleExpiredSession,
  hasShapeOf,
  readDraft,
  writeDraft,
} from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { ActionFields, type ActionValues, actionFieldIds } from "./action-fields.tsx";
import type { ActionPage, JointAction, ProjectDetail } from "./project-model.ts";

const FIELD_IDS = actionFieldIds("action");

function freshValues(project: ProjectDetail): ActionValues {
  // Partners by default: an action on a joint project usually involves all of them.
  return {
    occurredOn: todayInFrance(),
    kind: "meeting",
    title: "",
    notes: "",
    territoryIds: project.partners.map((p) => p.territory.id),
  };
}

let pendingCount = 0;

/** The quick "log an action" form: the entry appears in the log at once, and on the partners' timelines. */
export function ActionForm({
  project,
  userId,
  userName,
}: {
  project: ProjectDetail;
  userId: string;
  userName: string;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const storageKey = draftKey(userId, "action", project.id);
  const [values, setValues] = useState<ActionValues>(() => {
    const draft = readDraft(storageKey);
    return hasShapeOf(draft, freshValues(project)) ? draft : freshValues(project);
  });
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [logged, setLogged] = useState<string | null>(null);
  const listFilter = trpc.action.list.queryFilter({ projectId: project.id });

  // Only what the user typed is worth keeping across a sign-in; an untouched form is not a draft.
  useEffect(() => {
    if (values.title || values.notes) writeDraft(storageKey, values);
    else clearDraft(storageKey);
  }, [storageKey, values]);

  const create = useMutation(
    trpc.action.create.mutationOptions({
      // Optimistic, because the rollback is exact: the placeholder is removed by its own id, whatever
      // else the list received meanwhile. The timelines are only refetched, never guessed.
      async onMutate(input) {
        await queryClient.cancelQueries(listFilter);
        const placeholder: JointAction = {
          id: `pending-${++pendingCount}`,
          cooperation: project.cooperation,
          project: { id: project.id, title: project.title },
          occurredOn: input.occurredOn,
          kind: input.kind,
          title: input.title,
          notes: input.notes ?? "",
          territories: project.partners
            .filter((p) => input.territoryIds?.includes(p.territory.id))
            .map((p) => ({ id: p.territory.id, name: p.territory.name })),
          createdBy: { id: userId, name: userName },
          documents: [],
          version: 1,
          createdAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        };
        queryClient.setQueriesData<ActionPage>(listFilter, (page) =>
          page
            ? {
                items: [placeholder, ...page.items].sort((a, b) => b.occurredOn.localeCompare(a.occurredOn)),
                total: page.total + 1,
              }
            : page,
        );
        return { placeholderId: placeholder.id };
      },
      onError(error, _input, context) {
        if (context) {
          queryClient.setQueriesData<ActionPage>(listFilter, (page) =>
            page ? { items: page.items.filter((a) => a.id !== context.placeholderId), total: page.total - 1 } : page,
          );
        }
        if (handleExpiredSession(error)) return;
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
      onSuccess(action) {
        setLogged(action.title);
        setValues({ ...freshValues(project), territoryIds: values.territoryIds });
        // Ready for the next entry, where the user was working (the status line announces the saved one).
        document.getElementById(FIELD_IDS.title)?.focus();
      },
      onSettled() {
        void queryClient.invalidateQueries(listFilter);
        void queryClient.invalidateQueries(trpc.timeline.pathFilter());
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    setLogged(null);
    const parsed = createActionInputSchema.safeParse({ projectId: project.id, ...values });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      create.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    create.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(create.error));
  const set = <K extends keyof ActionValues>(key: K, value: ActionValues[K]) => setValues({ ...values, [key]: value });

  return (
    <form className="form quick-form" onSubmit={submit} noValidate aria-labelledby="action-form-title">
      <h3 id="action-form-title">{t("projects.actions.formTitle")}</h3>
      {create.error && !localErrors.length && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(create.error)}</p>
        </div>
      )}
      <ActionFields
        ids={FIELD_IDS}
        values={values}
        onChange={set}
        fieldError={fieldError}
        territories={project.partners.map((p) => p.territory)}
      />
      <OfflineNotice paused={create.isPaused} />
      <div className="form__actions">
        {/* aria-disabled, not disabled: a disabled button drops focus to the top of the page. */}
        <button type="submit" className="button" aria-disabled={create.isPending}>
          {create.isPending ? t("projects.actions.logging") : t("projects.actions.log")}
        </button>
        <p role="status" className="quick-form__status">
          {logged && t("projects.actions.logged", { title: logged })}
        </p>
      </div>
    </form>
  );
}
