import { useMutation, useQuery } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { Disclosure } from "../../ui/disclosure.tsx";
import { QueryError, useErrorText } from "../../ui/query-error.tsx";

/**
 * The private iCalendar link of this territory. The server keeps only a hash of the token, so the
 * link can be shown once, right after creation; afterwards it can only be revoked.
 */
export function CalendarLink({ territoryId }: { territoryId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const linkId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [created, setCreated] = useState<{ id: string; url: string } | null>(null);
  const createdUrl = created?.url ?? null;
  const [message, setMessage] = useState("");

  const feeds = useQuery(trpc.calendar.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries(trpc.calendar.pathFilter());
  const create = useMutation(
    trpc.calendar.create.mutationOptions({
      onSuccess(feed) {
        setCreated({ id: feed.id, url: new URL(feed.path, window.location.origin).href });
        setMessage(t("territoryPage.calendar.created"));
        void refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.calendar.revoke.mutationOptions({
      onSuccess(feed) {
        if (feed.id === created?.id) setCreated(null);
        setMessage(t("territoryPage.calendar.revoked", { date: format.dateTime(feed.createdAt) }));
        void refresh();
      },
    }),
  );

  async function copy() {
    if (!createdUrl) return;
    try {
      await navigator.clipboard.writeText(createdUrl);
      setMessage(t("territoryPage.calendar.copied"));
    } catch {
      // Clipboard access can be refused (permissions, insecure origin): leave the link selected to copy by hand.
      input.current?.select();
      setMessage(t("territoryPage.calendar.copyFailed"));
    }
  }

  const active = (feeds.data ?? []).filter((feed) => feed.territory.id === territoryId && feed.revokedAt === null);

  return (
    <Disclosure title={t("territoryPage.calendar.title")} className="calendar-link">
      <p>{t("territoryPage.calendar.intro")}</p>
      <p className="calendar-link__warning">{t("territoryPage.calendar.private")}</p>

      {createdUrl ? (
        <div className="calendar-link__created">
          <label htmlFor={linkId} className="field__label">
            {t("territoryPage.calendar.linkLabel")}
          </label>
          <div className="calendar-link__copy">
            <input
              ref={input}
              id={linkId}
              className="field__control"
              readOnly
              value={createdUrl}
              onFocus={(event) => event.target.select()}
            />
            <button type="button" className="button" onClick={() => void copy()}>
              {t("territoryPage.calendar.copy")}
            </button>
          </div>
        </div>
      ) : (
        <button
          type="button"
          className="button"
          disabled={create.isPending}
          onClick={() => create.mutate({ territoryId })}
        >
          {create.isPending ? t("territoryPage.calendar.creating") : t("territoryPage.calendar.create")}
        </button>
      )}
      <p role="status" className="calendar-link__status">
        {message}
      </p>
      {create.isError && (
        <p role="alert" className="field__error">
          {errorText(create.error)}
        </p>
      )}
      {revoke.isError && (
        <p role="alert" className="field__error">
          {errorText(revoke.error)}
        </p>
      )}
      {feeds.isError && <QueryError error={feeds.error} onRetry={() => void feeds.refetch()} />}

      {active.length > 0 && (
        <>
          <h4>{t("territoryPage.calendar.existing")}</h4>
          <ul className="calendar-link__feeds">
            {active.map((feed) => (
              <li key={feed.id}>
                <span>{t("territoryPage.calendar.createdOn", { date: format.dateTime(feed.createdAt) })}</span>
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t("territoryPage.calendar.revokeLabel", { date: format.dateTime(feed.createdAt) })}
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: feed.id })}
                >
                  {t("territoryPage.calendar.revoke")}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Disclosure>
  );
}
