import type { ReactNode } from "react";
import { I18nProvider } from "react-aria-components";
import { useLocale } from "../i18n/format.ts";

/**
 * React Aria formats numbers and announces its own strings in the browser's language unless told:
 * follow the language chosen in Trame instead, so a budget reads "1 850 000 €" in French.
 */
export function AriaLocale({ children }: { children: ReactNode }) {
  const locale = useLocale();
  return <I18nProvider locale={locale === "fr" ? "fr-FR" : "en-GB"}>{children}</I18nProvider>;
}
