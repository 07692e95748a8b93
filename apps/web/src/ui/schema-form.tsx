import { createContext, type ReactNode, useContext } from "react";
import { FormProvider, useController } from "react-hook-form";
import type { SchemaForm as SchemaFormState } from "../lib/use-schema-form.ts";
import { CheckboxGroupField, type ChoiceProps, RadioGroupField } from "./choice-fields.tsx";
import { SelectField, type SelectFieldProps, TextField, type TextFieldProps } from "./fields.tsx";
import { MoneyField } from "./money-field.tsx";
import { NumberInputField, type NumberInputFieldProps } from "./number-field.tsx";
import { TextAreaField, type TextAreaFieldProps } from "./text-area-field.tsx";

const IdPrefix = createContext("form");

interface SchemaFormProps {
  form: { methods: unknown; idPrefix: string; submit: SchemaFormState["submit"]; message: string | null };
  /** Replaces the form's own message (a conflict said in the form's words, say). */
  message?: string | null | undefined;
  className?: string;
  children: ReactNode;
}

/** The `<form>` of a `useSchemaForm`: its fields below find their values, errors and ids through it. */
export function SchemaForm({ form, message = form.message, className = "form", children }: SchemaFormProps) {
  return (
    <FormProvider {...(form.methods as SchemaFormState["methods"])}>
      <IdPrefix.Provider value={form.idPrefix}>
        <form className={className} onSubmit={form.submit} noValidate>
          {message && (
            <div className="alert alert--error" role="alert">
              <p>{message}</p>
            </div>
          )}
          {children}
        </form>
      </IdPrefix.Provider>
    </FormProvider>
  );
}

/** A field of the enclosing SchemaForm: its id, its value and setter, and its error (a caller's `error` wins). */
function useBound(name: string, error: string | undefined) {
  const prefix = useContext(IdPrefix);
  const { field, fieldState } = useController({ name });
  return { id: `${prefix}-${name}`, field, error: error ?? fieldState.error?.message };
}

type Bound<P> = Omit<P, "id" | "value" | "onChange" | "error"> & { name: string; error?: string | undefined };

export function FormTextField({ name, error, ...props }: Bound<TextFieldProps>) {
  const bound = useBound(name, error);
  return (
    <TextField
      {...props}
      id={bound.id}
      ref={bound.field.ref}
      name={name}
      value={bound.field.value ?? ""}
      onChange={(event) => bound.field.onChange(event.target.value)}
      onBlur={bound.field.onBlur}
      error={bound.error}
    />
  );
}

export function FormSelectField({ name, error, ...props }: Bound<SelectFieldProps>) {
  const bound = useBound(name, error);
  return (
    <SelectField
      {...props}
      id={bound.id}
      name={name}
      value={bound.field.value ?? ""}
      onChange={(event) => bound.field.onChange(event.target.value)}
      onBlur={bound.field.onBlur}
      error={bound.error}
    />
  );
}

export function FormTextArea({ name, error, ...props }: Bound<TextAreaFieldProps>) {
  const bound = useBound(name, error);
  return (
    <TextAreaField
      {...props}
      id={bound.id}
      value={bound.field.value ?? ""}
      onChange={bound.field.onChange}
      error={bound.error}
    />
  );
}

/** A number (`money`: in euros, the caller's toInput turns it into cents). */
export function FormNumberField({
  name,
  error,
  money = false,
  ...props
}: Bound<NumberInputFieldProps> & { money?: boolean }) {
  const bound = useBound(name, error);
  const Field = money ? MoneyField : NumberInputField;
  return (
    <Field
      {...props}
      id={bound.id}
      value={bound.field.value ?? null}
      onChange={bound.field.onChange}
      error={bound.error}
    />
  );
}

export function FormRadioGroup<T extends string>({ name, error, ...props }: Bound<ChoiceProps<T>>) {
  const bound = useBound(name, error);
  return (
    <RadioGroupField {...props} value={bound.field.value ?? null} onChange={bound.field.onChange} error={bound.error} />
  );
}

export function FormCheckboxGroup<T extends string>({ name, error, ...props }: Bound<ChoiceProps<T>>) {
  const bound = useBound(name, error);
  return (
    <CheckboxGroupField
      {...props}
      value={bound.field.value ?? []}
      onChange={bound.field.onChange}
      error={bound.error}
    />
  );
}
