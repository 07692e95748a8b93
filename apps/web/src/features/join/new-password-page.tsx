import { resetPasswordInputSchema } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { serverFieldErrors } from "../../ui/field-errors.ts";
import { SchemaForm } from "../../ui/schema-form.tsx";
import { NewPasswordField } from "../account/new-password-field.tsx";
import { SubmitButton } from "../auth/submit-button.tsx";
import { tokenFromHash } from "./invitation-page.tsx";
import "./join.css";

/** Where a reset link leads: a new password, then every session of the account ends and the person signs in again. */
export default function NewPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("join.reset.title"));
  const token = tokenFromHash(useLocation().hash);

  return (
    <div className="narrow">
      <h1>{t("join.reset.title")}</h1>
      {token ? (
        <NewPasswordForm token={token} />
      ) : (
        <>
          <div className="alert alert--error" role="alert">
            <p>{t("join.reset.noToken")}</p>
          </div>
          <p>
            <AskAgain />
          </p>
        </>
      )}
    </div>
  );
}

function NewPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    idPrefix: "new",
    defaultValues: { password: "" },
    schema: resetPasswordInputSchema,
    toInput: (values) => ({ ...values, token }),
    mutation: trpc.auth.resetPassword.mutationOptions({
      onSuccess() {
        // This browser's session, if any, ended with the others.
        queryClient.setQueryData(trpc.auth.me.queryKey(), null);
      },
    }),
  });

  if (form.send.isSuccess) {
    return (
      <>
        <div className="alert join-done" role="status">
          <p>{t("join.reset.done")}</p>
        </div>
        <p>
          <Link to="/connexion">{t("join.toSignIn")}</Link>
        </p>
      </>
    );
  }
  // The link is the only input no field shows: refused here or by the server, it is said in these words.
  const tokenRefused =
    form.methods.formState.errors.root !== undefined ||
    serverFieldErrors(form.send.error).some((error) => error.field === "token");
  const message = tokenRefused ? t("join.reset.noToken") : form.message;
  return (
    <>
      <p className="lead">{t("join.reset.lead")}</p>
      {message && (
        <div className="alert alert--error" role="alert">
          <p>{message}</p>
          <p>
            <AskAgain />
          </p>
        </div>
      )}
      <SchemaForm form={form} message={null}>
        <NewPasswordField
          name="password"
          label={t("join.reset.password")}
          hint={t("join.passwordHint")}
          strengthId="new-password-strength"
          userInputs={[]}
        />
        <SubmitButton
          pending={form.send.isPending}
          label={t("join.reset.submit")}
          pendingLabel={t("join.reset.submitting")}
        />
      </SchemaForm>
    </>
  );
}

function AskAgain() {
  const { t } = useTranslation();
  return <Link to="/mot-de-passe-oublie">{t("join.reset.askAgain")}</Link>;
}
