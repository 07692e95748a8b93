import { Fragment, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}

/** The control's id, look and invalid state, described by its hint and error (ids in reading order). */
function controlProps({ id, hint, error }: Omit<FieldProps, "label">) {
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return {
    id,
    className: "field__control",
    "aria-invalid": error ? true : undefined,
    "aria-describedby": described.length ? described.join(" ") : undefined,
  };
}

function FieldFrame({ id, label, hint, error, children }: FieldProps & { children: ReactNode }) {
  return (
    <div className={error ? "field field--error" : "field"}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export type TextFieldProps = FieldProps &
  Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "aria-describedby" | "aria-invalid"> & {
    ref?: Ref<HTMLInputElement>;
  };

export function TextField({ id, label, hint, error, ref, ...input }: TextFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <input {...input} ref={ref} {...controlProps({ id, hint, error })} />
    </FieldFrame>
  );
}

export type SelectFieldProps = FieldProps &
  Omit<SelectHTMLAttributes<HTMLSelectElement>, "id" | "aria-describedby" | "aria-invalid"> & {
    options: readonly SelectOption[];
  };

/** An option; consecutive options of the same `group` are shown under that heading (an optgroup). */
export interface SelectOption {
  value: string;
  label: string;
  group?: string;
}

/** Consecutive options cut into runs of the same group (undefined: no heading). */
function runsOf(options: readonly SelectOption[]): Array<{ group: string | undefined; options: SelectOption[] }> {
  const runs: Array<{ group: string | undefined; options: SelectOption[] }> = [];
  for (const option of options) {
    const last = runs.at(-1);
    if (last && last.group === option.group) last.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  return runs;
}

const optionElement = (option: SelectOption) => (
  <option key={option.value} value={option.value}>
    {option.label}
  </option>
);

export function SelectField({ id, label, hint, error, options, ...select }: SelectFieldProps) {
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      <select {...select} {...controlProps({ id, hint, error })}>
        {runsOf(options).map((run, index) =>
          run.group === undefined ? (
            <Fragment key={`options-${index}`}>{run.options.map(optionElement)}</Fragment>
          ) : (
            <optgroup key={`${run.group}-${index}`} label={run.group}>
              {run.options.map(optionElement)}
            </optgroup>
          ),
        )}
      </select>
    </FieldFrame>
  );
}
