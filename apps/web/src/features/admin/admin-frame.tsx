import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink } from "react-router";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { useSession } from "../auth/use-session.ts";
import { type AdminRights, adminRightsOf, canAdminister } from "./admin-rights.ts";
import "../../ui/entity-page.css";
import "./admin.css";

const TABS = [
  { to: "/admin", label: "admin.users.title" },
  { to: "/admin/territoires", label: "admin.territories.title" },
  { to: "/admin/courriels", label: "admin.mailTab" },
] as const;

interface AdminFrameProps {
  title: string;
  /** Only instance administrators may see this screen (territory administrators see the users one). */
  instanceOnly?: boolean;
  /** The screen; a function when it depends on what the reader may administer. */
  children: ReactNode | ((rights: AdminRights) => ReactNode);
}

/** The administration screens' shared head, and the refusal for whoever has no right to be there. */
export function AdminFrame({ title, instanceOnly = false, children }: AdminFrameProps) {
  const { t } = useTranslation();
  const rights = adminRightsOf(useSession().data);
  const allowed = instanceOnly ? rights.instance : canAdminister(rights);
  usePageTitle(allowed ? title : t("admin.forbidden.title"));

  if (!allowed) {
    return (
      <div className="narrow">
        <h1>{t("admin.forbidden.title")}</h1>
        <p className="lead">
          {instanceOnly && canAdminister(rights) ? t("admin.forbidden.instanceOnly") : t("admin.forbidden.intro")}
        </p>
        <p>
          <Link to={canAdminister(rights) ? "/admin" : "/"}>
            {canAdminister(rights) ? t("admin.forbidden.toUsers") : t("admin.forbidden.home")}
          </Link>
        </p>
      </div>
    );
  }
  return (
    <>
      <p className="entity-header__kind">{t("admin.kicker")}</p>
      <h1>{title}</h1>
      {rights.instance && (
        <nav className="admin-tabs" aria-label={t("admin.sections")}>
          <ul>
            {TABS.map(({ to, label }) => (
              <li key={to}>
                <NavLink to={to} end={to === "/admin"} className="admin-tabs__link">
                  {t(label)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {typeof children === "function" ? children(rights) : children}
    </>
  );
}
