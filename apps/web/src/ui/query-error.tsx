import { useTranslation } from "react-i18next";
import { useFormat } from "../i18n/format.ts";
import { trameErrorOf } from "../lib/trpc-error.ts";

/** The text to show for any failed request: the server's own message, or a network message when it never answered. */
export function useErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  const format = useFormat();
  return (error) => {
    const payload = trameErrorOf(error);
    return payload ? format.label(payload.message) : t("errors.network");
  };
}

export function QueryError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  return (
    <div className="alert alert--error" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          {t("errors.retry")}
        </button>
      )}
    </div>
  );
}
