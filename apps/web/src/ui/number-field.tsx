import { Input, NumberField } from "react-aria-components";
import { AriaFieldHead, ariaFieldProps } from "./aria-field-frame";

export interface NumberInputFieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  /** null when empty. */
  value: number | null;
  onChange: (value: number | null) => void;
  formatOptions?: Intl.NumberFormatOptions;
  minValue?: number;
  step?: number;
}

/**
 * A number typed and shown the local way ("1 850 000 €", "0,5" in French), parsed by React Aria rather
 * than by hand: a French decimal comma or a grouping space is never misread.
 */
export function NumberInputField({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  formatOptions,
  minValue = 0,
  step,
}: NumberInputFieldProps) {
  return (
    <NumberField
      id={id}
      {...ariaFieldProps(error, "field--short")}
      value={value ?? Number.NaN}
      onChange={(next) => onChange(Number.isNaN(next) ? null : next)}
      minValue={minValue}
      {...(formatOptions ? { formatOptions } : {})}
      {...(step ? { step } : {})}
    >
      <AriaFieldHead label={label} hint={hint} error={error} />
      <Input className="field__control tabular" />
    </NumberField>
  );
}
