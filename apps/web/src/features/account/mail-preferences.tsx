import { useMutation, useQuery } from "@tanstack/react-query";
import {
  MAIL_CATEGORIES,
  MAIL_DELIVERIES,
  type MailCategory,
  type MailDelivery,
  mailCategoryLabels,
  mailDeliveryLabels,
} from "@trame/core";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { SelectField } from "../../ui/fields.tsx";
import { useErrorText } from "../../ui/query-error.tsx";
import { SaveStatus } from "./save-status.tsx";

/**
 * When Trame writes to the person, per category: at once, in the daily or weekly digest, or never.
 * Each choice is saved as it changes (the same as the unsubscribe link of an e-mail, which sets "never").
 */
export function MailPreferences() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const preferences = useQuery(trpc.notificationPrefs.get.queryOptions());
  const save = useMutation(
    trpc.notificationPrefs.set.mutationOptions({
      onSuccess(next) {
        queryClient.setQueryData(trpc.notificationPrefs.get.queryKey(), next);
      },
    }),
  );
  const options = MAIL_DELIVERIES.map((value) => ({ value, label: format.label(mailDeliveryLabels[value]) }));
  const shownDelivery = (category: MailCategory): MailDelivery | undefined =>
    save.isPending && save.variables?.category === category ? save.variables.delivery : preferences.data?.[category];

  return (
    <section className="panel" aria-labelledby="account-mail">
      <h2 id="account-mail">{t("account.mail.title")}</h2>
      <p>{t("account.mail.intro")}</p>
      {preferences.isError ? (
        <div className="alert alert--error" role="alert">
          <p>{errorText(preferences.error)}</p>
        </div>
      ) : !preferences.data ? (
        <p role="status">{t("account.mail.loading")}</p>
      ) : (
        MAIL_CATEGORIES.map((category) => (
          <SelectField
            key={category}
            id={`mail-preference-${category}`}
            label={format.label(mailCategoryLabels[category])}
            options={options}
            value={shownDelivery(category)}
            onChange={(event) => save.mutate({ category, delivery: event.target.value as MailDelivery })}
          />
        ))
      )}
      <SaveStatus save={save} saving={t("account.mail.saving")} saved={t("account.mail.saved")} />
    </section>
  );
}
