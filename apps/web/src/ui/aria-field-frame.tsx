import { FieldError, Label, Text } from "react-aria-components";
import "./aria-fields.css";

/**
 * What every React Aria field of the app sets on its root: the field look, and the error reported the ARIA way
 * (aria-invalid and the message) rather than by the browser's own validation bubbles.
 */
export function ariaFieldProps(error: string | undefined, modifier?: string) {
  const className = ["field", error ? "field--error" : null, modifier].filter(Boolean).join(" ");
  return { className, isInvalid: Boolean(error), validationBehavior: "aria" as const };
}

/** The label, hint and error above a React Aria field's control; React Aria wires them to the control. */
export function AriaFieldHead({
  label,
  hint,
  error,
}: {
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
}) {
  return (
    <>
      <Label className="field__label">{label}</Label>
      {hint && (
        <Text slot="description" className="field__hint">
          {hint}
        </Text>
      )}
      <FieldError className="field__error">{error}</FieldError>
    </>
  );
}
