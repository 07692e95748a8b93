import { useMutation } from "@tanstack/react-query";
import { type CreateUserInput, createUserInputSchema, type FieldError, fieldErrorsFromZod } from "@trame/core";
import { type FormEvent, useState } from "react";
import { Button, DialogTrigger } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { ModalDialog } from "../../ui/dialog.tsx";
import { DialogActions } from "../../ui/dialog-actions.tsx";
import { focusFirstInvalid, serverFieldErrors, useFieldErrorText } from "../../ui/field-errors.ts";
import { TextField } from "../../ui/fields.tsx";
import { PasswordStrength } from "../../ui/password-strength.tsx";
import { useErrorText } from "../../ui/query-error.tsx";

const FIELD_IDS = {
  name: "new-user-name",
  email: "new-user-email",
  password: "new-user-password",
  isInstanceAdmin: "new-user-instance-admin",
} as const;

/** Accounts are made by the instance's administrators; the person then changes the password on their account page. */
export function CreateUserDialog({ onCreated }: { onCreated: (email: string) => void }) {
  const { t } = useTranslation();
  return (
    <DialogTrigger>
      <Button className="button">{t("admin.createUser.open")}</Button>
      <ModalDialog title={t("admin.createUser.title")} isDismissable={false}>
        {(close) => (
          <CreateUserForm
            close={close}
            onCreated={(email) => {
              onCreated(email);
              close();
            }}
          />
        )}
      </ModalDialog>
    </DialogTrigger>
  );
}

function CreateUserForm({ close, onCreated }: { close: () => void; onCreated: (email: string) => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [values, setValues] = useState<CreateUserInput>({ name: "", email: "", password: "", isInstanceAdmin: false });
  const [localErrors, setLocalErrors] = useState<FieldError[]>([]);

  const create = useMutation(
    trpc.admin.createUser.mutationOptions({
      onSuccess(created) {
        void queryClient.invalidateQueries(trpc.admin.users.pathFilter());
        onCreated(created.email);
      },
      onError(error) {
        if (handleExpiredSession(error)) return;
        focusFirstInvalid(serverFieldErrors(error), FIELD_IDS);
      },
    }),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Asynchronous: the password's strength estimate loads its dictionaries on first use.
    const parsed = await createUserInputSchema.safeParseAsync(values);
    if (!parsed.success) {
      const errors = fieldErrorsFromZod(parsed.error);
      create.reset();
      setLocalErrors(errors);
      focusFirstInvalid(errors, FIELD_IDS);
      return;
    }
    setLocalErrors([]);
    create.mutate(parsed.data);
  }

  const fieldError = useFieldErrorText(localErrors.length ? localErrors : serverFieldErrors(create.error));
  const summary =
    create.error && !localErrors.length && !serverFieldErrors(create.error).length ? errorText(create.error) : null;

  return (
    <form className="form" onSubmit={(event) => void submit(event)} noValidate>
      {summary && (
        <div className="alert alert--error" role="alert">
          <p>{summary}</p>
        </div>
      )}
      <TextField
        id={FIELD_IDS.name}
        label={t("admin.createUser.name")}
        error={fieldError("name")}
        value={values.name}
        autoComplete="off"
        onChange={(event) => setValues({ ...values, name: event.target.value })}
      />
      <TextField
        id={FIELD_IDS.email}
        type="email"
        label={t("admin.createUser.email")}
        error={fieldError("email")}
        value={values.email}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setValues({ ...values, email: event.target.value })}
      />
      <TextField
        id={FIELD_IDS.password}
        type="password"
        label={t("admin.createUser.password")}
        hint={t("admin.createUser.passwordHint")}
        error={fieldError("password")}
        value={values.password}
        autoComplete="new-password"
        onChange={(event) => setValues({ ...values, password: event.target.value })}
      />
      <PasswordStrength
        id="new-user-password-strength"
        password={values.password}
        userInputs={[values.name, values.email]}
      />
      <div className="field">
        <label className="admin-checkbox" htmlFor={FIELD_IDS.isInstanceAdmin}>
          <input
            id={FIELD_IDS.isInstanceAdmin}
            type="checkbox"
            checked={values.isInstanceAdmin}
            aria-describedby={`${FIELD_IDS.isInstanceAdmin}-hint`}
            onChange={(event) => setValues({ ...values, isInstanceAdmin: event.target.checked })}
          />{" "}
          {t("admin.createUser.isInstanceAdmin")}
        </label>
        <p className="field__hint" id={`${FIELD_IDS.isInstanceAdmin}-hint`}>
          {t("admin.createUser.isInstanceAdminHint")}
        </p>
      </div>
      <DialogActions
        pending={create.isPending}
        paused={create.isPaused}
        saveLabel={t("admin.createUser.save")}
        savingLabel={t("admin.createUser.saving")}
        cancelLabel={t("admin.cancel")}
        onCancel={close}
      />
    </form>
  );
}
