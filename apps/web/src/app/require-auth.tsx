import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { signInPathFor } from "../features/auth/return-path.ts";
import { useSession } from "../features/auth/use-session.ts";
import { QueryError } from "../ui/query-error.tsx";

/** Guards every route below it: signed-out users go to sign-in, and come back here afterwards. */
export function RequireAuth() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <p role="status">{t("auth.checking")}</p>;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={signInPathFor(location)} replace />;
  return <Outlet />;
}
