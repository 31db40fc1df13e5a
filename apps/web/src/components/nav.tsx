import {
  ApartmentOutlined,
  CheckSquareOutlined,
  AuditOutlined,
  CalendarOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FileTextOutlined,
  ProfileOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { Role } from "@luoshi/contract";

export type NavItem = {
  path: string;
  label: string;
  icon: ReactNode;
  /** Who sees the entry; the server enforces the same roles on the endpoints behind it. */
  roles: readonly Role[] | "all";
  /** A capability of a later release: listed so users see where it will live, but not reachable yet. */
  upcoming?: true;
  /** Other screens that belong under this entry (highlighted as it), e.g. /documents under 计划. */
  alsoFor?: readonly string[];
};

/** Who reads imported documents and plans (the server's READERS for /api/documents and /api/plans/:id drafts). */
export const PLAN_READERS: readonly Role[] = ["admin", "office", "viewer", "evaluator"];
/** Who imports, corrects and publishes plans (the server's WRITERS for /api/imports and plan edits). */
export const PLAN_WRITERS: readonly Role[] = ["admin", "office"];
/** Who opens a unit's task list: liaisons and leaders their own, the office any unit's. */
export const UNIT_TASK_READERS: readonly Role[] = ["liaison", "leader", "admin", "office"];

/** The left navigation. Later capabilities plug in here: give them a route and drop `upcoming`. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: "/", label: "工作台", icon: <DashboardOutlined />, roles: "all" },
  { path: "/plans", label: "计划", icon: <FileTextOutlined />, roles: PLAN_READERS, alsoFor: ["/documents"] },
  { path: "/my", label: "本单位任务", icon: <CheckSquareOutlined />, roles: ["liaison", "leader"] },
  // The office opens the same screen for any unit of its jurisdiction (it picks the unit there).
  { path: "/my", label: "单位任务", icon: <CheckSquareOutlined />, roles: ["admin", "office"] },
  { path: "/ledger", label: "台账", icon: <ProfileOutlined />, roles: "all", upcoming: true },
  { path: "/assessment", label: "考核", icon: <BarChartOutlined />, roles: "all", upcoming: true },
  { path: "/calendar", label: "工作日历", icon: <CalendarOutlined />, roles: "all" },
  { path: "/org", label: "组织机构", icon: <ApartmentOutlined />, roles: ["admin", "office", "viewer", "evaluator"] },
  { path: "/users", label: "用户管理", icon: <TeamOutlined />, roles: ["admin", "office"] },
  { path: "/audit", label: "审计日志", icon: <AuditOutlined />, roles: ["admin", "office"] },
];

/** Who may change the organisation registry (the server's WRITERS for /api/org). */
export const ORG_WRITERS: readonly Role[] = ["admin", "office"];

export function canSee(item: NavItem, roles: readonly Role[]): boolean {
  return item.roles === "all" || roles.some((role) => item.roles.includes(role));
}
