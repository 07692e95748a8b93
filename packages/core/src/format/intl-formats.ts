import type { Locale } from "../enums/label.ts";

/**
 * Intl formatters, made once per language and options. Making one costs about 40 µs (the locale's
 * data is looked up each time), formatting with it about 0.3 µs: a timeline page, an export or a
 * digest words hundreds of amounts and dates, so they are kept rather than made per value.
 */
/** The Intl locale each language is written in: French of France, British English (day/month/year). */
export const INTL_TAGS: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

const kept = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function keptFormat<F extends Intl.NumberFormat | Intl.DateTimeFormat>(kind: string, key: string, make: () => F): F {
  const id = `${kind}|${key}`;
  let format = kept.get(id) as F | undefined;
  if (!format) {
    format = make();
    kept.set(id, format);
  }
  return format;
}

export function numberFormat(tag: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return keptFormat("number", `${tag}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
}

export function dateTimeFormat(tag: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return keptFormat("date", `${tag}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));
}
