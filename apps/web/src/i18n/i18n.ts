import type { Locale } from "@trame/core";
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import shellEn from "./en.json";
import { featureCatalogsEn, featureCatalogsFr } from "./feature-catalogs.ts";
import shellFr from "./fr.json";

const fr = { ...shellFr, ...featureCatalogsFr };
// `satisfies` makes a key missing from the English catalog a type error rather than a French word in English UI.
const en = { ...(shellEn satisfies typeof shellFr), ...featureCatalogsEn } satisfies typeof fr;

export type Catalog = typeof fr;
export const resources = {
  fr: { translation: fr },
  en: { translation: en },
} as const;

const STORAGE_KEY = "trame.locale";

export function isLocale(value: unknown): value is Locale {
  return value === "fr" || value === "en";
}

function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLocale(value) ? value : null;
  } catch {
    // Storage can be blocked (private browsing, strict policies): the choice then lasts for the page only.
    return null;
  }
}

function remember(locale: Locale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // See storedLocale.
  }
}

/** French unless the user chose otherwise: the product speaks French first, whatever the browser says. */
export function initI18n(): typeof i18n {
  void i18n.use(initReactI18next).init({
    resources,
    lng: storedLocale() ?? "fr",
    fallbackLng: "fr",
    supportedLngs: ["fr", "en"],
    // React escapes what it renders; escaping here too would show "&amp;" in names.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = i18n.language;
  i18n.on("languageChanged", (language) => {
    // Screen readers pick their voice from <html lang>.
    document.documentElement.lang = language;
    if (isLocale(language)) remember(language);
  });
  return i18n;
}
