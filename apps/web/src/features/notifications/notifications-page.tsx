import { useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";

/** The user's notifications, newest first, each a link to what happened; mark one or all read. */
export default function NotificationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t("notifications.title"));
  const queryClient = useQueryClient();
  const pages = useInfiniteQuery(
    trpc.notification.list.infiniteQueryOptions(
      { limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const refresh = () => {
    void queryClient.invalidateQueries(trpc.notification.pathFilter());
  };
  const markRead = useMutation(trpc.notification.markRead.mutationOptions({ onSuccess: refresh }));
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];
  const anyUnread = items.some((i) => i.readAt === null);

  return (
    <article className="notifications">
      <h1>{t("notifications.title")}</h1>
      <p>{t("notifications.intro")}</p>
      {anyUnread && (
        <button
          type="button"
          className="button button--secondary"
          disabled={markRead.isPending}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t("notifications.markAllRead")}
        </button>
      )}
      {pages.isPending ? (
        <p role="status">{t("app.loading")}</p>
      ) : items.length === 0 ? (
        <p>{t("notifications.empty")}</p>
      ) : (
        <ul className="notifications__list" aria-label={t("notifications.listLabel")}>
          {items.map((item) => {
            const title = format.label(item.title);
            return (
              <li key={item.id} className={item.readAt ? "notification" : "notification notification--unread"}>
                <Link
                  to={item.link}
                  className="notification__link"
                  onClick={() => item.readAt === null && markRead.mutate({ ids: [item.id] })}
                >
                  {item.readAt === null && <span className="visually-hidden">{t("notifications.unread")} : </span>}
                  {title}
                </Link>
                <span className="notification__meta">
                  <time dateTime={item.createdAt}>{format.dateTime(item.createdAt)}</time>
                  {item.readAt === null && (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={markRead.isPending}
                      onClick={() => markRead.mutate({ ids: [item.id] })}
                      aria-label={`${t("notifications.markRead")} : ${title}`}
                    >
                      {t("notifications.markRead")}
                    </button>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {pages.hasNextPage && (
        <button
          type="button"
          className="button button--secondary"
          disabled={pages.isFetchingNextPage}
          onClick={() => void pages.fetchNextPage()}
        >
          {t("notifications.more")}
        </button>
      )}
    </article>
  );
}
