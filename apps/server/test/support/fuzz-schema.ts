import fc from "fast-check";
import { z } from "zod";
import { anyValue, deepValue, hostileNumber, hostileString, hugeString } from "./fuzz-values.ts";

type Schema = z.core.$ZodType;

/** What a check looks like from outside, whatever its kind. */
interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  value?: unknown;
  minimum?: number;
  maximum?: number;
}

const checksOf = (schema: Schema): CheckDef[] =>
  ((schema._zod.def as { checks?: Array<{ _zod: { def: CheckDef } }> }).checks ?? []).map((c) => c._zod.def);

const ISO_DATE_PATTERN = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;

/** A real calendar date, now and then outside the 1950–2100 window the schemas allow. */
const isoDate = fc
  .date({ min: new Date("1940-01-01T00:00:00Z"), max: new Date("2110-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

/** Addresses every validator agrees on; fc.emailAddress() also makes RFC-valid ones zod refuses. */
const email = fc
  .tuple(fc.stringMatching(/^[a-z0-9]{1,12}(\.[a-z0-9]{1,8})?$/), fc.constantFrom("example.fr", "exemple.org"))
  .map(([local, domain]) => `${local}@${domain}`);

/** Free text within the field's bounds, hostile strings included (padded to the minimum length). */
function freeText(schema: Schema): fc.Arbitrary<string> {
  const checks = checksOf(schema);
  const minLength = checks.find((c) => c.check === "min_length")?.minimum ?? 0;
  const bound = checks.find((c) => c.check === "max_length")?.maximum;
  const maxLength = Math.max(minLength, Math.min(bound ?? 60, 60));
  return fc.oneof(
    { weight: 3, arbitrary: hostileString.map((text) => text.padStart(minLength, "x")) },
    { weight: 1, arbitrary: fc.string({ minLength, maxLength }) },
    // At the bound, in characters of three UTF-8 bytes: the most bytes a valid value can carry
    // (the bound counts UTF-16 units), e.g. into a B-tree index entry.
    { weight: 1, arbitrary: fc.constant("€".repeat(bound ?? 2_000)) },
  );
}

function stringLike(schema: Schema, ids: readonly string[]): fc.Arbitrary<unknown> {
  const { format, pattern } = schema._zod.def as { format?: string; pattern?: RegExp };
  const patterns = [pattern, ...checksOf(schema).map((c) => c.pattern)].filter((p): p is RegExp => p !== undefined);
  let valid: fc.Arbitrary<string> | undefined;
  if (format === "uuid" || format === "guid") {
    valid = ids.length > 0 ? fc.oneof(fc.constantFrom(...ids), fc.uuid({ version: 4 })) : fc.uuid({ version: 4 });
  } else if (format === "email") {
    valid = email;
  } else if (format === "url") {
    valid = fc.webUrl();
  } else if (patterns.some((p) => ISO_DATE_PATTERN.test(p.source))) {
    valid = isoDate;
  } else if (patterns[0]) {
    // fast-check refuses flags; without `i` the strings still match the case-insensitive original.
    valid = fc.stringMatching(new RegExp(patterns[0].source));
  }
  // Free text is where hostile strings matter most: they pass validation and reach the database.
  if (!valid) return freeText(schema);
  return fc.oneof({ weight: 6, arbitrary: valid }, { weight: 1, arbitrary: hostileString });
}

function numberLike(schema: Schema): fc.Arbitrary<unknown> {
  const bound = (check: string, fallback: number) => {
    const value = checksOf(schema).find((c) => c.check === check)?.value;
    return typeof value === "number" ? value : fallback;
  };
  const min = Math.max(bound("greater_than", -1_000_000), -1_000_000_000);
  const max = Math.min(bound("less_than", min + 1_000_000), min + 1_000_000_000);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) },
    { weight: 1, arbitrary: fc.constantFrom(min, max) },
    { weight: 1, arbitrary: hostileNumber },
  );
}

/**
 * Values shaped like the schema (right keys, right types, known ids), but with hostile strings and
 * numbers at the leaves: they pass validation often enough to reach the services and the database.
 */
