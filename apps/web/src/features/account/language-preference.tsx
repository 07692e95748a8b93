import { LOCALES, type Locale } from "@trame/core";
import { useTranslation } from "react-i18next";
import { RadioGroupField } from "../../ui/choice-fields.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { useSaveAccountLocale } from "./use-account-locale.ts";

/** The language saved with the account: chosen here, it applies now and at every sign-in, on any device. */
export function LanguagePreference({ locale }: { locale: Locale }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
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
      <div role="status" className="account-page__status">
        {save.isPending ? t("account.language.saving") : save.isSuccess ? t("account.language.saved") : null}
      </div>
      {save.isError && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(save.error)}</p>
        </div>
      )}
    </section>
  );
}
