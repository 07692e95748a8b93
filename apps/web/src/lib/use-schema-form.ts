import { type UseMutationOptions, useMutation } from "@tanstack/react-query";
import { type FieldError, fieldErrorsFromZod, type Label } from "@trame/core";
import { useRef } from "react";
import { type DefaultValues, type FieldValues, type Path, type Resolver, useForm } from "react-hook-form";
import { useFormat } from "../i18n/format.ts";
import { focusFirstInvalid, serverFieldErrors } from "../ui/field-errors.ts";
import { useErrorText } from "../ui/query-error.tsx";
import { handleExpiredSession } from "./session-draft.ts";
import { trameErrorOf } from "./trpc-error.ts";

/** What a zod schema's safeParse returns, without the web app depending on zod itself. */
type ParseResult<T> = { success: true; data: T } | { success: false; error: Parameters<typeof fieldErrorsFromZod>[0] };
/** A zod schema; parsed asynchronously when it can be (a password's strength is judged by a lazily loaded estimator). */
export interface InputSchema<T> {
  safeParse(input: unknown): ParseResult<T>;
  safeParseAsync?(input: unknown): Promise<ParseResult<T>>;
}

const parseWith = <T>(schema: InputSchema<T>, input: unknown) =>
  schema.safeParseAsync ? schema.safeParseAsync(input) : schema.safeParse(input);

export interface SchemaFormOptions<V extends FieldValues, TData, TError, TVariables, TContext> {
  /** Each field's id is `${idPrefix}-${name}`: labels, hints, errors and focus all hang on it. */
  idPrefix: string;
  /** The form's fields, in the order they are shown (the first invalid one in this order gets the focus). */
  defaultValues: V;
  /** The procedure's own input schema from @trame/core: the same rules and messages before any request. */
  schema: InputSchema<TVariables>;
  /**
   * What to say of a field left empty (null, "" or no choice), in the form's own words ("Indiquez le
   * montant demandé") rather than the schema's ("a whole number of cents"), which cannot name an absence.
   */
  required?: Partial<Record<keyof V & string, string>>;
  /** The values as the procedure's input: ids, versions, units. Defaults to the values themselves. */
  toInput?: (values: V) => unknown;
  /** The form's own rules across its fields (two entries that must match): a message per field in error. */
  check?: (values: V) => Partial<Record<keyof V & string, string>>;
  /** What to say when a colleague changed the record first: the server's generic words would not say what now. */
  conflict?: string;
  /** The procedure's mutation options with its onSuccess; expired sessions and field errors are handled here. */
  mutation: UseMutationOptions<TData, TError, TVariables, TContext>;
}

const isEmpty = (value: unknown) =>
  value === null || value === undefined || value === "" || (Array.isArray(value) && value.length === 0);

/** A path from the schema ("members.0.role") belongs to the form field it starts with, if the form has one. */
function fieldOf<V extends FieldValues>(path: string, values: V): Path<V> | null {
  const head = path.split(".")[0] ?? "";
  return Object.hasOwn(values, head) ? (head as Path<V>) : null;
}

/**
 * One way to write a form: react-hook-form holds the values, the core's zod schema validates them through
 * this resolver (the library's zodResolver would drop the core's French and English messages), the server's
 * field errors land on the same fields, an expired session keeps the input for after sign-in, and the focus
 * goes to the first field in error. A field the form does not show (an id, "input") becomes the form's message.
 */
export function useSchemaForm<V extends FieldValues, TData, TError, TVariables, TContext>(
  options: SchemaFormOptions<V, TData, TError, TVariables, TContext>,
) {
  const {
    idPrefix,
    defaultValues,
    schema,
    required = {},
    toInput = (values: V) => values,
    check,
    conflict,
    mutation,
  } = options;
  const format = useFormat();
  const errorText = useErrorText();
  // The resolver may run after a language switch: it reads the labels through the current format.
  const label = useRef((message: Label) => format.label(message));
  label.current = (message) => format.label(message);
  const ids = Object.fromEntries(Object.keys(defaultValues).map((name) => [name, `${idPrefix}-${name}`]));

  function asFormErrors(errors: readonly FieldError[]) {
    const fields: Record<string, { type: string; message: string }> = {};
    for (const error of errors) {
      const name = fieldOf(error.field, defaultValues) ?? "root";
      fields[name] ??= { type: "schema", message: label.current(error.message) };
    }
    return fields;
  }

  const resolver: Resolver<V, unknown, TVariables> = async (values) => {
    const missing = Object.entries(required).filter(([name]) => isEmpty(values[name]));
    const own = Object.entries(check?.(values) ?? {}).filter(([, message]) => message);
    const parsed = await parseWith(schema, toInput(values));
    if (parsed.success && !missing.length && !own.length) return { values: parsed.data, errors: {} };
    const errors = parsed.success ? {} : asFormErrors(fieldErrorsFromZod(parsed.error));
    for (const [name, message] of missing) errors[name] = { type: "required", message: String(message) };
    for (const [name, message] of own) errors[name] = { type: "form", message: String(message) };
    return { values: {}, errors: errors as never };
  };

  const methods = useForm<V, unknown, TVariables>({
    defaultValues: defaultValues as DefaultValues<V>,
    resolver,
    shouldFocusError: false,
  });

  const send = useMutation({
    ...mutation,
    onError(error, variables, onMutateResult, context) {
      if (handleExpiredSession(error)) return;
      const fields = serverFieldErrors(error);
      for (const [name, value] of Object.entries(asFormErrors(fields))) {
        if (name !== "root") methods.setError(name as Path<V>, value);
      }
      focusFirstInvalid(fields, ids);
      mutation.onError?.(error, variables, onMutateResult, context);
    },
  });

  const submit = methods.handleSubmit(
    (input) => send.mutate(input),
    (errors) => {
      send.reset();
      focusFirstInvalid(
        Object.keys(errors).map((field) => ({ field, message: { fr: "", en: "" } })),
        ids,
      );
    },
  );

  const shownFieldErrors = serverFieldErrors(send.error).filter((error) => fieldOf(error.field, defaultValues));
  const rootError = methods.formState.errors.root?.message;
  const conflicted = conflict !== undefined && trameErrorOf(send.error)?.code === "CONFLICT";
  /** A failure no field shows: the conflict in the form's words, the server's own message, or the network's. */
  const message = conflicted
    ? conflict
    : (rootError ?? (send.error && !shownFieldErrors.length ? errorText(send.error) : null));

  return {
    methods,
    idPrefix,
    send,
    submit,
    message,
    /** For `DialogActions`: both buttons wait while it runs, and an offline queue says so. */
    actions: { pending: send.isPending, paused: send.isPaused },
  };
}

export type SchemaForm = ReturnType<typeof useSchemaForm<FieldValues, unknown, unknown, unknown, unknown>>;
