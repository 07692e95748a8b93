import { LOCALES, type Locale } from "@trame/core";
import { useTranslation } from "react-i18next";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { SaveStatus } from "./save-status.tsx";
import { useSaveAccountLocale } from "./use-account-locale.ts";

/** The language saved with the account: chosen here, it applies now and at every sign-in, on any device. */
export function LanguagePreference({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const save = useSaveAccountLocale();
  return (
    <section className="panel" aria-labelledby="account-language">
      <h2 id="account-language">{t("account.language.title")}</h2>
      <RadioGroupField
        label={t("account.language.label")}
        hint={t("account.language.hint")}
        options={LOCALES.map((value) => ({ value, label: t(`language.names.${value}`) }))}
        value={save.isPending && save.variables ? save.variables.locale : locale}
        onChange={(next) => save.mutate({ locale: next })}
      />
      <SaveStatus save={save} saving={t("account.language.saving")} saved={t("account.language.saved")} />
    </section>
  );
}
