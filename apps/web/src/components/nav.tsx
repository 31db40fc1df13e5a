import {
  ApartmentOutlined,
  AuditOutlined,
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
};

/** The left navigation. Later capabilities plug in here: give them a route and drop `upcoming`. */
export const NAV_ITEMS: readonly NavItem[] = [
  { path: "/", label: "工作台", icon: <DashboardOutlined />, roles: "all" },
  { path: "/plans", label: "计划", icon: <FileTextOutlined />, roles: "all", upcoming: true },
  { path: "/ledger", label: "台账", icon: <ProfileOutlined />, roles: "all", upcoming: true },
  { path: "/assessment", label: "考核", icon: <BarChartOutlined />, roles: "all", upcoming: true },
  { path: "/org", label: "组织机构", icon: <ApartmentOutlined />, roles: ["admin", "office", "viewer", "evaluator"] },
  { path: "/users", label: "用户管理", icon: <TeamOutlined />, roles: ["admin", "office"] },
  { path: "/audit", label: "审计日志", icon: <AuditOutlined />, roles: ["admin", "office"] },
];

/** Who may change the organisation registry (the server's WRITERS for /api/org). */
export const ORG_WRITERS: readonly Role[] = ["admin", "office"];

export function canSee(item: NavItem, roles: readonly Role[]): boolean {
  return item.roles === "all" || roles.some((role) => item.roles.includes(role));
}
