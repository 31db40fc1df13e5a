import { Result, Spin } from "antd";
import { Navigate, Outlet, useLocation } from "react-router";
import type { Role } from "@luoshi/contract";
import { hasAnyRole, useSession, useUser } from "./session.tsx";

/**
 * Signed-in screens: anonymous users go to 登录 (remembering where they were going); a user who must change the
 * initial password can reach nothing but 修改密码 — the server refuses their writes anyway.
 */
export function RequireSession() {
  const { state } = useSession();
  const location = useLocation();
  if (state.status === "loading") {
    return (
      <div style={{ display: "grid", placeItems: "center", minHeight: "100vh" }}>
        <Spin size="large" description="正在加载…" />
      </div>
    );
  }
  if (state.status === "anonymous") {
    return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  }
  if (state.user.mustChangePassword && location.pathname !== "/password") {
    return <Navigate to="/password" replace />;
  }
  return <Outlet />;
}

/** A screen for some roles only; the others see a Chinese 403 rather than a page of failed requests. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const user = useUser();
  if (!hasAnyRole(user, roles)) {
    return <Result status="403" title="没有权限" subTitle="您的角色无权访问此页面，如需开通请联系系统管理员。" />;
  }
  return <Outlet />;
}
