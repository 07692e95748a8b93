import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import "./proconnect.css";

/** Whether the server has ProConnect configured: without it, no button at all. */
export function useProConnectEnabled(): boolean {
  const status = useQuery({
    queryKey: ["proconnect", "status"],
    queryFn: async () => {
      const response = await fetch("/auth/proconnect/status");
      if (!response.ok) return { enabled: false };
      return (await response.json()) as { enabled: boolean };
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
  return status.data?.enabled ?? false;
}

/**
 * ProConnect's button as its guidelines describe it (DSFR `fr-connect`): "S’identifier avec
 * ProConnect" on the State's blue, and beneath it the link explaining ProConnect, in a new window.
 * A plain link: the server starts the flow and redirects to the provider.
 */
export function ProConnectButton() {
  const { t } = useTranslation();
  return (
    <div className="proconnect-group">
      <a className="proconnect-button" href="/auth/proconnect/login">
        <span className="proconnect-button__login">{t("proconnect.button.login")}</span>{" "}
        <span className="proconnect-button__brand">ProConnect</span>
      </a>
      <p>
        <a
          href="https://www.proconnect.gouv.fr/"
          target="_blank"
          rel="noopener noreferrer"
          title={t("proconnect.button.whatTitle")}
        >
          {t("proconnect.button.what")}
        </a>
      </p>
    </div>
  );
}
