import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "./plan-export.fixture.ts";
import { viewFromParsedPlan } from "./plan-export.ts";
import { XLSX_HEADER_ROW, planXlsx, unitTaskListXlsx } from "./plan-xlsx.ts";

async function readSheet(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error("no sheet");
  return sheet;
}

function columnOf(sheet: ExcelJS.Worksheet, header: string): number {
  const headers = sheet.getRow(XLSX_HEADER_ROW).values as unknown[];
  return headers.indexOf(header);
}

describe("plan .xlsx", () => {
  it("one row per item and unit below a frozen, filtered header", async () => {
    const sheet = await readSheet(await planXlsx(viewFromParsedPlan(SAMPLE_PLAN)));
    // 2 + 3 + 2 units, and the item without units still gets its row.
    expect(sheet.rowCount - XLSX_HEADER_ROW).toBe(8);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: XLSX_HEADER_ROW });
    expect(sheet.getRow(XLSX_HEADER_ROW).getCell(1).font?.bold).toBe(true);
    const role = columnOf(sheet, "角色");
    const roles = [];
    for (let r = XLSX_HEADER_ROW + 1; r <= sheet.rowCount; r++) roles.push(sheet.getCell(r, role).text);
    expect(roles).toEqual(["负责", "负责", "牵头", "配合", "负责", "负责", "监督", ""]);
  });

  it("text that looks like a formula stays text", async () => {
    const sheet = await readSheet(await planXlsx(viewFromParsedPlan(SAMPLE_PLAN)));
    const task = columnOf(sheet, "工作任务/具体要求");
    const cells = [XLSX_HEADER_ROW + 3, XLSX_HEADER_ROW + 6, XLSX_HEADER_ROW + 8].map((r) => sheet.getCell(r, task));
    for (const cell of cells) {
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.formula).toBeUndefined();
    }
    expect(cells.map((c) => c.value)).toEqual(['\'=HYPERLINK("http://x")', "'-持续更新目录。", "'@发布年度报告。"]);
  });

  it("a unit's task list has only its rows", async () => {
    const sheet = await readSheet(await unitTaskListXlsx(viewFromParsedPlan(SAMPLE_PLAN), "市司法局"));
    expect(sheet.rowCount - XLSX_HEADER_ROW).toBe(2);
    expect(String(sheet.getCell(1, 1).value)).toContain("市司法局任务清单");
  });
});
