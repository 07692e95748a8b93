import { skipToken, type UseMutationOptions, useQuery } from "@tanstack/react-query";
import type { AuditedEntity } from "@trame/core";
import { type BaseSyntheticEvent, useEffect } from "react";
import { type FieldValues, useWatch } from "react-hook-form";
import { trpc } from "./trpc.ts";
import { trameErrorOf } from "./trpc-error.ts";
import { type InputSchema, useSchemaForm } from "./use-schema-form.ts";
import type { VersionedEdit } from "./use-versioned-edit.ts";

interface VersionedSchemaFormOptions<V extends FieldValues, S, TData, TError, TVariables, TContext> {
  edit: VersionedEdit<V>;
  /** Each field's id is `${idPrefix}-${name}`, as in every schema form. */
  idPrefix: string;
  /** The update procedure's input schema: it checks the changed fields, with the id and version. */
  schema: InputSchema<TVariables>;
  /** The changed fields as the procedure's input, with the entity's id and the version they were read at. */
  toInput: (patch: Partial<V>, version: number) => unknown;
  /** The update procedure's options with its onSuccess (the edit then finishes); conflicts are handled here. */
  mutation: UseMutationOptions<TData, TError, TVariables, TContext>;
  id: string;
  /** The entity's kind in the history, when it has one: the conflict then says who saved in between. */
  history?: AuditedEntity;
  /** A CONFLICT's `current` is the stored entity as the server read it: checked to be this one before it is trusted. */
  asStored: (current: unknown, id: string) => (S & { version: number }) | null;
  toValues: (stored: S) => V;
  /** Brings the caches to the colleague's version before the conflict is shown. */
  onStale: (stored: S) => void;
  /** Ends the edit (saved, cancelled, or nothing to send); defaults to `edit.finish`. */
  finish?: () => void;
}

/**
 * A schema form over a `useVersionedEdit`: react-hook-form holds the input and the core's schema checks
 * the changed fields, like every other form; this adds the version. The input is kept as a draft while
 * typed, only the changed fields are sent, and a stale version hands the colleague's values to the
 * conflict panel instead of an error, until the user reapplies their changes or drops them.
 */
export function useVersionedSchemaForm<V extends FieldValues, S, TData, TError, TVariables, TContext>(
  options: VersionedSchemaFormOptions<V, S, TData, TError, TVariables, TContext>,
) {
  const { edit, mutation, id, asStored, toValues, onStale, finish = edit.finish } = options;
  const form = useSchemaForm({
    idPrefix: options.idPrefix,
    defaultValues: edit.values,
    schema: options.schema,
    // Submitting reads the edit's version at that moment: a reapply resends on the colleague's version.
    toInput: (values) => {
      const next = edit.pending(values) ?? { patch: {}, version: edit.version ?? 0 };
      return options.toInput(next.patch, next.version);
    },
    mutation: {
      ...mutation,
      onSuccess(...args) {
        mutation.onSuccess?.(...args);
        finish();
      },
      onError(error, ...rest) {
        const payload = trameErrorOf(error);
        const current = payload?.code === "CONFLICT" ? asStored(payload.current, id) : null;
        if (current) {
          onStale(current);
          edit.onConflict(toValues(current), current.version);
        }
        mutation.onError?.(error, ...rest);
      },
    },
  });
  const { methods, send } = form;
  const { track } = edit;
  // My side of a conflict's comparison is the input as it is now.
  const values = useWatch({ control: methods.control }) as V;

  useEffect(() => {
    const { unsubscribe } = methods.watch(() => track(methods.getValues()));
    return unsubscribe;
  }, [methods, track]);

  /** Nothing changed: nothing to send, the edit just ends. */
  function submit(event?: BaseSyntheticEvent) {
    if (edit.pending(methods.getValues())) return form.submit(event);
    event?.preventDefault();
    finish();
    return Promise.resolve();
  }

  const conflictCode = trameErrorOf(send.error)?.code === "CONFLICT";
  const { history } = options;
  const latest = useQuery(
    trpc.audit.history.queryOptions(
      history && edit.theirs ? { entityType: history, entityId: id, limit: 1 } : skipToken,
    ),
  ).data?.[0];

  return {
    ...form,
    submit,
    edit,
    values,
    /** The schema refused fields before any request: the form says so above them. */
    invalid: !send.error && Object.keys(methods.formState.errors).length > 0,
    /** The conflict panel says it in its own words. */
    message: conflictCode ? null : form.message,
    /** Who saved in between, from the newest line of the entity's history, fetched once in conflict. */
    latest,
    /** Resend my changes on top of the colleague's version, as chosen field by field. */
    reapply() {
      methods.reset(edit.reapply(methods.getValues()));
      void submit();
    },
    /** Drop my changes after a conflict. */
    discard() {
      send.reset();
      finish();
    },
    cancel: finish,
  };
}

/** What a view of the form needs: the procedure's own types stay inside. */
export type VersionedSchemaForm<V extends FieldValues> = Omit<
  ReturnType<typeof useVersionedSchemaForm<V, unknown, unknown, unknown, unknown, unknown>>,
  "methods" | "send"
> & { methods: unknown };
