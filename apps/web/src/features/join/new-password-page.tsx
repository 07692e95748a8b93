import { useMutation } from "@tanstack/react-query";
import { type FieldError, fieldErrorsFromZod, resetPasswordInputSchema } from "@trame/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { PasswordStrength } from "../../ui/password-strength.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { tokenFromHash } from "./invitation-page.tsx";
import "./join.css";

const FIELD_IDS = { password: "new-password" } as const;

/** Where a reset link leads: a new password, then every session of the account ends and the person signs in again. */
export default function NewPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("join.reset.title"));
  const errorText = useErrorText();
  const token = tokenFromHash(useLocation().hash);
  const [password, setPassword] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const reset = useMutation(
    trpc.auth.resetPassword.mutationOptions({
      onSuccess() {
        // This browser's session, if any, ended with the others.
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
      },
      onError(error) {
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Asynchronous: the password's strength estimate loads its dictionaries on first use.
    const parsed = await resetPasswordInputSchema.safeParseAsync({ token, password });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      reset.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    reset.mutate(parsed.data);
  }

  const errors = localErrors.length ? localErrors : serverFieldErrors(reset.error);
  const fieldError = useFieldErrorText(errors);
  const tokenError = errors.some((e) => e.field === "token") ? t("join.reset.noToken") : null;
  const summary = tokenError ?? (reset.error && !errors.length ? errorText(reset.error) : null);

  if (!token) {
    return (
      <div className="narrow">
        <h1>{t("join.reset.title")}</h1>
        <div className="alert alert--error" role="alert">
          <p>{t("join.reset.noToken")}</p>
        </div>
        <p>
          <Link to="/mot-de-passe-oublie">{t("join.reset.askAgain")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <h1>{t("join.reset.title")}</h1>
      {reset.isSuccess ? (
        <>
          <div className="alert join-done" role="status">
            <p>{t("join.reset.done")}</p>
          </div>
          <p>
            <Link to="/connexion">{t("join.toSignIn")}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t("join.reset.lead")}</p>
          {summary && (
            <div className="alert alert--error" role="alert">
              <p>{summary}</p>
              <p>
                <Link to="/mot-de-passe-oublie">{t("join.reset.askAgain")}</Link>
              </p>
            </div>
          )}
          <form className="form" onSubmit={(event) => void submit(event)} noValidate>
            <TextField
              id={FIELD_IDS.password}
              type="password"
              label={t("join.reset.password")}
              hint={t("join.passwordHint")}
              error={fieldError("password")}
              value={password}
              autoComplete="new-password"
              onChange={(event) => setPassword(event.target.value)}
            />
            <PasswordStrength id="new-password-strength" password={password} userInputs={[]} />
            <button type="submit" className="button" disabled={reset.isPending}>
              {reset.isPending ? t("join.reset.submitting") : t("join.reset.submit")}
            </button>
          </form>
        </>
      )}
    </div>
  );
}
