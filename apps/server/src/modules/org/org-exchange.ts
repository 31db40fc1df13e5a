import { unitKindSchema, type Jurisdiction, type Unit, type UnitGroup, type UnitKind } from "@luoshi/contract";
import type { Table } from "./org-sheets.ts";

/**
 * The registry as two tables the office can edit in Excel or WPS: units and groups, with Chinese columns.
 * Pure: registry data → tables, and tables → validated rows with row-numbered Chinese errors.
 */

export const UNIT_COLUMNS = [
  "行政区划代码",
  "区划名称",
  "单位全称",
  "简称",
  "类别",
  "别名（、分隔）",
  "启用日期",
  "停用日期",
] as const;
export const GROUP_COLUMNS = ["区划代码", "组名", "按事项指定", "成员（、分隔）"] as const;
export const UNIT_SHEET = "单位";
export const GROUP_SHEET = "分组";

export const KIND_LABELS: Record<UnitKind, string> = {
  office: "政府办公室",
  department: "政府工作部门",
  agency: "直属机构",
  government: "人民政府",
  party: "党委部门",
  university: "高等院校",
  enterprise: "企业",
  other: "其他",
};

export type ImportError = { row: number; message: string };
export type UnitImportRow = {
  row: number;
  code: string;
  jurisdictionName: string;
  name: string;
  shortName: string | null;
  kind: UnitKind;
  aliases: string[];
  validFrom: string | null;
  validTo: string | null;
};
export type GroupImportRow = { row: number; code: string; name: string; perItem: boolean; members: string[] };

const LIST_SEPARATOR = /[、,，;；]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function unitsToTable(units: readonly Unit[], jurisdictions: ReadonlyMap<string, Jurisdiction>): Table {
  const rows = units.map((u) => {
    const j = jurisdictions.get(u.jurisdictionId);
    const aliases = u.names.filter((n) => n.kind === "alias" && n.validTo === null).map((n) => n.name);
    return [
      j?.code ?? "",
      j?.name ?? "",
      u.name,
      u.shortName ?? "",
      KIND_LABELS[u.kind],
      aliases.join("、"),
      u.validFrom ?? "",
      u.validTo ?? "",
    ];
  });
  rows.sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? "") || (a[2] ?? "").localeCompare(b[2] ?? "", "zh-CN"));
  return [[...UNIT_COLUMNS], ...rows];
}

export function groupsToTable(
  groups: readonly UnitGroup[],
  jurisdictions: ReadonlyMap<string, Jurisdiction>,
  unitNames: ReadonlyMap<string, string>,
): Table {
  const rows = groups.map((g) => [
    jurisdictions.get(g.jurisdictionId)?.code ?? "",
    g.name,
    g.perItem ? "是" : "否",
    g.memberIds
      .map((id) => unitNames.get(id) ?? id)
      .sort((a, b) => a.localeCompare(b, "zh-CN"))
      .join("、"),
  ]);
  rows.sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? "") || (a[1] ?? "").localeCompare(b[1] ?? "", "zh-CN"));
  return [[...GROUP_COLUMNS], ...rows];
}

/** Which table a header row belongs to, by its first columns. */
export function tableKind(table: Table): "units" | "groups" | undefined {
  const header = (table[0] ?? []).map((c) => c.trim());
  if (header[0] === UNIT_COLUMNS[0] && header[2] === UNIT_COLUMNS[2]) return "units";
  if (header[0] === GROUP_COLUMNS[0] && header[1] === GROUP_COLUMNS[1]) return "groups";
  return undefined;
}

export function parseUnitTable(table: Table, sheet: string): { rows: UnitImportRow[]; errors: ImportError[] } {
  const rows: UnitImportRow[] = [];
  const errors: ImportError[] = [];
  const header = (table[0] ?? []).map((c) => c.trim());
  UNIT_COLUMNS.forEach((column, i) => {
    if (header[i] !== column) errors.push({ row: 1, message: `${sheet}表头第 ${i + 1} 列应为“${column}”` });
  });
  if (errors.length > 0) return { rows, errors };
  table.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const [code, jurisdictionName, name, shortName, kindText, aliases, validFrom, validTo] = cells.map((c) => c.trim());
    if (cells.every((c) => c.trim() === "")) return;
    const fail = (message: string) => errors.push({ row, message: `${sheet}第 ${row} 行：${message}` });
    const kind = parseKind(kindText ?? "");
    const before = errors.length;
    if (!code || !/^\d{6,12}$/.test(code)) fail(`行政区划代码“${code ?? ""}”应为 6–12 位数字`);
    if (!name || [...name].length < 2) fail("单位全称不能为空（至少 2 个字）");
    else if ([...name].length > 100) fail("单位全称不能超过 100 个字");
    if (!kind) fail(`类别“${kindText ?? ""}”无效，应为：${Object.values(KIND_LABELS).join("、")}`);
    for (const [label, value] of [
      ["启用日期", validFrom],
      ["停用日期", validTo],
    ] as const) {
      if (value && !isIsoDate(value)) fail(`${label}“${value}”应为 YYYY-MM-DD 格式的日期`);
    }
    if (validFrom && validTo && isIsoDate(validFrom) && isIsoDate(validTo) && validTo < validFrom) {
      fail("停用日期早于启用日期");
    }
    if (errors.length > before || !code || !name || !kind) return;
    rows.push({
      row,
      code,
      jurisdictionName: jurisdictionName ?? "",
      name,
      shortName: shortName || null,
      kind,
      aliases: splitList(aliases ?? ""),
      validFrom: validFrom || null,
      validTo: validTo || null,
    });
  });
  return { rows, errors };
}

export function parseGroupTable(table: Table, sheet: string): { rows: GroupImportRow[]; errors: ImportError[] } {
  const rows: GroupImportRow[] = [];
  const errors: ImportError[] = [];
  const header = (table[0] ?? []).map((c) => c.trim());
  GROUP_COLUMNS.forEach((column, i) => {
    if (header[i] !== column) errors.push({ row: 1, message: `${sheet}表头第 ${i + 1} 列应为“${column}”` });
  });
  if (errors.length > 0) return { rows, errors };
  table.slice(1).forEach((cells, index) => {
    const row = index + 2;
    const [code, name, perItemText, members] = cells.map((c) => c.trim());
    if (cells.every((c) => c.trim() === "")) return;
    const fail = (message: string) => errors.push({ row, message: `${sheet}第 ${row} 行：${message}` });
    const perItem = perItemText === "是" ? true : perItemText === "否" || !perItemText ? false : undefined;
    const before = errors.length;
    if (!code || !/^\d{6,12}$/.test(code)) fail(`区划代码“${code ?? ""}”应为 6–12 位数字`);
    if (!name || [...name].length < 2) fail("组名不能为空（至少 2 个字）");
    if (perItem === undefined) fail(`按事项指定应填“是”或“否”，不是“${perItemText}”`);
    if (errors.length > before || !code || !name || perItem === undefined) return;
    rows.push({ row, code, name, perItem, members: splitList(members ?? "") });
  });
  return { rows, errors };
}

function parseKind(text: string): UnitKind | undefined {
  const byLabel = (Object.entries(KIND_LABELS) as [UnitKind, string][]).find(([, label]) => label === text);
  if (byLabel) return byLabel[0];
  const parsed = unitKindSchema.safeParse(text);
  return parsed.success ? parsed.data : undefined;
}

function splitList(text: string): string[] {
  return [
    ...new Set(
      text
        .split(LIST_SEPARATOR)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
