import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { ProConnectButton } from "./proconnect-button.tsx";

interface PendingAgent {
  email: string;
  name: string;
  siret: string;
  territory: { id: string; name: string; via: "territory" | "commune"; communeName: string | null } | null;
  hasAccount: boolean;
}

async function readPending(): Promise<PendingAgent | null> {
  const response = await fetch("/auth/proconnect/pending", { headers: { accept: "application/json" } });
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return ((await response.json()) as { pending: PendingAgent }).pending;
}

async function sendRequest(): Promise<{ created: boolean }> {
  const response = await fetch("/auth/proconnect/access-request", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: "{}",
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as { created: boolean };
}

/** SIRET as INSEE prints it: 213 300 635 00017. */
function formatSiret(siret: string): string {
  return /^\d{14}$/.test(siret)
    ? `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)} ${siret.slice(9)}`
    : siret;
}

/**
 * Where ProConnect brings an agent who has no Trame account: whom they may ask for access (the
 * territory their SIRET belongs to), or a clear word that nobody here can let them in.
 */
export default function ProConnectAccessPage() {
  const { t } = useTranslation();
  usePageTitle(t("proconnect.access.title"));
  const pending = useQuery({ queryKey: ["proconnect", "pending"], queryFn: readPending, retry: false });
  const request = useMutation({ mutationFn: sendRequest });

  return (
    <div className="narrow">
      <h1>{t("proconnect.access.title")}</h1>
      {pending.isPending && <p role="status">{t("proconnect.access.loading")}</p>}
      {pending.isError && (
        <div className="alert alert--error" role="alert">
          <p>{t("proconnect.access.failed")}</p>
        </div>
      )}
      {pending.isSuccess && !pending.data && (
        <>
          <p className="lead">{t("proconnect.access.expired")}</p>
          <ProConnectButton />
        </>
      )}
      {pending.data && (
        <>
          <p className="lead">
            {t("proconnect.access.identity", {
              name: pending.data.name,
              email: pending.data.email,
              siret: formatSiret(pending.data.siret),
            })}
          </p>
          {pending.data.hasAccount ? (
            <>
              <p>{t("proconnect.access.hasAccount")}</p>
              <ProConnectButton />
            </>
          ) : pending.data.territory ? (
            request.isSuccess ? (
              <div className="alert" role="status">
                <p>{t("proconnect.access.sent", { territory: pending.data.territory.name })}</p>
              </div>
            ) : (
              <>
                <p>
                  {pending.data.territory.via === "commune"
                    ? t("proconnect.access.viaCommune", {
                        commune: pending.data.territory.communeName,
                        territory: pending.data.territory.name,
                      })
                    : t("proconnect.access.viaTerritory", { territory: pending.data.territory.name })}
                </p>
                {request.isError && (
                  <div className="alert alert--error" role="alert">
                    <p>{t("proconnect.access.sendFailed")}</p>
                  </div>
                )}
                <button type="button" className="button" disabled={request.isPending} onClick={() => request.mutate()}>
                  {request.isPending
                    ? t("proconnect.access.sending")
                    : t("proconnect.access.send", { territory: pending.data.territory.name })}
                </button>
              </>
            )
          ) : (
            <div className="alert alert--error" role="alert">
              <p>{t("proconnect.access.unknown")}</p>
            </div>
          )}
        </>
      )}
      <p>
        <Link to="/connexion">{t("proconnect.access.back")}</Link>
      </p>
    </div>
  );
}
