import { useEffect } from "react";
import { useTranslation } from "react-i18next";

/** Each page names itself in the tab title: it is the first thing a screen reader announces after navigation. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const title = t("app.pageTitle", { page });
  useEffect(() => {
    document.title = title;
  }, [title]);
}
