import type { ParsedPlan, UnitRole } from "@luoshi/contract";

/**
 * What an export needs to know about a plan, and nothing about where it is stored: the plan storage builds this
 * from a stored or published plan (viewFromStoredPlan), the CLI from the parser's output (viewFromParsedPlan).
 * Pure, no I/O.
 */

export type ExportUnit = { name: string; role: UnitRole };

export type PlanExportItem = {
  /** Numbers as the source prints them, outermost first, the item's own number last: ["一", "（一）", "1"]. */
  path: string[];
  /** Category titles without their numbers, outermost first; may be shorter than the deepest item's. */
  headings: string[];
  text: string;
  criteria: string | null;
  deadlineText: string | null;
  units: ExportUnit[];
  /**
   * Stored plans only: the registry units the item is assigned to once groups are expanded, by normalised name
   * (江门市司法局 named as 市司法局, a county government reached through 各县（市、区）政府). A unit's task list
   * finds its items here first, then by the name as written.
   */
  assignedRoles?: Readonly<Record<string, UnitRole>>;
};

/**
 * The table's columns, in order. One "heading" column per category level, so 一、 and （一） cells can be merged
 * over their items the way the published tables are. "role" only appears in a per-unit task list.
 */
export type PlanExportColumn =
  | { key: "heading"; level: number; header: string }
  | { key: "text" | "criteria" | "units" | "deadline"; header: string }
  | { key: "role"; header: string; unitName: string };

export type PlanExportView = {
  title: string;
  /** A line under the title, e.g. which plan a unit's task list comes from. */
  subtitle: string | null;
  jurisdictionName: string;
  year: number | null;
  versionLabel: string | null;
  columns: PlanExportColumn[];
  items: PlanExportItem[];
};

export type ViewMeta = {
  title?: string;
  jurisdictionName?: string;
  year?: number | null;
  versionLabel?: string | null;
};

const DEFAULT_LEVEL_HEADERS = ["工作类别", "工作事项", "具体事项", "子项"];

export function viewFromParsedPlan(plan: ParsedPlan, meta: ViewMeta = {}): PlanExportView {
  const items: PlanExportItem[] = plan.items.map((item) => ({
    path: item.path,
    headings: item.headings,
    text: item.text,
    criteria: item.criteria,
    deadlineText: deadlineText(item.deadlines),
    units: item.units.map((u) => ({ name: u.name, role: u.role })),
  }));
  return viewOf({ title: plan.title, columns: plan.columns, items }, meta);
}

/** A plan as stored (the office's draft) or as published (a version's snapshot): units as written, plus whom they reach. */
export type StoredPlanForExport = {
  title: string | null;
  columns: string[];
  items: {
    path: string[];
    headings: string[];
    text: string;
    criteria: string | null;
    deadlines: readonly { text: string }[];
    units: readonly { rawName: string; role: UnitRole }[];
    assigned: readonly { unitName: string; role: UnitRole }[];
  }[];
};

export function viewFromStoredPlan(plan: StoredPlanForExport, meta: ViewMeta = {}): PlanExportView {
  const items: PlanExportItem[] = plan.items.map((item) => ({
    path: item.path,
    headings: item.headings,
    text: item.text,
    criteria: item.criteria,
    deadlineText: deadlineText(item.deadlines),
    units: item.units.map((u) => ({ name: u.rawName, role: u.role })),
    assignedRoles: Object.fromEntries(item.assigned.map((a) => [normalizeUnitName(a.unitName), a.role])),
  }));
  return viewOf({ title: plan.title, columns: plan.columns, items }, meta);
}

const deadlineText = (deadlines: readonly { text: string }[]) =>
  deadlines.length > 0 ? deadlines.map((d) => d.text).join("；") : null;

function viewOf(
  plan: { title: string | null; columns: string[]; items: PlanExportItem[] },
  meta: ViewMeta,
): PlanExportView {
  const items = plan.items;
  const title = meta.title ?? plan.title ?? "分工方案";
  return {
    title,
    subtitle: null,
    jurisdictionName: meta.jurisdictionName ?? "",
    year: meta.year ?? yearFromTitle(title),
    versionLabel: meta.versionLabel ?? null,
    columns: columnsFor(plan.columns, items),
    items,
  };
}

/**
 * Keeps the source's own header words where they can be placed: the units, criteria and deadline columns are
 * recognised by name, the column before them holds the items, and the ones before that the categories, counted
 * from the right (seed 004 has a blank header over its （一） column and prints 一、 as a spanning row).
 */
