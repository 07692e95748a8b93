import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { handleExpiredSession } from "../../lib/session-draft.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { QueryError, useErrorText } from "../../ui/query-error.tsx";

const PLATFORMS = {
  desktop: "account.sessions.platform.desktop",
  mobile: "account.sessions.platform.mobile",
  tablet: "account.sessions.platform.tablet",
  tv: "account.sessions.platform.tv",
} as const;

interface Device {
  browser: string | null;
  os: string | null;
  platform: string | null;
}

/**
 * The account's open sessions, most recently used first: a forgotten computer or a lost phone is
 * recognised by its browser, system and last activity, and ended from here (on every instance at once).
 */
export function MySessions() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const end = useMutation(
    trpc.auth.endSession.mutationOptions({
      onSettled() {
        void queryClient.invalidateQueries(trpc.auth.sessions.queryFilter());
      },
      onError(error) {
        handleExpiredSession(error);
      },
    }),
  );

  function deviceName(device: Device): string {
    const browser = device.browser ?? t("account.sessions.unknownBrowser");
    const platform =
      device.platform && device.platform in PLATFORMS ? (device.platform as keyof typeof PLATFORMS) : null;
    const kind = platform ? t(PLATFORMS[platform]) : "";
    const where = device.os ? t("account.sessions.on", { browser, os: device.os }) : browser;
    return kind ? `${where} (${kind})` : where;
  }

  return (
    <section className="panel" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t("account.sessions.title")}</h2>
      <p>{t("account.sessions.intro")}</p>
      <div role="status" className="account-page__status">
        {end.isSuccess ? t("account.sessions.ended") : null}
      </div>
      {end.isError && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(end.error)}</p>
        </div>
      )}
      {sessions.isPending ? (
        <p>{t("account.sessions.loading")}</p>
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : (
        <ul className="account-sessions">
          {sessions.data.map((session) => {
            const name = deviceName(session.device);
            return (
              <li key={session.id} className="account-sessions__item">
                <p className="account-sessions__device">
                  <strong>{name}</strong>
                  {session.current && (
                    <span className="account-sessions__current">{t("account.sessions.current")}</span>
                  )}
                </p>
                <p className="account-sessions__times">
                  {t("account.sessions.lastActivity", { when: format.dateTime(session.lastSeenAt) })}
                  <br />
                  {t("account.sessions.started", { when: format.dateTime(session.createdAt) })}
                </p>
                {!session.current && (
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={end.isPending && end.variables?.id === session.id}
                    aria-label={t("account.sessions.endLabel", { device: name })}
                    onClick={() => end.mutate({ id: session.id })}
                  >
                    {t("account.sessions.end")}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