export function plausible(schema: Schema, ids: readonly string[], depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return anyValue;
  const next = (inner: Schema) => plausible(inner, ids, depth + 1);
  const def = (schema as z.core.$ZodTypes)._zod.def;
  switch (def.type) {
    case "string":
      return stringLike(schema, ids);
    case "number":
      return numberLike(schema);
    case "boolean":
      return fc.boolean();
    case "bigint":
      return fc.bigInt();
    case "date":
      return fc.date();
    case "null":
      return fc.constant(null);
    case "undefined":
    case "void":
      return fc.constant(undefined);
    case "literal":
      return fc.constantFrom(...def.values);
    case "enum":
      return fc.constantFrom(...Object.values(def.entries));
    case "array": {
      const length = (check: string) => checksOf(schema).find((c) => c.check === check);
      const minLength = Math.min(length("min_length")?.minimum ?? 0, 4);
      return fc.array(next(def.element), { minLength, maxLength: Math.max(minLength, 4) });
    }
    case "tuple":
      return fc.tuple(...def.items.map(next));
    case "record":
      return fc.dictionary(fc.string({ maxLength: 10 }), next(def.valueType), { maxKeys: 4 });
    case "object": {
      const keys = Object.keys(def.shape);
      const model = Object.fromEntries(keys.map((key) => [key, next(def.shape[key] as Schema)]));
      const requiredKeys = keys.filter((key) => def.shape[key]?._zod.optin !== "optional");
      return fc.record(model, { requiredKeys });
    }
    case "optional":
      return fc.oneof(fc.constant(undefined), next(def.innerType));
    case "nullable":
      return fc.oneof(fc.constant(null), next(def.innerType));
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return next(def.innerType);
    case "union":
      return fc.oneof(...def.options.map(next));
    case "intersection":
      return fc.tuple(next(def.left), next(def.right)).map(([left, right]) => merge([left, right]));
    case "pipe":
      // `a.pipe(z.email())`: the output schema says what the string must look like.
      if (def.out._zod.def.type === "transform") return next(def.in);
      return fc.oneof({ weight: 3, arbitrary: next(def.out) }, { weight: 1, arbitrary: next(def.in) });
    case "lazy":
      return next(def.getter());
    default:
      return anyValue;
  }
}

/** Objects merged as tRPC merges the results of several `.input()` parsers; otherwise the last wins. */
function merge(values: unknown[]): unknown {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  return values.every(isObject) ? Object.assign({}, ...values) : values.at(-1);
}

/** The raw input of a procedure with these parsers (none: the input is ignored, anything goes). */
export function plausibleInput(inputs: readonly Schema[], ids: readonly string[]): fc.Arbitrary<unknown> {
  if (inputs.length === 0) return anyValue;
  return fc.tuple(...inputs.map((input) => plausible(input, ids))).map(merge);
}

/**
 * Whether the schema surely refuses the value, judged synchronously (fast-check filters cannot wait).
 * A schema with an asynchronous refinement (the password strength rule) throws when its synchronous
 * part accepts the value: that value is then not surely refused.
 */
function surelyRejected(schema: Schema, value: unknown): boolean {
  try {
    return !z.safeParse(schema, value).success;
  } catch {
    return false;
  }
}

/** A value of the wrong type or beyond the bounds for this field: the schema rejects it. */
export function invalidFor(schema: Schema): fc.Arbitrary<unknown> {
  return fc
    .oneof(anyValue, deepValue, hugeString, hostileString, hostileNumber, fc.constant(null))
    .filter((value) => surelyRejected(schema, value));
}

function objectShapeOf(schema: Schema): Record<string, Schema> | undefined {
  const def = (schema as z.core.$ZodTypes)._zod.def;
  if (def.type === "object") return def.shape;
  if (def.type === "pipe") return objectShapeOf(def.in);
  if (def.type === "default" || def.type === "optional" || def.type === "readonly") return objectShapeOf(def.innerType);
  return undefined;
}

export const rejectedBy = (inputs: readonly Schema[], value: unknown) =>
  inputs.some((input) => surelyRejected(input, value));

/**
 * Inputs some parser refuses, by construction: the right keys with one field of the wrong type
 * (or oversized, or deeply nested), or no object at all. Such a call must not write anything.
 */
export function invalidInput(inputs: readonly Schema[], ids: readonly string[]): fc.Arbitrary<unknown> {
  const fields = inputs.flatMap((input) => Object.entries(objectShapeOf(input) ?? {}));
  const wholeValue = anyValue.filter((value) => rejectedBy(inputs, value));
  if (fields.length === 0) return wholeValue;
  const oneFieldWrong = fc
    .tuple(plausibleInput(inputs, ids), fc.constantFrom(...fields))
    .chain(([base, [key, field]]) =>
      invalidFor(field).map((wrong) => ({ ...(base as Record<string, unknown>), [key]: wrong })),
    )
    .filter((value) => rejectedBy(inputs, value));
  return fc.oneof({ weight: 4, arbitrary: oneFieldWrong }, { weight: 1, arbitrary: wholeValue });
}
