import { createUserInputSchema } from "@trame/core";
import { useTranslation } from "react-i18next";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { useSchemaForm } from "../../lib/use-schema-form.ts";
import { PasswordStrength } from "../../ui/password-strength.tsx";
import { FormTextField } from "../../ui/schema-form.tsx";
import { AdminForm, AdminFormDialog } from "./user-form-dialog.tsx";

/** Accounts are made by the instance's administrators; the person then changes the password on their account page. */
export function CreateUserDialog({ onCreated }: { onCreated: (email: string) => void }) {
  return (
    <AdminFormDialog texts="admin.createUser">
      {(close) => <CreateUserForm close={close} onCreated={onCreated} />}
    </AdminFormDialog>
  );
}

function CreateUserForm({ close, onCreated }: { close: () => void; onCreated: (email: string) => void }) {
  const { t } = useTranslation();
  const form = useSchemaForm({
    idPrefix: "new-user",
    defaultValues: { name: "", email: "", password: "", isInstanceAdmin: false },
    // Parsed asynchronously: the password's strength is judged by an estimator loaded on first use.
    schema: createUserInputSchema,
    mutation: trpc.admin.createUser.mutationOptions({
      onSuccess(created) {
        invalidate(trpc.admin.users.pathFilter());
        onCreated(created.email);
        close();
      },
    }),
  });
  const [name, email, password] = form.methods.watch(["name", "email", "password"]);
  const adminId = `${form.idPrefix}-isInstanceAdmin`;

  return (
    <AdminForm form={form} texts="admin.createUser" close={close}>
      <FormTextField name="name" label={t("admin.createUser.name")} autoComplete="off" />
      <FormTextField
        name="email"
        type="email"
        label={t("admin.createUser.email")}
        autoComplete="off"
        spellCheck={false}
      />
      <FormTextField
        name="password"
        type="password"
        label={t("admin.createUser.password")}
        hint={t("admin.createUser.passwordHint")}
        autoComplete="new-password"
      />
      <PasswordStrength id="new-user-password-strength" password={password} userInputs={[name, email]} />
      <div className="field">
        <label className="admin-checkbox" htmlFor={adminId}>
          <input
            id={adminId}
            type="checkbox"
            aria-describedby={`${adminId}-hint`}
            {...form.methods.register("isInstanceAdmin")}
          />{" "}
          {t("admin.createUser.isInstanceAdmin")}
        </label>
        <p className="field__hint" id={`${adminId}-hint`}>
          {t("admin.createUser.isInstanceAdminHint")}
        </p>
      </div>
    </AdminForm>
  );
}
