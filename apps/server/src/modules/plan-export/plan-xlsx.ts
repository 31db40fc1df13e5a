import ExcelJS from "exceljs";
import { sanitizeCell } from "../org/org-sheets.ts";
import {
  ROLE_LABELS,
  findUnitRole,
  formatNumber,
  formatUnits,
  headingLabel,
  type PlanExportItem,
  type PlanExportView,
} from "./plan-export.ts";

/**
 * The plan as a ledger (台账) sheet: one row per item and unit, so an office can filter by unit or role and a unit
 * can tick off its own rows. The first row is the title; the header is row 2, frozen and filtered.
 */

export const XLSX_HEADER_ROW = 2;

type Column = { header: string; width: number; value: (row: LedgerRow) => string | number };
type LedgerRow = { index: number; item: PlanExportItem; unit: string; role: string };

function ledgerColumns(levels: number): Column[] {
  const headingColumns: Column[] = [];
  for (let level = 0; level < levels; level++) {
    headingColumns.push({
      header: ["一级", "二级", "三级", "四级"][level] ?? `${level + 1}级`,
      width: level === 0 ? 18 : 22,
      value: (r) => headingLabel(r.item, level),
    });
  }
  return [
    { header: "序号", width: 6, value: (r) => r.index },
    { header: "编号", width: 12, value: (r) => r.item.path.map(formatNumber).join("") },
    ...headingColumns,
    { header: "工作任务/具体要求", width: 50, value: (r) => r.item.text },
    { header: "评价标准", width: 34, value: (r) => r.item.criteria ?? "" },
    { header: "责任单位", width: 20, value: (r) => r.unit },
    { header: "角色", width: 8, value: (r) => r.role },
    { header: "时限", width: 14, value: (r) => r.item.deadlineText ?? "" },
    { header: "全部责任单位", width: 30, value: (r) => formatUnits(r.item.units) },
  ];
}

/** Items without a named unit still get one row, so nothing in the plan drops out of the ledger. */
function ledgerRows(view: PlanExportView, onlyUnit?: string): LedgerRow[] {
  return view.items.flatMap((item, i) => {
    const index = i + 1;
    if (onlyUnit !== undefined) {
      const role = findUnitRole(item, onlyUnit);
      return role ? [{ index, item, unit: onlyUnit, role: ROLE_LABELS[role] }] : [];
    }
    if (item.units.length === 0) return [{ index, item, unit: "", role: "" }];
    return item.units.map((u) => ({ index, item, unit: u.name, role: ROLE_LABELS[u.role] }));
  });
}

export async function planXlsx(view: PlanExportView): Promise<Uint8Array> {
  return writeLedger({ title: view.title, sheet: "分工方案", view, rows: ledgerRows(view) });
}

/** 本单位任务清单 as a sheet: the unit's rows only, its role in the 角色 column. */
export async function unitTaskListXlsx(view: PlanExportView, unitName: string): Promise<Uint8Array> {
  const title = `${unitName}任务清单（${view.title}）`;
  return writeLedger({ title, sheet: "任务清单", view, rows: ledgerRows(view, unitName) });
}

type LedgerOptions = { title: string; sheet: string; view: PlanExportView; rows: LedgerRow[] };

async function writeLedger({ title, sheet: name, view, rows }: LedgerOptions): Promise<Uint8Array> {
  const levels = Math.max(2, ...view.items.map((i) => i.headings.length));
  const hasCriteria = view.items.some((i) => i.criteria);
  // An empty 评价标准 column stays, narrow, so every ledger has the same columns for the office's own formulas.
  const columns = ledgerColumns(levels).map((c) => (c.header === "评价标准" && !hasCriteria ? { ...c, width: 10 } : c));
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "落实 Luoshi";
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: "frozen", ySplit: XLSX_HEADER_ROW }],
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = `${XLSX_HEADER_ROW}:${XLSX_HEADER_ROW}`;
  // Column styles first: exceljs copies them into the cells added later, and a row's own style then overrides.
  // Wrapped, top-aligned text; 序号 stays a number so the sheet sorts back into plan order.
  sheet.columns = columns.map((c) => ({
    width: c.width,
    style: {
      font: { name: FONT, size: 11 },
      alignment: { vertical: "top", wrapText: true },
      border: THIN_BORDER,
      ...(c.header === "序号" ? {} : { numFmt: "@" }),
    },
  }));

  const titleRow = sheet.addRow([sanitizeCell(title)]);
  sheet.mergeCells(1, 1, 1, columns.length);
  titleRow.height = 30;
  titleRow.getCell(1).style = {
    font: { name: FONT, size: 16, bold: true },
    alignment: { horizontal: "center", vertical: "middle" },
  };

  const header = sheet.addRow(columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.style = {
      font: { name: FONT, size: 11, bold: true },
      alignment: { horizontal: "center", vertical: "middle", wrapText: true },
      border: THIN_BORDER,
    };
  });

  for (const row of rows) {
    // Every text cell goes through sanitizeCell: task text copied from a web page can start with "-" or "=".
    const values = columns.map((c) => cellValue(c.value(row)));
    sheet.addRow(values).height = rowHeight(values, columns);
  }
  sheet.autoFilter = {
    from: { row: XLSX_HEADER_ROW, column: 1 },
    to: { row: XLSX_HEADER_ROW, column: columns.length },
  };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// 等线 is the default CJK font of current Excel; WPS and LibreOffice substitute their own when it is missing.
const FONT = "等线";
const LINE_HEIGHT = 15;
const THIN = { style: "thin" } as const;
const THIN_BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/**
 * LibreOffice does not grow rows to fit wrapped text when it opens an .xlsx, and Excel only does so on edit, so
 * each row gets a height from its longest cell: a Chinese character takes a little over two width units, a Latin one.
 */
function rowHeight(values: (string | number)[], columns: Column[]): number {
  let lines = 1;
  values.forEach((value, i) => {
    const width = Math.max(1, (columns[i]?.width ?? 10) - 1);
    let units = 0;
    for (const ch of String(value)) units += /[\u2E80-\uFFEF]/.test(ch) ? 2.2 : 1;
    lines = Math.max(lines, Math.ceil(units / width));
  });
  return Math.min(409, lines * LINE_HEIGHT);
}

function cellValue(value: string | number): string | number {
  return typeof value === "number" ? value : sanitizeCell(stripControlCharacters(value));
}

/** XML 1.0 forbids most C0 controls; one in a cell makes Excel refuse the whole file. */
function stripControlCharacters(text: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");
}
