import { TextArea, TextField } from "react-aria-components";
import { AriaFieldHead, ariaFieldProps } from "./aria-field-frame";

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
export function TextAreaField({ label, hint, error, rows = 4, name, maxLength, ...field }: TextAreaFieldProps) {
  return (
    <TextField {...field} {...ariaFieldProps(error)} {...(name ? { name } : {})} {...(maxLength ? { maxLength } : {})}>
      <AriaFieldHead label={label} hint={hint} error={error} />
      <TextArea className="field__control field__control--area" rows={rows} />
    </TextField>
  );
}
