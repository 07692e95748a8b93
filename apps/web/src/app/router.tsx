import { lazy } from "react";
import { createBrowserRouter } from "react-router";
import { Layout } from "./layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { RequireAuth } from "./require-auth.tsx";
import { RouteError } from "./route-error.tsx";

// One chunk per page: the first load carries the shell only, each screen comes when first visited.
const SignInPage = lazy(() => import("../features/auth/sign-in-page.tsx"));
const ProConnectAccessPage = lazy(() => import("../features/proconnect/proconnect-access-page.tsx"));
const TerritorySearchPage = lazy(() => import("../features/territories/territory-search-page.tsx"));
const CooperationPage = lazy(() => import("../features/cooperations/cooperation-page.tsx"));
const ProjectPage = lazy(() => import("../features/projects/project-page.tsx"));
const HomePage = lazy(() => import("../features/home/home-page.tsx"));
const TerritoryPage = lazy(() => import("../features/territory-page/territory-page.tsx"));
const HealthSheetPage = lazy(() => import("../features/health/health-sheet-page.tsx"));
const HealthComparisonPage = lazy(() => import("../features/health/health-comparison-page.tsx"));
const AccountPage = lazy(() => import("../features/account/account-page.tsx"));
const AdminUsersPage = lazy(() => import("../features/admin/admin-users-page.tsx"));
const AdminTerritoriesPage = lazy(() => import("../features/admin/admin-territories-page.tsx"));
const FundingBoardPage = lazy(() => import("../features/funding/funding-board-page.tsx"));

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
          {
            element: <RequireAuth />,
            children: [
              { index: true, element: <HomePage /> },
              { path: "territoires", element: <TerritorySearchPage /> },
              { path: "territoires/:id", element: <TerritoryPage /> },
              { path: "territoires/:id/sante", element: <HealthComparisonPage /> },
              { path: "cooperations/:id", element: <CooperationPage /> },
              { path: "cooperations/:id/sante", element: <HealthSheetPage /> },
              { path: "projets/:id", element: <ProjectPage /> },
              { path: "compte", element: <AccountPage /> },
              { path: "admin", element: <AdminUsersPage /> },
              { path: "admin/territoires", element: <AdminTerritoriesPage /> },
              { path: "financements", element: <FundingBoardPage /> },
            ],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
