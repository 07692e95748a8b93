import type { Label, Locale } from "@trame/core";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { isLocale } from "./i18n.ts";

const intlLocales: Record<Locale, string> = { fr: "fr-FR", en: "en-GB" };

export interface Format {
  locale: Locale;
  /** "854 949" in French, "854,949" in English. */
  number(value: number): string;
  /** A calendar date `YYYY-MM-DD` as "26/11/2026" (the house format, also en-GB's). */
  date(value: string): string;
  /** An instant as "26/11/2026 14:30", in the user's time zone. */
  dateTime(value: Date | string): string;
  /** The current language's side of a bilingual label from the server or @trame/core. */
  label(value: Label): string;
}

export function useLocale(): Locale {
  const { i18n } = useTranslation();
  return isLocale(i18n.language) ? i18n.language : "fr";
}

export function useFormat(): Format {
  const locale = useLocale();
  return useMemo(() => {
    const tag = intlLocales[locale];
    // Made here, once per language (useMemo), not with core's kept formatters: the shell loads nothing
    // of @trame/core at run time, whose chunk (zod and the schemas) only pages need.
    const numbers = new Intl.NumberFormat(tag);
    // Calendar dates carry no time zone: read and print them in UTC so no user sees the day before.
    const dates = new Intl.DateTimeFormat(tag, { dateStyle: "short", timeZone: "UTC" });
    const instants = new Intl.DateTimeFormat(tag, { dateStyle: "short", timeStyle: "short" });
    return {
      locale,
      number: (value) => numbers.format(value),
      date: (value) => dates.format(new Date(`${value}T00:00:00Z`)),
      dateTime: (value) => instants.format(typeof value === "string" ? new Date(value) : value),
      label: (value) => value[locale],
    };
  }, [locale]);
}
