import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";

/**
 * Spreadsheet files ↔ tables of strings (header row first). The registry exchange speaks Chinese column names,
 * opens in Excel and WPS, and never lets a cell become a formula.
 */

export type Table = string[][];

/** A cell starting with = + - @ (or a tab / carriage return) would run as a formula in Excel or WPS. */
export function sanitizeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** Undoes sanitizeCell on import, so an exported file re-imports to the same values. */
export function unsanitizeCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

export async function writeXlsx(sheets: { name: string; table: Table }[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "落实 Luoshi";
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
    for (const row of table) sheet.addRow(row.map(sanitizeCell));
    sheet.getRow(1).font = { bold: true };
    const width = table[0]?.length ?? 0;
    if (width > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: width } };
    for (let c = 0; c < width; c++) {
      const longest = Math.max(...table.map((row) => displayWidth(row[c] ?? "")));
      sheet.getColumn(c + 1).width = Math.min(Math.max(longest + 2, 8), 80);
      // Text format, so 行政区划代码 and dates stay as typed when the office edits the file.
      sheet.getColumn(c + 1).numFmt = "@";
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** UTF-8 with a byte-order mark: without it Excel opens Chinese CSV as mojibake. */
export function writeCsv(table: Table): Buffer {
  const text = stringify(
    table.map((row) => row.map(sanitizeCell)),
    { record_delimiter: "\r\n" },
  );
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, "utf8")]);
}

export async function readXlsx(content: Buffer): Promise<{ name: string; table: Table }[]> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's typings want its own Buffer type; a Node Buffer is what it reads.
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  return workbook.worksheets.map((sheet) => {
    const table: Table = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const cells: string[] = [];
      for (let c = 1; c <= sheet.columnCount; c++) cells.push(unsanitizeCell(cellText(row.getCell(c).value)));
      table[rowNumber - 1] = cells;
    });
    for (let i = 0; i < table.length; i++) table[i] ??= [];
    return { name: sheet.name, table };
  });
}

export function readCsv(content: Buffer): Table {
  const rows: string[][] = parse(content, { bom: true, relax_column_count: true, skip_empty_lines: false });
  return rows.map((row) => row.map(unsanitizeCell));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  // A date typed into the sheet arrives as a Date at UTC midnight.
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((r) => r.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return value.result === undefined ? "" : cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value).trim();
}

/** Column width in Excel units: CJK characters take two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width;
}
