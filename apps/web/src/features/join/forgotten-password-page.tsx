import { requestPasswordResetInputSchema } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormTextField, SchemaForm } from "../../ui/schema-form.tsx";
import { SubmitButton } from "../auth/submit-button.tsx";
import "./join.css";

/** Asks for a reset link. The page says the same thing whether or not the address has an account. */
export default function ForgottenPasswordPage() {
  const { t } = useTranslation();
  usePageTitle(t("join.forgotten.title"));
  const form = useSchemaForm({
    idPrefix: "forgotten",
    defaultValues: { email: "" },
    schema: requestPasswordResetInputSchema,
    mutation: trpc.auth.requestPasswordReset.mutationOptions(),
  });
  const request = form.send;

  return (
    <div className="narrow">
      <h1>{t("join.forgotten.title")}</h1>
      {request.isSuccess ? (
        <div className="alert join-done" role="status">
          <p>{t("join.forgotten.sent", { email: request.variables.email })}</p>
        </div>
      ) : (
        <>
          <p className="lead">{t("join.forgotten.lead")}</p>
          <SchemaForm form={form}>
            <FormTextField
              name="email"
              type="email"
              label={t("join.forgotten.email")}
              autoComplete="username"
              spellCheck={false}
            />
            <SubmitButton
              pending={request.isPending}
              label={t("join.forgotten.submit")}
              pendingLabel={t("join.forgotten.submitting")}
            />
          </SchemaForm>
        </>
      )}
      <p>
        <Link to="/connexion">{t("join.toSignIn")}</Link>
      </p>
    </div>
  );
}
