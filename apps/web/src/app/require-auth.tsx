import { lazy } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation } from "react-router";
import { signInPathFor } from "../features/auth/return-path.ts";
import { useSession } from "../features/auth/use-session.ts";
import { QueryError } from "../ui/query-error.tsx";

const ForcedPasswordChange = lazy(() => import("../features/account/forced-password-change.tsx"));
const NoMembership = lazy(() => import("../features/account/no-membership.tsx"));

/**
 * Guards every route below it: signed-out users go to sign-in, and come back here afterwards; an
 * account an administrator asked for a new password sees only the form to set it.
 */
export function RequireAuth() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <p role="status">{t("auth.checking")}</p>;
  if (session.isError) return <QueryError error={session.error} onRetry={() => void session.refetch()} />;
  if (!session.data) return <Navigate to={signInPathFor(location)} replace />;
  // Any address, until the new password is set: then the page asked for appears in place.
  if (session.data.passwordChangeRequired) return <ForcedPasswordChange />;
  // The server shows network data only to members: elsewhere than their account, say so plainly.
  const belongs = session.data.isInstanceAdmin || session.data.memberships.length > 0;
  if (!belongs && location.pathname !== "/compte") return <NoMembership />;
  return <Outlet />;
}
