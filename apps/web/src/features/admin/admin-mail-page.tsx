import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { invalidate, trpc } from "../../lib/trpc.ts";
import { DataTable } from "../../ui/data-table.tsx";
import { ListState } from "../../ui/list-state.tsx";
import { QueryError } from "../../ui/query-error.tsx";
import { AdminFrame } from "./admin-frame.tsx";
import { ListPager } from "./admin-list-pager.tsx";
import { ListSection, useActionOutcome } from "./admin-list-section.tsx";
import { FailedJobs } from "./failed-jobs.tsx";

const PARAM = "message";
const PAGE = 20;

/**
 * The mail outbox for instance administrators: every message Trame wrote, sent or not. On an
 * instance without SMTP this is where an invitation's link is read.
 */
export default function AdminMailPage() {
  const { t } = useTranslation();
  const opened = useSearchParams()[0].get(PARAM);
  return (
    <AdminFrame title={t("admin.mail.title")} instanceOnly>
      <p className="lead">{t("admin.mail.intro")}</p>
      {opened ? <MailMessage id={opened} /> : <MailList />}
      <FailedJobs />
    </AdminFrame>
  );
}

function MailList() {
  const { t } = useTranslation();
  const format = useFormat();
  const [offset, setOffset] = useState(0);
  const list = useQuery(trpc.admin.mailOutbox.queryOptions({ limit: PAGE, offset }));
  const outcome = useActionOutcome();
  const sendTest = useMutation(
    trpc.admin.sendTestMail.mutationOptions({ onSuccess: () => invalidate(trpc.admin.mailOutbox.pathFilter()) }),
  );

  return (
    <ListSection
      titleId="mail-list-title"
      title={t("admin.mail.listTitle")}
      aside={
        <button
          type="button"
          className="button button--secondary"
          disabled={sendTest.isPending}
          onClick={() => outcome.run(sendTest, undefined, () => t("admin.mail.testQueued"))}
        >
          {t("admin.mail.sendTest")}
        </button>
      }
      done={outcome.done}
      error={sendTest.error}
    >
      <ListState query={list} isEmpty={(data) => data.items.length === 0} empty={<p>{t("admin.mail.empty")}</p>}>
        {(data) => (
          <>
            <DataTable
              caption={t("admin.mail.caption")}
              columns={[t("admin.mail.subject"), t("admin.mail.to"), t("admin.mail.date"), t("admin.mail.status")]}
              rows={data.items}
              rowKey={(message) => message.id}
              cells={(message) => [
                <Link to={`?${PARAM}=${message.id}`}>{message.subject}</Link>,
                message.to,
                format.dateTime(message.createdAt),
                <>
                  {t(`admin.mail.statuses.${message.status}`)}
                  {message.lastError && (
                    <>
                      <br />
                      <span className="muted">{message.lastError}</span>
                    </>
                  )}
                </>,
              ]}
            />
            <ListPager
              paged={offset > 0 || data.hasMore}
              previous={{
                label: t("admin.mail.newer"),
                disabled: offset === 0,
                onPress: () => setOffset(Math.max(0, offset - PAGE)),
              }}
              next={{ label: t("admin.mail.older"), disabled: !data.hasMore, onPress: () => setOffset(offset + PAGE) }}
            />
          </>
        )}
      </ListState>
    </ListSection>
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
