import { loginInputSchema } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { FormTextField, SchemaForm } from "../../ui/schema-form.tsx";
import { formMessage } from "./form-message.ts";
import { ProConnectChoice } from "./proconnect-choice.tsx";
import { returnPathFrom } from "./return-path.ts";
import { SubmitButton } from "./submit-button.tsx";
import { useSession } from "./use-session.ts";

/** Where the server's ProConnect callback sends a failed attempt: `/connexion?proconnect=…`. */
const PROCONNECT_ERRORS = ["erreur", "expire", "indisponible"] as const;
type ProConnectError = (typeof PROCONNECT_ERRORS)[number];

export default function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t("auth.signIn.title"));
  const session = useSession();
  const [search] = useSearchParams();
  const returnTo = returnPathFrom(search);

  // Signed in, just now or earlier (back button, second tab): go where the user was heading.
  if (session.data) return <Navigate to={returnTo} replace />;
  return <SignInForm />;
}

function SignInForm() {
  const { t } = useTranslation();
  const form = useSchemaForm({
    idPrefix: "sign-in",
    defaultValues: { email: "", password: "" },
    // The same schema as the server's, so the same messages, without a round trip for an empty field.
    schema: loginInputSchema,
    mutation: trpc.auth.login.mutationOptions({
      onSuccess(user) {
        // SignInPage then sees the session and redirects: one way out, however the user got signed in.
        queryClient.setQueryData(trpc.auth.me.queryKey(), user ?? null);
      },
    }),
  });
  const [search] = useSearchParams();
  const proconnectError = search.get("proconnect");

  return (
    <div className="narrow">
      <h1>{t("auth.signIn.title")}</h1>
      <p className="lead">{t("auth.signIn.intro")}</p>
      {proconnectError && PROCONNECT_ERRORS.includes(proconnectError as ProConnectError) && (
        <div className="alert alert--error" role="alert">
          <p>{t(`proconnect.signInErrors.${proconnectError as ProConnectError}`)}</p>
        </div>
      )}
      <ProConnectChoice />
      <SchemaForm form={form} message={formMessage(form, t("auth.signIn.fixFields"))}>
        <FormTextField
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          label={t("auth.signIn.email")}
          hint={t("auth.signIn.emailHint")}
        />
        <FormTextField
          name="password"
          type="password"
          autoComplete="current-password"
          label={t("auth.signIn.password")}
        />
        <SubmitButton
          pending={form.send.isPending}
          label={t("auth.signIn.submit")}
          pendingLabel={t("auth.signIn.submitting")}
        />
      </SchemaForm>
      <p>
        <Link to="/mot-de-passe-oublie">{t("join.forgotten.link")}</Link>
      </p>
    </div>
  );
}
