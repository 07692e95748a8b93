import { useTranslation } from "react-i18next";
import { NavLink } from "react-router";
import { adminRightsOf, canAdminister } from "../features/admin/admin-rights.ts";
import { useSession } from "../features/auth/use-session.ts";

/** The main navigation, the same links in the desktop band and in the phone's menu. Nothing while signed out. */
export function MainNav({ listClassName }: { listClassName: string }) {
  const { t } = useTranslation();
  const session = useSession();
  if (!session.data) return null;
  return (
    <nav className="nav" aria-label={t("app.mainNav")}>
      <ul className={listClassName}>
        <li>
          <NavLink to="/" end className="nav__link">
            {t("nav.home")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/territoires" className="nav__link">
            {t("nav.territories")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/carte" className="nav__link">
            {t("map.nav")}
          </NavLink>
        </li>
        {canAdminister(adminRightsOf(session.data)) && (
          <li>
            <NavLink to="/admin" className="nav__link">
              {t("admin.nav")}
            </NavLink>
          </li>
        )}
        <li>
          <NavLink to="/financements" className="nav__link">
            {t("funding.nav")}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
