import { useMutation } from "@tanstack/react-query";
import { type FieldError, fieldErrorsFromZod, requestPasswordResetInputSchema } from "@trame/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import "./join.css";

const FIELD_IDS = { email: "forgotten-email" } as const;

/** Asks for a reset link. The page says the same thing whether or not the address has an account. */
export default function ForgottenPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("join.forgotten.title"));
  const errorText = useErrorText();
  const [email, setEmail] = useState("");
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const request = useMutation(
    trpc.auth.requestPasswordReset.mutationOptions({
      onError(error) {
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = requestPasswordResetInputSchema.safeParse({ email });
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      request.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    request.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(request.error));
  const summary = request.error && !serverFieldErrors(request.error).length ? errorText(request.error) : null;

  return (
    <div className="narrow">
      <h1>{t("join.forgotten.title")}</h1>
      {request.isSuccess ? (
        <div className="alert join-done" role="status">
          <p>{t("join.forgotten.sent", { email: request.variables?.email ?? email })}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t("join.forgotten.lead")}</p>
          {summary && (
            <div className="alert alert--error" role="alert">
              <p>{summary}</p>
            </div>
          )}
          <form className="form" onSubmit={submit} noValidate>
            <TextField
              id={FIELD_IDS.email}
              type="email"
              label={t("join.forgotten.email")}
              error={fieldError("email")}
              value={email}
              autoComplete="username"
              spellCheck={false}
              onChange={(event) => setEmail(event.target.value)}
            />
            <button type="submit" className="button" disabled={request.isPending}>
              {request.isPending ? t("join.forgotten.submitting") : t("join.forgotten.submit")}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/connexion">{t("join.toSignIn")}</Link>
      </p>
    </div>
  );
}
