import { Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet, ScrollRestoration, useLocation } from "react-router";
import { adminRightsOf, canAdminister } from "../features/admin/admin-rights.ts";
import { AccountControls } from "../features/auth/account-controls.tsx";
import { useSession } from "../features/auth/use-session.ts";
import { LanguageSwitch } from "../i18n/language-switch.tsx";

export function Layout() {
  const { t } = useTranslation();
  const session = useSession();
  const main = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const shownPath = useRef(pathname);

  // A client-side page change is silent for screen readers: move focus to the new content, as a page load would.
  // Only on a new path: the search page rewrites its query string while the user types in it.
  useEffect(() => {
    if (shownPath.current === pathname) return;
    shownPath.current = pathname;
    main.current?.focus({ preventScroll: true });
  }, [pathname]);

  return (
    <>
      <a className="skip-link" href="#contenu">
        {t("app.skipLink")}
      </a>
      <header className="header">
        <div className="container header__bar">
          <Link to="/" className="brand">
            <span className="brand__mark" aria-hidden="true">
              T
            </span>
            <span className="brand__text">
              <span className="brand__name">{t("app.name")}</span>
              <span className="brand__tagline">{t("app.tagline")}</span>
            </span>
          </Link>
          <div className="header__tools">
            <LanguageSwitch />
            <AccountControls />
          </div>
        </div>
        {session.data && (
          <nav className="nav" aria-label={t("app.mainNav")}>
            <ul className="container nav__list">
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
        )}
      </header>
      <main id="contenu" ref={main} tabIndex={-1} className="container page">
        <Suspense fallback={<p role="status">{t("app.loading")}</p>}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <div className="container">
          <p>{t("app.footer")}</p>
        </div>
      </footer>
      <ScrollRestoration />
    </>
  );
}
