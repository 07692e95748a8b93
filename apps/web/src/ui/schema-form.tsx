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
  /** The form's accessible name, for a form that is not the only one of its dialog or page. */
  "aria-labelledby"?: string | undefined;
  children: ReactNode;
}

/** The `<form>` of a `useSchemaForm`: its fields below find their values, errors and ids through it. */
export function SchemaForm({
  form,
  message = form.message,
  className = "form",
  "aria-labelledby": labelledBy,
  children,
}: SchemaFormProps) {
  return (
    <FormProvider {...(form.methods as SchemaFormState["methods"])}>
      <IdPrefix.Provider value={form.idPrefix}>
        <form className={className} onSubmit={form.submit} noValidate aria-labelledby={labelledBy}>
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

/** The id of one of the enclosing SchemaForm's fields, for a control bound by hand (a combo box, a checkbox). */
export function useFieldId(name: string): string {
  return `${useContext(IdPrefix)}-${name}`;
}

/** A field of the enclosing SchemaForm: its id, react-hook-form's controller, and its error (a caller's wins). */
function useField(name: string, error: string | undefined) {
  const { field, fieldState } = useController({ name });
  return { id: useFieldId(name), field, error: error ?? fieldState.error?.message };
}

/** The field as a React Aria control's props, its value `empty` until set. */
function useBound<T>(name: string, error: string | undefined, empty: T) {
  const { id, field, error: shown } = useField(name, error);
  return { id, value: (field.value ?? empty) as T, onChange: field.onChange as (value: T) => void, error: shown };
}

/** The field as a native control's props: its change is an event, and it takes the ref, name and blur. */
function useBoundNative(name: string, error: string | undefined) {
  const { id, field, error: shown } = useField(name, error);
  const onChange = (event: { target: { value: string } }) => field.onChange(event.target.value);
  return { id, name, ref: field.ref, onBlur: field.onBlur, value: field.value ?? "", onChange, error: shown };
}

type Bound<P> = Omit<P, "id" | "value" | "onChange" | "error"> & { name: string; error?: string | undefined };

export function FormTextField({ name, error, ...props }: Bound<TextFieldProps>) {
  return <TextField {...props} {...useBoundNative(name, error)} />;
}

export function FormSelectField({ name, error, ...props }: Bound<SelectFieldProps>) {
  const { ref: _select, ...bound } = useBoundNative(name, error);
  return <SelectField {...props} {...bound} />;
}

export function FormTextArea({ name, error, ...props }: Bound<TextAreaFieldProps>) {
  return <TextAreaField {...props} {...useBound(name, error, "")} />;
}

/** A number (`money`: in euros, the caller's toInput turns it into cents). */
export function FormNumberField({
  name,
  error,
  money = false,
  ...props
}: Bound<NumberInputFieldProps> & { money?: boolean }) {
  const Field = money ? MoneyField : NumberInputField;
  return <Field {...props} {...useBound<number | null>(name, error, null)} />;
}

export function FormRadioGroup<T extends string>({ name, error, ...props }: Bound<ChoiceProps<T>>) {
  const { id: _radios, ...bound } = useBound<T | null>(name, error, null);
  return <RadioGroupField {...props} {...bound} />;
}

export function FormCheckboxGroup<T extends string>({ name, error, ...props }: Bound<ChoiceProps<T>>) {
  const { id: _boxes, ...bound } = useBound<T[]>(name, error, []);
  return <CheckboxGroupField {...props} {...bound} />;
}
