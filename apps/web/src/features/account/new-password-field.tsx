import { useWatch } from "react-hook-form";
import { PasswordStrength } from "../../ui/password-strength.tsx";
import { FormTextField } from "../../ui/schema-form.tsx";

interface NewPasswordFieldProps {
  name: string;
  label: string;
  hint: string;
  /** The meter's id, which pages and tests know it by. */
  strengthId: string;
  /** The account's name and e-mail, which make a password weak if it is built on them. */
  userInputs: string[];
}

/** A password being chosen, in a SchemaForm, and beneath it how guessable it is as it is typed. */
export function NewPasswordField({ strengthId, userInputs, ...field }: NewPasswordFieldProps) {
  const password: string = useWatch({ name: field.name });
  return (
    <>
      <FormTextField {...field} type="password" autoComplete="new-password" />
      <PasswordStrength id={strengthId} password={password} userInputs={userInputs} />
    </>
  );
}
