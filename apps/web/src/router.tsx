import { createBrowserRouter, Navigate } from "react-router";
import { AppLayout } from "./components/app-layout.tsx";
import { RequireRole, RequireSession } from "./components/guards.tsx";
import { AuditPage } from "./routes/audit/audit-page.tsx";
import { ChangePasswordPage } from "./routes/change-password/change-password-page.tsx";
import { DashboardPage } from "./routes/dashboard/dashboard-page.tsx";
import { LoginPage } from "./routes/login/login-page.tsx";
import { OrgPage } from "./routes/org/org-page.tsx";
import { UsersPage } from "./routes/users/users-page.tsx";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  {
    element: <RequireSession />,
    children: [
      { path: "/password", element: <ChangePasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          {
            element: <RequireRole roles={["admin", "office", "viewer", "evaluator"]} />,
            children: [{ path: "/org", element: <OrgPage /> }],
          },
          {
            element: <RequireRole roles={["admin", "office"]} />,
            children: [
              { path: "/users", element: <UsersPage /> },
              { path: "/audit", element: <AuditPage /> },
            ],
          },
          { path: "*", element: <Navigate to="/" replace /> },
        ],
      },
    ],
  },
]);
