interface ImportChoicesProps<T extends string> {
  /** The radios' group name, unique on the page. */
  name: string;
  legend: string;
  className?: string;
  disabled?: boolean;
  options: ReadonlyArray<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
}

/** One choice among a few (what to import, how to write it): native radios under their legend. */
export function ImportChoices<T extends string>({
  name,
  legend,
  className,
  disabled,
  options,
  value,
  onChange,
}: ImportChoicesProps<T>) {
  return (
    <fieldset className={className} disabled={disabled}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="import-kinds__choice">
          <input
            type="radio"
            name={name}
            value={option.value}
            checked={value === option.value}
            onChange={() => onChange(option.value)}
          />
          {option.label}
        </label>
      ))}
    </fieldset>
  );
}
