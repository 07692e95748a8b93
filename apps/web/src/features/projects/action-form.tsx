import { createActionInputSchema, todayInFrance } from "@trame/core";
import { type BaseSyntheticEvent, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { clearDraft, draftKey, hasShapeOf, readDraft, writeDraft } from "../../lib/session-draft.ts";
import { invalidate, queryClient, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { SchemaForm } from "../../ui/schema-form.tsx";
import { ActionFields, type ActionValues } from "./action-fields.tsx";
import type { ActionPage, JointAction, ProjectDetail } from "./project-model.ts";

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
  const storageKey = draftKey(userId, "action", project.id);
  const [initial] = useState<ActionValues>(() => {
    const draft = readDraft(storageKey);
    return hasShapeOf(draft, freshValues(project)) ? draft : freshValues(project);
  });
  const [logged, setLogged] = useState<string | null>(null);
  const listFilter = trpc.action.list.queryFilter({ projectId: project.id });

  const form = useSchemaForm({
    idPrefix: "action",
    defaultValues: initial,
    schema: createActionInputSchema,
    toInput: (values) => ({ projectId: project.id, ...values }),
    mutation: trpc.action.create.mutationOptions({
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
      onSuccess(action) {
        setLogged(action.title);
        form.methods.reset({ ...freshValues(project), territoryIds: form.methods.getValues("territoryIds") });
        // Ready for the next entry, where the user was working (the status line announces the saved one).
        document.getElementById("action-title")?.focus();
      },
      // Here rather than in onError, which an expired session stops before it: the placeholder goes either way.
      onSettled(_action, error, _input, placeholder) {
        if (error && placeholder) {
          queryClient.setQueriesData<ActionPage>(listFilter, (page) =>
            page
              ? { items: page.items.filter((a) => a.id !== placeholder.placeholderId), total: page.total - 1 }
              : page,
          );
        }
        invalidate(listFilter, trpc.timeline.pathFilter());
      },
    }),
  });
  const { methods } = form;

  // Only what the user typed is worth keeping across a sign-in; an untouched form is not a draft.
  useEffect(() => {
    const { unsubscribe } = methods.watch(({ title, notes }) => {
      if (title || notes) writeDraft(storageKey, methods.getValues());
      else clearDraft(storageKey);
    });
    return unsubscribe;
  }, [methods, storageKey]);

  async function submit(event?: BaseSyntheticEvent) {
    event?.preventDefault();
    if (form.send.isPending) return;
    setLogged(null);
    await form.submit(event);
  }

  return (
    // The message goes under the heading here, not above it: message={null} and it is placed below.
    <SchemaForm
      form={{ ...form, submit }}
      message={null}
      className="form quick-form"
      aria-labelledby="action-form-title"
    >
      <h3 id="action-form-title">{t("projects.actions.formTitle")}</h3>
      {form.message && (
        <div className="alert alert--error" role="alert">
          <p>{form.message}</p>
        </div>
      )}
      <ActionFields territories={project.partners.map((p) => p.territory)} />
      <OfflineNotice paused={form.actions.paused} />
      <div className="form__actions">
        {/* aria-disabled, not disabled: a disabled button drops focus to the top of the page. */}
        <button type="submit" className="button" aria-disabled={form.send.isPending}>
          {form.send.isPending ? t("projects.actions.logging") : t("projects.actions.log")}
        </button>
        <p role="status" className="quick-form__status">
          {logged && t("projects.actions.logged", { title: logged })}
        </p>
      </div>
    </SchemaForm>
  );
}
