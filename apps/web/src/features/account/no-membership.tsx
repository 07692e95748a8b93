import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { EmptyState } from "../../ui/empty-state.tsx";

/**
 * Network data is for people who belong to a territory (the server refuses the rest): an account
 * with no membership is told why there is nothing to see, and where its own account is.
 */
export default function NoMembership() {
  const { t } = useTranslation();
  usePageTitle(t("account.noMembership.title"));
  return (
    <>
      <h1>{t("account.noMembership.title")}</h1>
      <EmptyState title={t("account.memberships.empty")}>
        <p>{t("account.memberships.emptyHint")}</p>
        <p>
          <Link to="/compte">{t("account.noMembership.account")}</Link>
        </p>
      </EmptyState>
    </>
  );
}
