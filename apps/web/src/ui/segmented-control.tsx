import { Label, Radio, RadioGroup } from "react-aria-components";
import "./segmented-control.css";

interface SegmentedControlProps<T extends string> {
  label: string;
  /** Show the label only to assistive technologies, when the context already says it. */
  hideLabel?: boolean;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}

/** One choice among a few, drawn as a segmented control; arrow keys move between options (React Aria). */
export function SegmentedControl<T extends string>({
  label,
  hideLabel,
  options,
  value,
  onChange,
}: SegmentedControlProps<T>) {
  return (
    <RadioGroup
      className="segmented"
      orientation="horizontal"
      value={value}
      onChange={(next) => {
        const chosen = options.find((option) => option.value === next);
        if (chosen) onChange(chosen.value);
      }}
    >
      <Label className={hideLabel ? "visually-hidden" : "segmented__label"}>{label}</Label>
      <div className="segmented__options">
        {options.map((option) => (
          <Radio key={option.value} value={option.value} className="segmented__option">
            {option.label}
          </Radio>
        ))}
      </div>
    </RadioGroup>
  );
}
