import { useTranslation } from "react-i18next";
import { queryClient, trpc } from "../../lib/trpc.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { ChangePasswordForm } from "./change-password-form.tsx";
import "./account.css";

/**
 * Shown instead of any page while an administrator requires a new password: the server refuses
 * everything but auth.* until then, so the person meets this form rather than a wall of errors.
 */
export default function ForcedPasswordChange() {
  const { t } = useTranslation();
  usePageTitle(t("account.forced.title"));
  return (
    <>
      <h1>{t("account.forced.title")}</h1>
      <div className="alert">
        <p>{t("account.forced.intro")}</p>
      </div>
      <div className="account-page">
        <ChangePasswordForm
          onChanged={() => {
            // The server has cleared the requirement: the page asked for comes back.
            void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
          }}
        />
      </div>
    </>
  );
}
