import { membershipRoleLabels } from "@trame/core";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useFormat } from "../../i18n/format.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { EmptyState } from "../../ui/empty-state.tsx";
import { useSession } from "../auth/use-session.ts";
import { ChangePasswordForm } from "./change-password-form.tsx";
import { LanguagePreference } from "./language-preference.tsx";
import { MailPreferences } from "./mail-preferences.tsx";
import { MySessions } from "./my-sessions.tsx";
import "../../ui/entity-page.css";
import "./account.css";
import { ScrollRegion } from "../../ui/scroll-region.tsx";

export default function AccountPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t("account.title"));
  const user = useSession().data;
  // The route guard has waited for the session.
  if (!user) return null;

  return (
    <>
      <h1>{t("account.title")}</h1>
      <div className="account-page">
        <div>
          <section className="panel" aria-labelledby="account-identity">
            <h2 id="account-identity">{t("account.identity.title")}</h2>
            <dl className="facts-list">
              <div>
                <dt>{t("account.identity.name")}</dt>
                <dd>{user.name}</dd>
              </div>
              <div>
                <dt>{t("account.identity.email")}</dt>
                <dd>{user.email}</dd>
              </div>
              {user.isInstanceAdmin && (
                <div>
                  <dt>{t("account.identity.rights")}</dt>
                  <dd>{t("account.identity.instanceAdmin")}</dd>
                </div>
              )}
            </dl>
          </section>
          <section className="panel" aria-labelledby="account-memberships">
            <h2 id="account-memberships">{t("account.memberships.title")}</h2>
            {user.memberships.length === 0 ? (
              <EmptyState title={t("account.memberships.empty")}>
                <p>{t("account.memberships.emptyHint")}</p>
              </EmptyState>
            ) : (
              <ScrollRegion label={t("account.memberships.caption")}>
                <table className="entity-table">
                  <caption className="visually-hidden">{t("account.memberships.caption")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("account.memberships.territory")}</th>
                      <th scope="col">{t("account.memberships.role")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {user.memberships.map((membership) => (
                      <tr key={membership.territoryId}>
                        <th scope="row">
                          <Link to={`/territoires/${membership.territoryId}`}>{membership.territoryName}</Link>
                        </th>
                        <td>{format.label(membershipRoleLabels[membership.role])}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollRegion>
            )}
          </section>
          <LanguagePreference locale={user.locale} />
          <MailPreferences />
        </div>
        <div>
          <ChangePasswordForm />
          <MySessions />
        </div>
      </div>
    </>
  );
}
