import type { Locale } from "@trame/core";
import { useTranslation } from "react-i18next";
import { useAccountLocaleAtSignIn } from "../features/account/use-account-locale.ts";
import { useLocale } from "./format.ts";

/** Two languages only, so one button offering the other one; its name is spoken in that language. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const other: Locale = useLocale() === "fr" ? "en" : "fr";
  // The header is always there: the one place that sees every sign-in.
  useAccountLocaleAtSignIn();
  return (
    <button type="button" className="button button--link language-switch" onClick={() => i18n.changeLanguage(other)}>
      <span className="visually-hidden">{t("language.switchTo")} </span>
      <span lang={other}>{t(`language.names.${other}`)}</span>
    </button>
  );
}
