import dayjs from "dayjs";
import type { Role, UnitKind, UnitRole } from "@luoshi/contract";

/** What each role is called in the office (政务公开办) vocabulary. */
export const ROLE_LABELS: Record<Role, string> = {
  admin: "系统管理员",
  office: "政务公开办（主管部门）",
  liaison: "单位联络员",
  leader: "单位负责人",
  evaluator: "评估人员",
  viewer: "领导查看",
};

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  office: "政府办公室",
  department: "政府工作部门",
  agency: "直属机构/事业单位",
  government: "下级人民政府",
  party: "党委部门",
  university: "高校",
  enterprise: "企业",
  other: "其他",
};

export const JURISDICTION_LEVEL_LABELS: Record<string, string> = {
  province: "省",
  city: "市",
  county: "县（市、区）",
  town: "乡镇（街道）",
};

export const UNIT_NAME_KIND_LABELS: Record<string, string> = { official: "全称", alias: "别名", short: "简称" };

/** The audit actions the server writes (grep `action: "` in apps/server/src/modules); unknown ones show raw. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  "auth.login": "登录",
  "auth.login_failed": "登录失败",
  "auth.locked": "账号锁定",
  "auth.password_changed": "修改密码",
  "user.created": "创建用户",
  "user.updated": "修改用户",
  "user.disabled": "停用用户",
  "user.enabled": "启用用户",
  "user.password_reset": "重置密码",
  "user.unlocked": "解锁用户",
  "token.created": "创建 API 令牌",
  "token.revoked": "撤销 API 令牌",
  "org.jurisdiction.created": "新建行政区划",
  "org.unit.created": "新建单位",
  "org.unit.updated": "修改单位",
  "org.unit.renamed": "单位更名",
  "org.unit.alias_added": "添加单位别名",
  "org.group.created": "新建单位分组",
  "org.group.members_set": "设置分组成员",
  "org.imported": "导入组织机构",
  "audit.exported": "导出审计日志",
  "plan.file.imported": "导入公文文件",
  "plan.units.mapped": "映射单位名称",
  "plan.item.updated": "修改任务",
  "plan.item.split": "拆分任务",
  "plan.items.merged": "合并任务",
  "plan.published": "发布方案",
  "plan.notice.read": "阅读变更通知",
  "plan.drafted": "据上级方案起草",
  "plan.item.links_set": "记录任务关联",
  "calendar.day.set": "录入工作日历日期",
  "calendar.notice.imported": "导入放假安排通知",
};

/** Prefixes the audit filter accepts: "user" finds user.created, user.updated, … */
export const AUDIT_ACTION_GROUPS: Record<string, string> = {
  auth: "登录与密码（全部）",
  user: "用户（全部）",
  token: "API 令牌（全部）",
  org: "组织机构（全部）",
  plan: "计划（全部）",
  calendar: "工作日历（全部）",
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  user: "用户",
  api_token: "API 令牌",
  jurisdiction: "行政区划",
  unit: "单位",
  unit_group: "单位分组",
  audit_log: "审计日志",
  source_file: "公文文件",
  plan: "方案",
  plan_item: "任务",
  unit_notice: "变更通知",
  calendar_day: "工作日历日期",
  calendar_year: "工作日历年度",
};

/** A unit's role on an item, as the plans print it (牵头/配合/负责/督办). */
export const UNIT_ROLE_LABELS: Record<UnitRole, string> = {
  lead: "牵头",
  assist: "配合",
  responsible: "负责",
  supervise: "督办",
};

/** Dates as the office writes them: 2026-11-22 14:05. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  const d = dayjs(iso);
  return d.isValid() ? d.format("YYYY-MM-DD HH:mm") : iso;
}
