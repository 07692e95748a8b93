import { useMutation } from "@tanstack/react-query";
import { changePasswordInputSchema, type FieldError, fieldErrorsFromZod } from "@trame/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { trpc } from "../../lib/trpc.ts";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { PasswordStrength } from "../../ui/password-strength.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { useSession } from "../auth/use-session.ts";

const FIELD_IDS = {
  currentPassword: "account-current-password",
  newPassword: "account-new-password",
  confirmation: "account-confirm-password",
} as const;

const EMPTY = { currentPassword: "", newPassword: "", confirmation: "" };

/** `onChanged`: after the server accepted the new password (the forced change lets the person go on). */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void } = {}) {
  const { t } = useTranslation();
  const user = useSession().data;
  const errorText = useErrorText();
  const [values, setValues] = useState(EMPTY);
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const [mismatch, setMismatch] = useState(false);

  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess() {
        setValues(EMPTY);
        onChanged?.();
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The same schema as the server's: the same rules and messages, without a round trip
    // (asynchronous: the strength estimate's dictionaries load on first use).
    const parsed = await changePasswordInputSchema.safeParseAsync(values);
    const errors = parsed.success ? [] : fieldErrorsFromZod(parsed.error);
    const differs = values.confirmation !== values.newPassword;
    if (!parsed.success || differs) {
      change.reset();
      setLocalErrors(errors);
      setMismatch(differs);
      if (errors.length) focusFirstInvalid(errors, FIELD_IDS);
      else document.getElementById(FIELD_IDS.confirmation)?.focus();
      return;
    }
    setLocalErrors([]);
    setMismatch(false);
    change.mutate(parsed.data);
  }

  const hasLocalErrors = localErrors.length > 0 || mismatch;
  const fieldError = useFieldErrorText(hasLocalErrors ? localErrors : serverFieldErrors(change.error));
  const summary = hasLocalErrors
    ? t("account.password.fixFields")
    : change.error && serverFieldErrors(change.error).length === 0
      ? errorText(change.error)
      : null;

  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t("account.password.title")}</h2>
      <p>{t("account.password.intro")}</p>
      <div role="status">
        {change.isSuccess && (
          <div className="alert">
            <p>{t("account.password.changed")}</p>
          </div>
        )}
      </div>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id={FIELD_IDS.currentPassword}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t("account.password.current")}
          error={fieldError("currentPassword")}
          value={values.currentPassword}
          onChange={(event) => setValues({ ...values, currentPassword: event.target.value })}
        />
        <TextField
          id={FIELD_IDS.newPassword}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t("account.password.new")}
          hint={t("account.password.rules")}
          error={fieldError("newPassword")}
          value={values.newPassword}
          onChange={(event) => setValues({ ...values, newPassword: event.target.value })}
        />
        <PasswordStrength
          id="account-new-password-strength"
          password={values.newPassword}
          userInputs={user ? [user.name, user.email] : []}
        />
        <TextField
          id={FIELD_IDS.confirmation}
          name="confirmation"
          type="password"
          autoComplete="new-password"
          label={t("account.password.confirm")}
          error={mismatch ? t("account.password.mismatch") : undefined}
          value={values.confirmation}
          onChange={(event) => setValues({ ...values, confirmation: event.target.value })}
        />
        <OfflineNotice paused={change.isPaused} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={change.isPending}>
            {change.isPending ? t("account.password.saving") : t("account.password.save")}
          </button>
        </div>
      </form>
    </section>
  );
}
