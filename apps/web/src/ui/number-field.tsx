import { FieldError, Input, Label, NumberField, Text } from "react-aria-components";
import "./aria-fields.css";

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
      className={error ? "field field--error field--short" : "field field--short"}
      value={value ?? Number.NaN}
      onChange={(next) => onChange(Number.isNaN(next) ? null : next)}
      minValue={minValue}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
      {...(formatOptions ? { formatOptions } : {})}
      {...(step ? { step } : {})}
    >
      <Label className="field__label">{label}</Label>
      {hint && (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
      <Input className="field__control tabular" />
    </NumberField>
  );
}
