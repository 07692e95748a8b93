import { z } from "zod";

/**
 * NUL, which PostgreSQL cannot store in text, and a lone UTF-16 surrogate, which UTF-8 cannot
 * encode (the driver would silently store U+FFFD instead): refused rather than altered.
 */
const STORABLE_TEXT = /^[^\0\p{Cs}]*$/u;

/** Free text bounded so no request can make the server hold megabytes of one field. */
export function text(max: number) {
  return z.string().trim().max(max).regex(STORABLE_TEXT, "text.invalidCharacter");
}

export function requiredText(max: number) {
  return z.string().trim().min(1, "text.blank").max(max).regex(STORABLE_TEXT, "text.invalidCharacter");
}

export const idSchema = z.uuid();
export const versionSchema = z.int().min(1);
export const sirenSchema = z
  .string()
  .trim()
  .regex(/^\d{9}$/, "siren.invalid");
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: "email.invalid" }));

const MIN_YEAR = 1950;
const MAX_YEAR = 2100;

/** A calendar date as `YYYY-MM-DD`, checked against the real calendar (no 31 February). */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "date.invalid")
  .refine((value) => {
    const parsed = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
  }, "date.invalid")
  .refine((value) => {
    const year = Number(value.slice(0, 4));
    return year >= MIN_YEAR && year <= MAX_YEAR;
  }, "date.outOfRange");

export const paginationSchema = z.object({
  limit: z.int().min(1).max(100).default(20),
  offset: z.int().min(0).max(100_000).default(0),
});

/** Rejects `endedOn` before `startedOn` when both are given, reporting on the end field. */
export function endAfterStart<T extends Record<string, unknown>>(startKey: keyof T & string, endKey: keyof T & string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const start = value[startKey];
    const end = value[endKey];
    if (typeof start === "string" && typeof end === "string" && end < start) {
      ctx.addIssue({ code: "custom", path: [endKey], message: "date.endBeforeStart" });
    }
  };
}

/**
 * One submission of a create or a payment, made by the client (a UUID): a resend of the same
 * submission carries the same key and gets the first answer back (ADR 0008).
 */
export const idempotencyKeySchema = z.object({ idempotencyKey: z.uuid().optional() });
