import { useMutation, useQuery } from "@tanstack/react-query";
import {
  type AcceptInvitationInput,
  acceptInvitationInputSchema,
  type FieldError,
  fieldErrorsFromZod,
  membershipRoleLabels,
} from "@trame/core";
import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { PasswordStrength } from "../../ui/password-strength.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { ProConnectButton, useProConnectEnabled } from "../proconnect/proconnect-button.tsx";
import "./join.css";

const FIELD_IDS = { name: "invitation-name", password: "invitation-password" } as const;

/** The link's secret travels in the fragment (`/invitation#…`), which browsers never send to a server. */
export function tokenFromHash(hash: string): string {
  return decodeURIComponent(hash.replace(/^#/, "")).trim();
}

/**
 * Where an invitation link leads: whose invitation, to which territory and role; the invitee
 * chooses their name and password (or signs in with ProConnect with the invited address) and lands
 * on their territory, signed in.
 */
export default function InvitationPage() {
  const { t } = useTranslation();
  usePageTitle(t("join.invitation.title"));
  const token = tokenFromHash(useLocation().hash);
  const errorText = useErrorText();
  const preview = useQuery({
    ...trpc.invitation.preview.queryOptions({ token }),
    enabled: token.length > 0,
    retry: false,
  });

  return (
    <div className="narrow">
      <h1>{t("join.invitation.title")}</h1>
      {!token ? (
        <div className="alert alert--error" role="alert">
          <p>{t("join.invitation.noToken")}</p>
        </div>
      ) : preview.isPending ? (
        <p role="status">{t("app.loading")}</p>
      ) : preview.isError ? (
        <>
          <div className="alert alert--error" role="alert">
            <p>{errorText(preview.error)}</p>
          </div>
          <p>
            <Link to="/connexion">{t("join.toSignIn")}</Link>
          </p>
        </>
      ) : (
        <AcceptForm token={token} invitation={preview.data} />
      )}
    </div>
  );
}

interface Invitation {
  email: string;
  territoryId: string;
  territoryName: string;
  role: keyof typeof membershipRoleLabels;
}

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const proconnect = useProConnectEnabled();
  const [values, setValues] = useState({ name: "", password: "" });
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);

  const accept = useMutation(
    trpc.invitation.accept.mutationOptions({
      async onSuccess(result) {
        await queryClient.invalidateQueries(trpc.auth.me.pathFilter());
        navigate(`/territoires/${result.territoryId}`, { replace: true });
      },
      onError(error) {
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Asynchronous: the password's strength estimate loads its dictionaries on first use.
    const input: AcceptInvitationInput = { token, ...values };
    const parsed = await acceptInvitationInputSchema.safeParseAsync(input);
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      accept.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    accept.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(accept.error));
  const summary = localErrors.length
    ? t("join.fixFields")
    : accept.error && !serverFieldErrors(accept.error).length
      ? errorText(accept.error)
      : null;

  return (
    <>
      <p className="lead">
        {t("join.invitation.lead", {
          territory: invitation.territoryName,
          role: format.label(membershipRoleLabels[invitation.role]).toLowerCase(),
        })}
      </p>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      {proconnect && (
        <>
          <p>{t("join.invitation.proconnect", { email: invitation.email })}</p>
          <ProConnectButton />
          <p className="proconnect-separator">{t("proconnect.or")}</p>
        </>
      )}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="invitation-email"
          type="email"
          label={t("join.invitation.email")}
          value={invitation.email}
          autoComplete="username"
          readOnly
        />
        <TextField
          id={FIELD_IDS.name}
          label={t("join.invitation.name")}
          hint={t("join.invitation.nameHint")}
          error={fieldError("name")}
          value={values.name}
          autoComplete="name"
          onChange={(event) => setValues({ ...values, name: event.target.value })}
        />
        <TextField
          id={FIELD_IDS.password}
          type="password"
          label={t("join.password")}
          hint={t("join.passwordHint")}
          error={fieldError("password")}
          value={values.password}
          autoComplete="new-password"
          onChange={(event) => setValues({ ...values, password: event.target.value })}
        />
        <PasswordStrength
          id="invitation-password-strength"
          password={values.password}
          userInputs={[values.name, invitation.email]}
        />
        <button type="submit" className="button" disabled={accept.isPending}>
          {accept.isPending ? t("join.invitation.submitting") : t("join.invitation.submit")}
        </button>
      </form>
    </>
  );
}
