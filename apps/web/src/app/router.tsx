import { lazy } from "react";
import { createBrowserRouter, Navigate } from "react-router";
import { Layout } from "./layout.tsx";
import { NotFoundPage } from "./not-found-page.tsx";
import { RequireAuth } from "./require-auth.tsx";
import { RouteError } from "./route-error.tsx";

// One chunk per page: the first load carries the shell only, each screen comes when first visited.
const SignInPage = lazy(() => import("../features/auth/sign-in-page.tsx"));
const TerritorySearchPage = lazy(() => import("../features/territories/territory-search-page.tsx"));

export const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteError standalone />,
    children: [
      {
        // Inside the layout, so a failing page keeps the header and its way out.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/territoires" replace /> },
          { path: "connexion", element: <SignInPage /> },
          {
            element: <RequireAuth />,
            children: [{ path: "territoires", element: <TerritorySearchPage /> }],
          },
          { path: "*", element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);