function columnsFor(source: string[], items: PlanExportItem[]): PlanExportColumn[] {
  const depth = Math.max(0, ...items.map((i) => i.headings.length));
  const isUnits = (h: string) => /责任|单位|牵头/.test(h);
  const isCriteria = (h: string) => /评价|标准|考核|指标/.test(h);
  const isDeadline = (h: string) => /时限|期限|时间/.test(h);
  const rest = source.filter((h) => !isUnits(h) && !isCriteria(h) && !isDeadline(h));
  const textHeader = rest.at(-1)?.trim() || "工作任务";
  const levelSource = rest.slice(0, -1);
  const columns: PlanExportColumn[] = [];
  for (let level = 0; level < depth; level++) {
    const fromSource = levelSource[levelSource.length - depth + level]?.trim();
    columns.push({ key: "heading", level, header: fromSource || (DEFAULT_LEVEL_HEADERS[level] ?? `第${level + 1}级`) });
  }
  columns.push({ key: "text", header: textHeader });
  const criteriaHeader = source.find(isCriteria);
  if (criteriaHeader !== undefined || items.some((i) => i.criteria)) {
    columns.push({ key: "criteria", header: criteriaHeader ?? "评价标准" });
  }
  columns.push({ key: "units", header: source.find(isUnits) ?? "责任单位" });
  // Deadlines the parser found inside the task text are not a column of their own unless the source had one.
  const deadlineHeader = source.find(isDeadline);
  if (deadlineHeader !== undefined) columns.push({ key: "deadline", header: deadlineHeader });
  return columns;
}

function yearFromTitle(title: string): number | null {
  const match = /(20\d{2})\s*年/.exec(title);
  return match?.[1] ? Number(match[1]) : null;
}

/** "一" → "一、", "（一）" stays, "1" → "1.", as the 公文 heading levels print them (GB/T 9704 一、（一）1.（1）). */
export function formatNumber(segment: string): string {
  const s = segment.trim();
  if (s === "") return "";
  if (/^[零〇一二三四五六七八九十百]+$/.test(s)) return `${s}、`;
  if (/^\d+$/.test(s)) return `${s}.`;
  if (/^[(（].*[)）]$/.test(s)) return s.replace(/^\(/, "（").replace(/\)$/, "）");
  return s;
}

export function headingLabel(item: PlanExportItem, level: number): string {
  const heading = item.headings[level];
  if (heading === undefined) return "";
  return `${formatNumber(item.path[level] ?? "")}${heading}`;
}

/** The item's own number, which follows its headings' numbers in the path. */
export function itemNumber(item: PlanExportItem): string {
  return item.path.length > item.headings.length ? formatNumber(item.path.at(-1) ?? "") : "";
}

const ROLE_ORDER: readonly UnitRole[] = ["lead", "assist", "responsible", "supervise"];
export const ROLE_LABELS: Record<UnitRole, string> = {
  lead: "牵头",
  assist: "配合",
  responsible: "负责",
  supervise: "监督",
};

/**
 * “市财政局牵头，市有关单位配合，各县（市、区）政府落实”: one run per role in the order the documents use. A list of
 * implementing units alone carries no role word (“市政府办公室、市司法局”), as in the seeds; 落实 is only said when a
 * lead or assisting unit is named beside them.
 */
export function formatUnits(units: readonly ExportUnit[]): string {
  const hasLeadOrAssist = units.some((u) => u.role === "lead" || u.role === "assist");
  const runs: string[] = [];
  for (const role of ROLE_ORDER) {
    const names = units.filter((u) => u.role === role).map((u) => u.name);
    if (names.length === 0) continue;
    const list = [...new Set(names)].join("、");
    if (role === "lead") runs.push(`${list}牵头`);
    else if (role === "assist") runs.push(`${list}配合`);
    else if (role === "supervise") runs.push(`${list}负责监督落实`);
    else runs.push(hasLeadOrAssist ? `${list}落实` : list);
  }
  return runs.join("，");
}

/** Half- and full-width brackets and stray spaces differ between sources of the same name: 各县(市、区)政府. */
export function normalizeUnitName(name: string): string {
  return name.replace(/\s+/g, "").replace(/\(/g, "（").replace(/\)/g, "）");
}

export function findUnitRole(item: PlanExportItem, unitName: string): UnitRole | undefined {
  const wanted = normalizeUnitName(unitName);
  const assigned = item.assignedRoles?.[wanted];
  if (assigned) return assigned;
  const roles = item.units.filter((u) => normalizeUnitName(u.name) === wanted).map((u) => u.role);
  // A unit named twice (lead here, assist there) is shown in its strongest role.
  return ROLE_ORDER.find((r) => roles.includes(r));
}

/**
 * 本单位任务清单: only the items that name the unit, with a column saying its role. Group names (各县（市、区）政府)
 * are matched as written unless the view carries the expanded assignments (viewFromStoredPlan).
 */
export function viewForUnit(view: PlanExportView, unitName: string): PlanExportView {
  const columns = [...view.columns];
  const unitsAt = columns.findIndex((c) => c.key === "units");
  columns.splice(unitsAt + 1, 0, { key: "role", header: "本单位职责", unitName });
  return {
    ...view,
    title: `${unitName}任务清单`,
    subtitle: `（摘自《${view.title}》）`,
    columns,
    items: view.items.filter((item) => findUnitRole(item, unitName) !== undefined),
  };
}
