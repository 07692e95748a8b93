import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { QueryError, useErrorText } from "../../ui/query-error.tsx";
import { ScrollRegion } from "../../ui/scroll-region.tsx";
import { AdminFrame } from "./admin-frame.tsx";
import { FailedJobs } from "./failed-jobs.tsx";

const PARAM = "message";
const PAGE = 20;

/**
 * The mail outbox for instance administrators: every message Trame wrote, sent or not. On an
 * instance without SMTP this is where an invitation's link is read.
 */
export default function AdminMailPage() {
  const { t } = useTranslation();
  return (
    <AdminFrame title={t("admin.mail.title")} instanceOnly>
      {() => <MailScreen />}
    </AdminFrame>
  );
}

function MailScreen() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const opened = params.get(PARAM);
  return (
    <>
      <p className="lead">{t("admin.mail.intro")}</p>
      {opened ? <MailMessage id={opened} /> : <MailList />}
      <FailedJobs />
    </>
  );
}

function MailList() {
  const { t } = useTranslation();
  const format = useFormat();
  const errorText = useErrorText();
  const [offset, setOffset] = useState(0);
  const list = useQuery(trpc.admin.mailOutbox.queryOptions({ limit: PAGE, offset }));
  const [sentTo, setSentTo] = useState<string | null>(null);
  const sendTest = useMutation(
    trpc.admin.sendTestMail.mutationOptions({
      onSuccess() {
        setSentTo(t("admin.mail.testQueued"));
        void queryClient.invalidateQueries(trpc.admin.mailOutbox.pathFilter());
      },
    }),
  );

  return (
    <section aria-labelledby="mail-list-title">
      <div className="admin-toolbar">
        <h2 id="mail-list-title">{t("admin.mail.listTitle")}</h2>
        <button
          type="button"
          className="button button--secondary"
          disabled={sendTest.isPending}
          onClick={() => {
            setSentTo(null);
            sendTest.mutate();
          }}
        >
          {t("admin.mail.sendTest")}
        </button>
      </div>
      <p role="status" className="admin-status">
        {sentTo}
      </p>
      {sendTest.error && (
        <div className="alert alert--error" role="alert">
          <p>{errorText(sendTest.error)}</p>
        </div>
      )}
      {list.error && <QueryError error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && list.data.items.length === 0 && <p>{t("admin.mail.empty")}</p>}
      {list.data && list.data.items.length > 0 && (
        <ScrollRegion label={t("admin.mail.caption")}>
          <table className="entity-table admin-table">
            <caption className="visually-hidden">{t("admin.mail.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("admin.mail.subject")}</th>
                <th scope="col">{t("admin.mail.to")}</th>
                <th scope="col">{t("admin.mail.date")}</th>
                <th scope="col">{t("admin.mail.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.data.items.map((message) => (
                <tr key={message.id}>
                  <th scope="row">
                    <Link to={`?${PARAM}=${message.id}`}>{message.subject}</Link>
                  </th>
                  <td>{message.to}</td>
                  <td>{format.dateTime(message.createdAt)}</td>
                  <td>
                    {t(`admin.mail.statuses.${message.status}`)}
                    {message.lastError && (
                      <>
                        <br />
                        <span className="muted">{message.lastError}</span>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {list.data && (offset > 0 || list.data.hasMore) && (
        <div className="admin-pager">
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t("admin.mail.newer")}
          </button>
          <button
            type="button"
            className="button button--secondary button--small"
            disabled={!list.data.hasMore}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t("admin.mail.older")}
          </button>
        </div>
      )}
    </section>
  );
}

function MailMessage({ id }: { id: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const message = useQuery(trpc.admin.mailMessage.queryOptions({ id }));
  if (message.error) return <QueryError error={message.error} onRetry={() => void message.refetch()} />;
  if (!message.data) return <p>{t("admin.mail.loading")}</p>;
  const data = message.data;
  return (
    <article className="admin-mail" aria-labelledby="mail-subject">
      <p>
        <Link to="/admin/courriels">{t("admin.mail.back")}</Link>
      </p>
      <h2 id="mail-subject">{data.subject}</h2>
      <dl className="admin-mail__meta">
        <dt>{t("admin.mail.to")}</dt>
        <dd>{data.to}</dd>
        <dt>{t("admin.mail.date")}</dt>
        <dd>{format.dateTime(data.createdAt)}</dd>
        <dt>{t("admin.mail.status")}</dt>
        <dd>
          {t(`admin.mail.statuses.${data.status}`)}
          {data.sentAt && ` (${format.dateTime(data.sentAt)})`}
        </dd>
      </dl>
      <h3>{t("admin.mail.links")}</h3>
      <ul className="admin-mail__links">
        {data.links.map((link) => (
          <li key={link}>
            <a href={link}>{link}</a>
          </li>
        ))}
      </ul>
      <h3>{t("admin.mail.text")}</h3>
      <pre className="admin-mail__text">{data.text}</pre>
      <h3>{t("admin.mail.html")}</h3>
      {/* Sandboxed without scripts: the message is shown as a client would, and can run nothing here. */}
      <iframe className="admin-mail__html" title={t("admin.mail.htmlFrame")} sandbox="" srcDoc={data.html} />
    </article>
  );
}
