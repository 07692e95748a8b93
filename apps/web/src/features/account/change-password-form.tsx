import { changePasswordInputSchema } from "@trame/core";
import { useTranslation } from "react-i18next";
import { trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { OfflineNotice } from "../../ui/offline-notice.tsx";
import { FormTextField, SchemaForm } from "../../ui/schema-form.tsx";
import { formMessage } from "../auth/form-message.ts";
import { SubmitButton } from "../auth/submit-button.tsx";
import { useSession } from "../auth/use-session.ts";
import { NewPasswordField } from "./new-password-field.tsx";

/** `onChanged`: after the server accepted the new password (the forced change lets the person go on). */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void } = {}) {
  const { t } = useTranslation();
  const user = useSession().data;
  const form = useSchemaForm({
    idPrefix: "account",
    defaultValues: { currentPassword: "", newPassword: "", confirmation: "" },
    schema: changePasswordInputSchema,
    check: (values) =>
      values.confirmation === values.newPassword ? {} : { confirmation: t("account.password.mismatch") },
    mutation: trpc.auth.changePassword.mutationOptions({
      onSuccess() {
        form.methods.reset();
        onChanged?.();
      },
    }),
  });

  return (
    <section className="panel" aria-labelledby="account-password">
      <h2 id="account-password">{t("account.password.title")}</h2>
      <p>{t("account.password.intro")}</p>
      <div role="status">
        {form.send.isSuccess && (
          <div className="alert">
            <p>{t("account.password.changed")}</p>
          </div>
        )}
      </div>
      <SchemaForm form={form} message={formMessage(form, t("account.password.fixFields"))}>
        <FormTextField
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t("account.password.current")}
        />
        <NewPasswordField
          name="newPassword"
          label={t("account.password.new")}
          hint={t("account.password.rules")}
          strengthId="account-new-password-strength"
          userInputs={user ? [user.name, user.email] : []}
        />
        <FormTextField
          name="confirmation"
          type="password"
          autoComplete="new-password"
          label={t("account.password.confirm")}
        />
        <OfflineNotice paused={form.send.isPaused} />
        <div className="form__actions">
          <SubmitButton
            pending={form.send.isPending}
            label={t("account.password.save")}
            pendingLabel={t("account.password.saving")}
          />
        </div>
      </SchemaForm>
    </section>
  );
}
