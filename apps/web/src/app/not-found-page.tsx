import { useTranslation } from "react-i18next";
import { Link, useLocation } from "react-router";
import { usePageTitle } from "../lib/use-page-title.ts";

export function NotFoundPage() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  usePageTitle(t("notFound.title"));
  return (
    <div className="narrow">
      <h1>{t("notFound.title")}</h1>
      <p>{t("notFound.body", { path: pathname })}</p>
      <p>
        <Link to="/territoires">{t("notFound.home")}</Link>
      </p>
    </div>
  );
}
