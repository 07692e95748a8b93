import type { FieldError } from "@trame/core";
import { useFormat } from "../i18n/format.ts";
import { trameErrorOf } from "../lib/trpc-error.ts";

/** The message for one field, in the current language, from the errors of the schema or of the server. */
export function useFieldErrorText(errors: readonly FieldError[]): (field: string) => string | undefined {
  const format = useFormat();
  return (field) => {
    const found = errors.find((error) => error.field === field || error.field.startsWith(`${field}.`));
    return found && format.label(found.message);
  };
}

/** The server's per-field errors of a failed request (none for a network failure). */
export function serverFieldErrors(error: unknown): FieldError[] {
  return trameErrorOf(error)?.fields ?? [];
}

/** Moves focus to the first field in error, in form order, so the keyboard user lands on it. */
export function focusFirstInvalid(errors: readonly FieldError[], idsInOrder: Readonly<Record<string, string>>): void {
  const first = Object.entries(idsInOrder).find(([field]) =>
    errors.some((error) => error.field === field || error.field.startsWith(`${field}.`)),
  );
  if (first) document.getElementById(first[1])?.focus();
}
