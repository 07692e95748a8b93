import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "react-router";
import { AccountControls } from "../features/auth/account-controls.tsx";
import { NotificationBell } from "../features/notifications/notification-bell.tsx";
import { LanguageSwitch } from "../i18n/language-switch.tsx";
import { useMediaQuery } from "../ui/use-media-query.ts";
import { Brand } from "./brand.tsx";
import { DemoBanner } from "./demo-banner.tsx";
import { MainNav } from "./main-nav.tsx";

/** Below this width the bar, the tools and the five links took 525 of a phone's 844 px: they fold into a menu. */
const COMPACT = "(max-width: 48rem)";
/** One header per page: a fixed id that a test or a skip link can aim at. */
const PANEL_ID = "header-menu";

export function Header() {
  return useMediaQuery(COMPACT) ? <CompactHeader /> : <WideHeader />;
}

function WideHeader() {
  return (
    <header className="header">
      <DemoBanner />
      <div className="container header__bar">
        <Brand />
        <div className="header__tools">
          <LanguageSwitch />
          <NotificationBell />
          <AccountControls />
        </div>
      </div>
      <MainNav listClassName="container nav__list" />
    </header>
  );
}

/**
 * A phone's header: the brand, the bell (unread counts stay one tap away) and a "Menu" disclosure holding the
 * navigation, the language and the account. The panel is hidden, not unmounted: the language switch also
 * applies the account's language at sign-in.
 */
function CompactHeader() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const { pathname } = useLocation();

  // Following a link closes the menu: the new page is what the user asked to see.
  useEffect(() => setOpen(false), [pathname]);

  // Escape closes it from anywhere and gives the focus back to the button, as a disclosure menu should.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <header className="header">
      <DemoBanner />
      <div className="container header__bar header__bar--compact">
        <Brand />
        <div className="header__tools">
          <NotificationBell />
          <button
            ref={button}
            type="button"
            className="button button--secondary button--small menu-button"
            aria-expanded={open}
            aria-controls={PANEL_ID}
            onClick={() => setOpen((wasOpen) => !wasOpen)}
          >
            {t("app.menu")}
          </button>
        </div>
      </div>
      <div id={PANEL_ID} className="header__menu" hidden={!open}>
        <MainNav listClassName="container nav__list nav__list--stacked" />
        <div className="container header__menu-tools">
          <LanguageSwitch />
          <AccountControls />
        </div>
      </div>
    </header>
  );
}
