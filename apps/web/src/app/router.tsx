import { type ComponentType, lazy } from "react";
import { createBrowserRouter, type LoaderFunctionArgs } from "react-router";
import { Layout } from "./layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { RequireAuth } from "./require-auth.tsx";
import { RouteError } from "./route-error.tsx";
import { pageChunks, prefetchPage } from "./route-prefetch.ts";

// One chunk per page: the first load carries the shell only, each screen comes when first visited.
const SignInPage = lazy(() => import("../features/auth/sign-in-page.tsx"));
const ProConnectAccessPage = lazy(() => import("../features/proconnect/proconnect-access-page.tsx"));
const TerritorySearchPage = lazy(() => import("../features/territories/territory-search-page.tsx"));
const HomePage = lazy(() => import("../features/home/home-page.tsx"));
const HealthSheetPage = lazy(() => import("../features/health/health-sheet-page.tsx"));
const HealthComparisonPage = lazy(() => import("../features/health/health-comparison-page.tsx"));
const AccountPage = lazy(() => import("../features/account/account-page.tsx"));
const AdminUsersPage = lazy(() => import("../features/admin/admin-users-page.tsx"));
const AdminTerritoriesPage = lazy(() => import("../features/admin/admin-territories-page.tsx"));
const AdminMailPage = lazy(() => import("../features/admin/admin-mail-page.tsx"));
const InvitationPage = lazy(() => import("../features/join/invitation-page.tsx"));
const ForgottenPasswordPage = lazy(() => import("../features/join/forgotten-password-page.tsx"));
const NewPasswordPage = lazy(() => import("../features/join/new-password-page.tsx"));
const FundingBoardPage = lazy(() => import("../features/funding/funding-board-page.tsx"));
const NotificationsPage = lazy(() => import("../features/notifications/notifications-page.tsx"));
const ImportPage = lazy(() => import("../features/import/import-page.tsx"));

/**
 * Runs as the navigation starts, before any element renders (the session check included): the
 * page's code and data leave at once. Returns at once too, so the page shows its own loading states.
 */
function prefetchLoader({ request }: LoaderFunctionArgs) {
  prefetchPage(new URL(request.url));
  return null;
}

/**
 * The pages whose code and data the loader requests together are loaded by the router, not by
 * <Suspense>: no fallback, hence none of React's 300 ms throttled reveal once the chunk has come.
 */
const pageComponent = (chunk: () => Promise<{ default: ComponentType }>) => async () => (await chunk()).default;

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError standalone />,
    children: [
      {
        // Inside the layout, so a failing page keeps the header and its way out.
        errorElement: <RouteError />,
        children: [
          { path: "connexion", element: <SignInPage /> },
          { path: "connexion/proconnect", element: <ProConnectAccessPage /> },
          { path: "invitation", element: <InvitationPage /> },
          { path: "mot-de-passe-oublie", element: <ForgottenPasswordPage /> },
          { path: "nouveau-mot-de-passe", element: <NewPasswordPage /> },
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <HomePage /> },
              { path: "territoires", element: <TerritorySearchPage /> },
              {
                path: "territoires/:id",
                loader: prefetchLoader,
                lazy: { Component: pageComponent(pageChunks.territory) },
              },
              { path: "territoires/:id/sante", element: <HealthComparisonPage /> },
              {
                path: "cooperations/:id",
                loader: prefetchLoader,
                lazy: { Component: pageComponent(pageChunks.cooperation) },
              },
              { path: "cooperations/:id/sante", element: <HealthSheetPage /> },
              { path: "projets/:id", loader: prefetchLoader, lazy: { Component: pageComponent(pageChunks.project) } },
              { path: "compte", element: <AccountPage /> },
              { path: "admin", element: <AdminUsersPage /> },
              { path: "admin/territoires", element: <AdminTerritoriesPage /> },
              { path: "admin/courriels", element: <AdminMailPage /> },
              { path: "financements", element: <FundingBoardPage /> },
              {
                path: "carte",
                loader: prefetchLoader,
                lazy: { Component: pageComponent(pageChunks.nationalMap) },
              },
              { path: "import", element: <ImportPage /> },
              { path: "notifications", element: <NotificationsPage /> },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
