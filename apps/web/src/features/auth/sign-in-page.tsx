import { useMutation } from "@tanstack/react-query";
import { type FieldError, fieldErrorsFromZod, type LoginInput, loginInputSchema } from "@trame/core";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, Navigate, useSearchParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { trameErrorOf } from "../../lib/trpc-error.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { TextField } from "../../ui/fields.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { ProConnectButton, useProConnectEnabled } from "../proconnect/proconnect-button.tsx";
import { returnPathFrom } from "./return-path.ts";
import { useSession } from "./use-session.ts";

type LoginField = keyof LoginInput;
const FIELDS: readonly LoginField[] = ["email", "password"];
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
  const format = useFormat();
  const errorText = useErrorText();
  const [values, setValues] = useState<LoginInput>({ email: "", password: "" });
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);
  const inputs = { email: useRef<HTMLInputElement>(null), password: useRef<HTMLInputElement>(null) };

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess(user) {
        // SignInPage then sees the session and redirects: one way out, however the user got signed in.
        queryClient.setQueryData(trpc.auth.me.queryKey(), user ?? null);
      },
      onError(error) {
        focusFirstInvalid(trameErrorOf(error)?.fields ?? []);
      },
    }),
  );

  const fieldErrors = localErrors.length ? localErrors : (trameErrorOf(login.error)?.fields ?? []);
  const fieldError = (field: LoginField) => {
    const found = fieldErrors.find((error) => error.field === field);
    return found && format.label(found.message);
  };

  function focusFirstInvalid(errors: readonly FieldError[]) {
    const first = FIELDS.find((field) => errors.some((error) => error.field === field));
    if (first) inputs[first].current?.focus();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The same schema as the server's, so the same messages, without a round trip for an empty field.
    const parsed = loginInputSchema.safeParse(values);
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      login.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors);
      return;
    }
    setLocalErrors([]);
    login.mutate(parsed.data);
  }

  const summary = localErrors.length ? t("auth.signIn.fixFields") : login.error ? errorText(login.error) : null;
  const proconnect = useProConnectEnabled();
  const [search] = useSearchParams();
  const proconnectError = search.get("proconnect");

  return (
    <div className="narrow">
      <h1>{t("auth.signIn.title")}</h1>
      <p className="lead">{t("auth.signIn.intro")}</p>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      {proconnectError && PROCONNECT_ERRORS.includes(proconnectError as ProConnectError) && (
        <div className="alert alert--error" role="alert">
          <p>{t(`proconnect.signInErrors.${proconnectError as ProConnectError}`)}</p>
        </div>
      )}
      {proconnect && (
        <>
          <ProConnectButton />
          <p className="proconnect-separator">{t("proconnect.or")}</p>
        </>
      )}
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          ref={inputs.email}
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="username"
          spellCheck={false}
          label={t("auth.signIn.email")}
          hint={t("auth.signIn.emailHint")}
          error={fieldError("email")}
          value={values.email}
          onChange={(event) => setValues({ ...values, email: event.target.value })}
        />
        <TextField
          ref={inputs.password}
          id="sign-in-password"
          name="password"
          type="password"
          autoComplete="current-password"
          label={t("auth.signIn.password")}
          error={fieldError("password")}
          value={values.password}
          onChange={(event) => setValues({ ...values, password: event.target.value })}
        />
        <button type="submit" className="button" disabled={login.isPending}>
          {login.isPending ? t("auth.signIn.submitting") : t("auth.signIn.submit")}
        </button>
      </form>
      <p>
        <Link to="/mot-de-passe-oublie">{t("join.forgotten.link")}</Link>
      </p>
    </div>
  );
}
