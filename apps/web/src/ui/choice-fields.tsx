import { Checkbox, CheckboxGroup, FieldError, Label, Radio, RadioGroup, Text } from "react-aria-components";
import "./aria-fields.css";

interface Option<T extends string> {
  value: T;
  label: string;
  description?: string | undefined;
}

export interface ChoiceProps<T extends string> {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  options: readonly Option<T>[];
  /** Options side by side (short labels such as themes) rather than one per line. */
  inline?: boolean;
}

function Tick() {
  return (
    <svg viewBox="0 0 18 18" aria-hidden="true" className="choice__tick">
      <polyline points="3.5 9.5 7.5 13 14.5 5" />
    </svg>
  );
}

/** Several choices among a few: a labelled group of checkboxes, keyboard and screen-reader ready. */
export function CheckboxGroupField<T extends string>({
  label,
  hint,
  error,
  options,
  inline = false,
  value,
  onChange,
}: ChoiceProps<T> & { value: readonly T[]; onChange: (value: T[]) => void }) {
  return (
    <CheckboxGroup
      className={error ? "field field--error" : "field"}
      value={[...value]}
      onChange={(next) => onChange(options.filter((o) => next.includes(o.value)).map((o) => o.value))}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {hint && (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
      <div className={inline ? "choices choices--inline" : "choices"}>
        {options.map((option) => (
          <Checkbox key={option.value} value={option.value} className="choice">
            <span className="choice__box">
              <Tick />
            </span>
            <span>{option.label}</span>
          </Checkbox>
        ))}
      </div>
    </CheckboxGroup>
  );
}

/** One choice among a few, each visible with its explanation (better than a select when there are few). */
export function RadioGroupField<T extends string>({
  label,
  hint,
  error,
  options,
  inline = false,
  value,
  onChange,
}: ChoiceProps<T> & { value: T | null; onChange: (value: T) => void }) {
  return (
    <RadioGroup
      className={error ? "field field--error" : "field"}
      value={value}
      onChange={(next) => {
        const picked = options.find((o) => o.value === next);
        if (picked) onChange(picked.value);
      }}
      isInvalid={Boolean(error)}
      validationBehavior="aria"
    >
      <Label className="field__label">{label}</Label>
      {hint && (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
      <div className={inline ? "choices choices--inline" : "choices"}>
        {options.map((option) => (
          <Radio key={option.value} value={option.value} className="choice choice--radio">
            <span className="choice__box" />
            <span>
              {option.label}
              {option.description && <span className="choice__description">{option.description}</span>}
            </span>
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
