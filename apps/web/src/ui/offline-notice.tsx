import { useTranslation } from "react-i18next";

/**
 * TanStack Query holds a write while the browser is offline and sends it when the connection
 * returns: say so, so the user neither waits on a silent button nor retypes what is already kept.
 */
export function OfflineNotice({ paused }: { paused: boolean }) {
  const { t } = useTranslation();
  if (!paused) return null;
  return (
    <div className="alert alert--warning" role="alert">
      <p>{t("history.offline")}</p>
    </div>
  );
}
