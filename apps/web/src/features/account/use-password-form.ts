import { type BaseSyntheticEvent, useRef } from "react";
import type { FieldValues, Path } from "react-hook-form";
import { type InputSchema, type SchemaFormOptions, useSchemaForm } from "../../lib/use-schema-form.ts";

type ParseResult<T> = ReturnType<InputSchema<T>["safeParse"]>;

interface PasswordFormOptions<V extends FieldValues, TData, TError, TVariables, TContext>
  extends Omit<SchemaFormOptions<V, TData, TError, TVariables, TContext>, "schema"> {
  /** The core's schema, which judges the password with zxcvbn, whose dictionaries load on first use. */
  schema: { safeParseAsync(input: unknown): Promise<ParseResult<TVariables>> };
  /** The form's own rules across its fields (two entries that must match): a message per field in error. */
  check?: (values: V) => Partial<Record<keyof V & string, string>>;
}

/**
 * useSchemaForm for a form that chooses a password. Its schema refuses a guessable password only
 * asynchronously, which useSchemaForm's synchronous resolver cannot do: submitting parses first, and
 * the resolver reads that parse, so a weak password is refused in place, with its reason, before any
 * request. Until the next submit, the fields keep that parse's errors.
 */
export function usePasswordForm<V extends FieldValues, TData, TError, TVariables, TContext>({
  schema,
  check = () => ({}),
  ...options
}: PasswordFormOptions<V, TData, TError, TVariables, TContext>) {
  const parsed = useRef<ParseResult<TVariables> | null>(null);
  const form = useSchemaForm({
    ...options,
    // The resolver runs from submit below, after the parse (the form validates on submit only).
    schema: { safeParse: () => parsed.current ?? { success: true, data: undefined as never } },
  });
  const { methods } = form;
  const toInput = options.toInput ?? ((values: V) => values);

  async function submit(event?: BaseSyntheticEvent) {
    event?.preventDefault();
    const values = methods.getValues();
    parsed.current = await schema.safeParseAsync(toInput(values));
    const own = Object.entries(check(values)).filter(([, message]) => message);
    if (!own.length) return form.submit();
    // The schema's errors and the form's own, all at once; the focus on the first; nothing sent.
    await methods.trigger();
    for (const [name, message] of own) methods.setError(name as Path<V>, { type: "form", message });
    form.send.reset();
    const first = Object.keys(options.defaultValues).find((name) => methods.getFieldState(name as Path<V>).invalid);
    if (first) document.getElementById(`${options.idPrefix}-${first}`)?.focus();
  }

  return { ...form, submit };
}
