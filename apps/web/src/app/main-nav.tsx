import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { adminRightsOf, canAdminister } from "../features/admin/admin-rights.ts";
import { useSession } from "../features/auth/use-session.ts";

/** The main navigation, the same links in the desktop band and in the phone's menu. Nothing while signed out. */
export function MainNav({ listClassName }: { listClassName: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.data) return null;
  const links = [
    { to: "/", label: t("nav.home") },
    { to: "/territoires", label: t("nav.territories") },
    { to: "/carte", label: t("map.nav") },
    ...(canAdminister(adminRightsOf(session.data)) ? [{ to: "/admin", label: t("admin.nav") }] : []),
    { to: "/financements", label: t("funding.nav") },
  ];
  return (
    <nav className="nav" aria-label={t("app.mainNav")}>
      <ul className={listClassName}>
        {links.map((link) => (
          <li key={link.to}>
            {/* `end`: Accueil is current on "/" only, not under every page. */}
            <NavLink to={link.to} end={link.to === "/"} className="nav__link">
              {link.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
