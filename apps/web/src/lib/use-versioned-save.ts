import { type UseMutationOptions, useMutation, useQuery } from "@tanstack/react-query";
import { type AuditedEntity, type FieldError, fieldErrorsFromZod } from "@trame/core";
import { type FormEvent, useState } from "react";
import { focusFirstInvalid, serverFieldErrors } from "../ui/field-errors.ts";
import { handleExpiredSession } from "./session-draft.ts";
import { trpc } from "./trpc.ts";
import { trameErrorOf } from "./trpc-error.ts";
import type { useVersionedEdit } from "./use-versioned-edit.ts";

type Pending<V> = { patch: Partial<V>; version: number };

/** What a zod schema's safeParse returns, without the web app depending on zod itself. */
type ParseResult<T> = { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrorsFromZod>[0] };

interface VersionedSaveOptions<V extends object, S extends { version: number }, TData, TError, TVariables, TContext> {
  edit: ReturnType<typeof useVersionedEdit<V>>;
  /** The update procedure's options with its onSuccess; the save owns onError. */
  mutation: UseMutationOptions<TData, TError, TVariables, TContext>;
  /**
   * The server's schema over id, version and the patch, so the same rules and messages apply before any
   * request is made. NoInfer: the schema's output only has to fit the procedure's input, not define it.
   */
  parse: (next: Pending<V>) => ParseResult<NoInfer<TVariables>>;
  /** Field ids in form order, to focus the first invalid one. */
  fieldIds: Readonly<Record<string, string>>;
  id: string;
  /** A CONFLICT's `current` is the stored entity as the server read it: checked to be this one before it is trusted. */
  asStored: (current: unknown, id: string) => S | null;
  toValues: (stored: S) => V;
  /** Brings the caches to the colleague's version before the conflict is shown. */
  onStale: (stored: S) => void;
  /** Ends the edit when there is nothing to send; defaults to `edit.finish`. */
  finish?: () => void;
}

/**
 * Saving a `useVersionedEdit`: validate the changed fields locally, send them with their version, and on
 * a stale version hand the colleague's values to the edit instead of an error. Field errors, local or
 * from the server, move the focus to the first invalid field.
 */
export function useVersionedSave<V extends object, S extends { version: number }, TData, TError, TVariables, TContext>(
  options: VersionedSaveOptions<V, S, TData, TError, TVariables, TContext>,
) {
  const { edit, mutation, parse, fieldIds, id, asStored, toValues, onStale, finish = edit.finish } = options;
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);

  const update = useMutation({
    ...mutation,
    onError(error) {
      if (handleExpiredSession(error)) return;
      const payload = trameErrorOf(error);
      const current = payload?.code === "CONFLICT" ? asStored(payload.current, id) : null;
      if (current) {
        onStale(current);
        edit.onConflict(toValues(current), current.version);
        return;
      }
      focusFirstInvalid(serverFieldErrors(error), fieldIds);
    },
  });

  function send(next: Pending<V> | null) {
    if (!next) {
      finish();
      return;
    }
    const parsed = parse(next);
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      update.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, fieldIds);
      return;
    }
    setLocalErrors([]);
    update.mutate(parsed.data);
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send(edit.pending());
  }

  return {
    update,
    localErrors,
    fieldErrors: localErrors.length ? localErrors : serverFieldErrors(update.error),
    send,
    submit,
    /** Resend my changes on top of the colleague's version. */
    reapply: () => send(edit.reapply()),
    /** Drop my changes after a conflict. */
    discard: () => {
      update.reset();
      finish();
    },
  };
}

/** Who saved in between, for the conflict panel: the newest line of the entity's history, fetched once in conflict. */
export function useLastChange(entityType: AuditedEntity, entityId: string, enabled: boolean) {
  const lastChange = useQuery({
    ...trpc.audit.history.queryOptions({ entityType, entityId, limit: 1 }),
    enabled,
  });
  return lastChange.data?.[0];
}
