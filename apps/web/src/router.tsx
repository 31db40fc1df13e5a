import { createBrowserRouter, Navigate } from "react-router";
import { AppLayout } from "./components/app-layout.tsx";
import { RequireRole, RequireSession } from "./components/guards.tsx";
import { PLAN_READERS, PLAN_WRITERS, UNIT_TASK_READERS } from "./components/nav.tsx";
import { AuditPage } from "./routes/audit/audit-page.tsx";
import { CalendarPage } from "./routes/calendar/calendar-page.tsx";
import { CoveragePage } from "./routes/coverage/coverage-page.tsx";
import { DraftPage } from "./routes/draft/draft-page.tsx";
import { PublicPlanPage } from "./routes/public-plans/public-plan-page.tsx";
import { PublicPlansPage } from "./routes/public-plans/public-plans-page.tsx";
import { ChangePasswordPage } from "./routes/change-password/change-password-page.tsx";
import { DashboardPage } from "./routes/dashboard/dashboard-page.tsx";
import { DocumentPage } from "./routes/documents/document-page.tsx";
import { MyTasksPage } from "./routes/my-tasks/my-tasks-page.tsx";
import { ImportPage } from "./routes/plans/import-page.tsx";
import { PlanDetailPage } from "./routes/plans/plan-detail-page.tsx";
import { PlansPage } from "./routes/plans/plans-page.tsx";
import { LoginPage } from "./routes/login/login-page.tsx";
import { OrgPage } from "./routes/org/org-page.tsx";
import { UsersPage } from "./routes/users/users-page.tsx";

export const router = createBrowserRouter([
  { path: "/login", element: <LoginPage /> },
  // The public pages: no login (接受社会监督).
  { path: "/public/plans", element: <PublicPlansPage /> },
  { path: "/public/plans/:id", element: <PublicPlanPage /> },
  {
    element: <RequireSession />,
    children: [
      { path: "/password", element: <ChangePasswordPage /> },
      {
        element: <AppLayout />,
        children: [
          { index: true, element: <DashboardPage /> },
          { path: "/calendar", element: <CalendarPage /> },
          {
            element: <RequireRole roles={["admin", "office", "viewer", "evaluator"]} />,
            children: [{ path: "/org", element: <OrgPage /> }],
          },
          {
            element: <RequireRole roles={PLAN_READERS} />,
            children: [
              { path: "/plans", element: <PlansPage /> },
              { path: "/plans/:id", element: <PlanDetailPage /> },
              { path: "/plans/:id/coverage", element: <CoveragePage /> },
              { path: "/documents/:id", element: <DocumentPage /> },
            ],
          },
          {
            element: <RequireRole roles={PLAN_WRITERS} />,
            children: [
              { path: "/plans/import", element: <ImportPage /> },
              { path: "/plans/:id/draft", element: <DraftPage /> },
            ],
          },
          {
            element: <RequireRole roles={UNIT_TASK_READERS} />,
            children: [{ path: "/my", element: <MyTasksPage /> }],
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
