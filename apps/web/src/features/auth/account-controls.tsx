import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useErrorText } from "../../ui/query-error.tsx";
import { useSession, useSignOut } from "./use-session.ts";

/** The header's account block: who is signed in, and the way out. Nothing while signed out. */
export function AccountControls() {
  const { t } = useTranslation();
  const session = useSession();
  const signOut = useSignOut();
  const errorText = useErrorText();
  if (!session.data) return null;
  return (
    <div className="account">
      <Link to="/compte" className="account__name">
        {t("auth.signedInAs", { name: session.data.name })}
      </Link>
      <button
        type="button"
        className="button button--secondary button--small"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        {signOut.isPending ? t("auth.signingOut") : t("auth.signOut")}
      </button>
      {signOut.isError && (
        <p className="account__error" role="alert">
          {errorText(signOut.error)}
        </p>
      )}
    </div>
  );
}
