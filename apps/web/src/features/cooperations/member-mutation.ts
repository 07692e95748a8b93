import type { FieldError } from "@trame/core";
import { useTranslation } from "react-i18next";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { focusFirstInvalid, serverFieldErrors } from "../../ui/field-errors.ts";
import { useErrorText } from "../../ui/query-error.tsx";
import { asStoredCooperation, type CooperationDetail } from "./cooperation-model.ts";

/**
 * What the three membership dialogs do with the server's answer. Every membership write answers the
 * whole cooperation: it replaces the cached page, and the timelines and history that record the change
 * are refetched. A CONFLICT carries the stored cooperation: cached at once, so the next attempt is made
 * on the member's new version and what was chosen in the dialog stays.
 */
export function memberMutationCallbacks(
  cooperationId: string,
  fieldIds: Readonly<Record<string, string>>,
  close: () => void,
) {
  return {
    onSuccess(saved: CooperationDetail) {
      queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: saved.id }), saved);
      // The lead and member counts shown on territory pages and lists change with the members.
      void queryClient.invalidateQueries(trpc.cooperation.list.pathFilter());
      void queryClient.invalidateQueries(trpc.timeline.pathFilter());
      void queryClient.invalidateQueries(trpc.audit.pathFilter());
      close();
    },
    onError(error: unknown) {
      if (handleExpiredSession(error)) return;
      const payload = trameErrorOf(error);
      const current = payload?.code === "CONFLICT" ? asStoredCooperation(payload.current, cooperationId) : null;
      if (current) queryClient.setQueryData(trpc.cooperation.get.queryKey({ id: current.id }), current);
      focusFirstInvalid(serverFieldErrors(error), fieldIds);
    },
  };
}

/**
 * The message above a membership dialog's fields: a conflict, or a refusal that no field of the dialog
 * can show (the lead cannot leave, a network failure). Errors on the dialog's own fields show in place.
 */
export function useMemberErrorSummary(): (
  error: unknown,
  localErrors: readonly FieldError[],
  fieldIds: Readonly<Record<string, string>>,
) => string | null {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (error, localErrors, fieldIds) => {
    if (!error || localErrors.length) return null;
    if (trameErrorOf(error)?.code === "CONFLICT") return t("cooperations.members.conflict");
    const inPlace = serverFieldErrors(error).some((field) => (field.field.split(".")[0] ?? "") in fieldIds);
    return inPlace ? null : errorText(error);
  };
}
