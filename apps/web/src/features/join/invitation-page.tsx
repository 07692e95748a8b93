import { useQuery } from "@tanstack/react-query";
import { acceptInvitationInputSchema, membershipRoleLabels } from "@trame/core";
import { useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { TextField } from "../../ui/fields.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { FormTextField, SchemaForm } from "../../ui/schema-form.tsx";
import { NewPasswordField } from "../account/new-password-field.tsx";
import { formMessage } from "../auth/form-message.ts";
import { ProConnectChoice } from "../auth/proconnect-choice.tsx";
import { SubmitButton } from "../auth/submit-button.tsx";
import "./join.css";

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
  const navigate = useNavigate();
  const form = useSchemaForm({
    idPrefix: "invitation",
    defaultValues: { name: "", password: "" },
    schema: acceptInvitationInputSchema,
    toInput: (values) => ({ ...values, token }),
    mutation: trpc.invitation.accept.mutationOptions({
      async onSuccess(result) {
        await queryClient.invalidateQueries(trpc.auth.me.pathFilter());
        navigate(`/territoires/${result.territoryId}`, { replace: true });
      },
    }),
  });
  const name = useWatch({ control: form.methods.control, name: "name" });

  return (
    <>
      <p className="lead">
        {t("join.invitation.lead", {
          territory: invitation.territoryName,
          role: format.label(membershipRoleLabels[invitation.role]).toLowerCase(),
        })}
      </p>
      <ProConnectChoice>
        <p>{t("join.invitation.proconnect", { email: invitation.email })}</p>
      </ProConnectChoice>
      <SchemaForm form={form} message={formMessage(form, t("join.fixFields"))}>
        <TextField
          id="invitation-email"
          type="email"
          label={t("join.invitation.email")}
          value={invitation.email}
          autoComplete="username"
          readOnly
        />
        <FormTextField
          name="name"
          label={t("join.invitation.name")}
          hint={t("join.invitation.nameHint")}
          autoComplete="name"
        />
        <NewPasswordField
          name="password"
          label={t("join.password")}
          hint={t("join.passwordHint")}
          strengthId="invitation-password-strength"
          userInputs={[name, invitation.email]}
        />
        <SubmitButton
          pending={form.send.isPending}
          label={t("join.invitation.submit")}
          pendingLabel={t("join.invitation.submitting")}
        />
      </SchemaForm>
    </>
  );
}
