import { Suspense, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, ScrollRestoration, useLocation } from "react-router";
import { Header } from "./header.tsx";

export function Layout() {
  const { t } = useTranslation();
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
      <Header />
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
