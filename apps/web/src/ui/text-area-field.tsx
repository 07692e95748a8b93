import { FieldError, Label, Text, TextArea, TextField } from "react-aria-components";
import "./aria-fields.css";

export interface TextAreaFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  name?: string;
  maxLength?: number;
}

/** A multi-line text field; React Aria wires the label, hint and error to the control. */
export function TextAreaField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  rows = 4,
  name,
  maxLength,
}: TextAreaFieldProps) {
  return (
    <TextField
      id={id}
      className={error ? "field field--error" : "field"}
      value={value}
      onChange={onChange}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      {...(name ? { name } : {})}
      {...(maxLength ? { maxLength } : {})}
    >
      <Label className="field__label">{label}</Label>
      {hint && (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
      <TextArea className="field__control field__control--area" rows={rows} />
    </TextField>
  );
}
