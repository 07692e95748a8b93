import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { useSession } from "../auth/use-session.ts";
import { useUnreadCount } from "./use-unread-count.ts";

/** The header's bell: a link to the notifications whose name says how many are unread (read out by screen readers). */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSession();
  const signedIn = Boolean(session.data);
  const unread = useUnreadCount(signedIn);
  if (!signedIn) return null;
  const label = unread
    ? t("notifications.bellUnread", { count: unread, formatted: format.number(unread) })
    : t("notifications.bell");
  return (
    <NavLink to="/notifications" className="bell" aria-label={label} title={label}>
      <svg className="bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path d="M12 2a6 6 0 0 0-6 6v4l-2 3v1h16v-1l-2-3V8a6 6 0 0 0-6-6zm0 20a3 3 0 0 0 3-3H9a3 3 0 0 0 3 3z" />
      </svg>
      {unread ? (
        <span className="bell__count" aria-hidden="true">
          {unread > 99 ? "99+" : format.number(unread)}
        </span>
      ) : null}
    </NavLink>
  );
}
