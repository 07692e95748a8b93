import type { ReactNode } from "react";
import { Checkbox, CheckboxGroup, Radio, RadioGroup } from "react-aria-components";
import { AriaFieldHead, ariaFieldProps } from "./aria-field-frame";

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

/** The group's label, hint and error, then one control per option. */
function Choices<T extends string>({
  label,
  hint,
  error,
  options,
  inline = false,
  children,
}: ChoiceProps<T> & { children: (option: Option<T>) => ReactNode }) {
  return (
    <>
      <AriaFieldHead label={label} hint={hint} error={error} />
      <div className={inline ? "choices choices--inline" : "choices"}>{options.map(children)}</div>
    </>
  );
}

/** Several choices among a few: a labelled group of checkboxes, keyboard and screen-reader ready. */
export function CheckboxGroupField<T extends string>({
  value,
  onChange,
  ...choice
}: ChoiceProps<T> & { value: readonly T[]; onChange: (value: T[]) => void }) {
  return (
    <CheckboxGroup
      {...ariaFieldProps(choice.error)}
      value={[...value]}
      onChange={(next) => onChange(choice.options.filter((o) => next.includes(o.value)).map((o) => o.value))}
    >
      <Choices {...choice}>
        {(option) => (
          <Checkbox key={option.value} value={option.value} className="choice">
            <span className="choice__box">
              <Tick />
            </span>
            <span>{option.label}</span>
          </Checkbox>
        )}
      </Choices>
    </CheckboxGroup>
  );
}

/** One choice among a few, each visible with its explanation (better than a select when there are few). */
export function RadioGroupField<T extends string>({
  value,
  onChange,
  ...choice
}: ChoiceProps<T> & { value: T | null; onChange: (value: T) => void }) {
  return (
    <RadioGroup
      {...ariaFieldProps(choice.error)}
      value={value}
      onChange={(next) => {
        const picked = choice.options.find((o) => o.value === next);
        if (picked) onChange(picked.value);
      }}
    >
      <Choices {...choice}>
        {(option) => (
          <Radio key={option.value} value={option.value} className="choice choice--radio">
            <span className="choice__box" />
            <span>
              {option.label}
              {option.description && <span className="choice__description">{option.description}</span>}
            </span>
          </Radio>
        )}
      </Choices>
    </RadioGroup>
  );
}
