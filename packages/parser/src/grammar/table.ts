import type { Deadline, ParsedItem, ParsedPlan, ParsedUnit, ParseWarning } from "@luoshi/contract";
import type { Table } from "./blocks.ts";
import { extractDeadlines, extractDeadlinesFromCell } from "./deadlines.ts";
import { readNumbering } from "./numbering.ts";
import { entryFrom, OutlineStack } from "./outline-stack.ts";
import { parseUnits } from "./units.ts";

type ColumnRole = "structure" | "units" | "lead" | "assist" | "criteria" | "deadline" | "sequence" | "ignored";

/** What a header cell says its column holds. Column sets differ by office and year; these are the words seen. */
export function columnRole(header: string): ColumnRole {
  const h = header.replace(/\s+/g, "");
  if (/^(?:序号|编号|序列号|No\.?)$/i.test(h)) return "sequence";
  if (/牵头(?:单位|部门)/.test(h) && !/责任/.test(h)) return "lead";
  if (/(?:配合|协办|参与|协助)(?:单位|部门)/.test(h)) return "assist";
  if (/责任单位|责任部门|牵头单位|承办单位|实施主体|责任主体|落实单位|主办单位|责任科室|负责单位|责任处室/.test(h)) {
    return "units";
  }
  if (/评价标准|考核标准|评分标准|评分细则|考核要点|检查标准|验收标准|考核内容|评分办法/.test(h)) return "criteria";
  if (/时限|完成时间|时间节点|完成期限|时间要求|进度安排/.test(h)) return "deadline";
  if (/备注|分值|分数|权重|得分|说明/.test(h)) return "ignored";
  return "structure";
}

const HEADER_WORDS =
  /工作任务|具体要求|责任单位|评价标准|工作要求|牵头单位|配合单位|完成时限|时限|序号|指标|责任部门|工作内容|任务|措施|分值/;

export function isHeaderRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c.length > 0);
  return filled.length >= 2 && filled.filter((c) => HEADER_WORDS.test(c) && c.length <= 12).length >= 2;
}

const key = (cells: readonly string[]) => cells.map((c) => c.replace(/\s+/g, "")).join("\t");

/**
 * A plan table → items. Quirks of real tables: the header repeats after each page break; an empty 责任单位 cell
 * means "same as above"; category cells are merged (empty below) or reprinted, sometimes with other wording;
 * numbering runs across categories. The item is the rightmost non-empty task cell of a row; the cells to its left
 * (and those carried from rows above) are its headings.
 */
export function buildTablePlan(
  table: Table,
  options: { title: string | null; year: number | undefined; warn: (w: ParseWarning) => void },
): ParsedPlan {
  const first = table.rows[0]?.cells ?? [];
  const hasHeader = isHeaderRow(first);
  if (!hasHeader) {
    options.warn({
      code: "TABLE_HEADER_MISSING",
      message: "表格没有可识别的表头（如 工作任务、责任单位），已按最后一列为责任单位读取，请核对",
      line: table.line,
    });
  }
  const columns = hasHeader ? first.map((c) => c.replace(/\s+/g, "")) : [];
  const width = Math.max(columns.length, ...table.rows.map((r) => r.cells.length));
  const roles: ColumnRole[] = Array.from({ length: width }, (_, i) =>
    hasHeader ? columnRole(columns[i] ?? "") : i === width - 1 && width > 1 ? "units" : "structure",
  );
  const structural = roles.flatMap((r, i) => (r === "structure" ? [i] : []));
  const lastStructural = structural[structural.length - 1] ?? -1;
  const headerKey = hasHeader ? key(first) : undefined;

  const items: ParsedItem[] = [];
  const stack = new OutlineStack();
  let carriedUnits: { unitsText: string | null; units: ParsedUnit[] } = { unitsText: null, units: [] };
  let counter = 0;

  for (const [rowIndex, row] of table.rows.entries()) {
    if (hasHeader && (rowIndex === 0 || key(row.cells) === headerKey)) continue;
    const cell = (i: number) => row.cells[i] ?? "";
    const filled = structural.filter((i) => cell(i).length > 0);
    const leafColumn = filled[filled.length - 1];
    const cellsOf = (role: ColumnRole) => roles.flatMap((r, i) => (r === role && cell(i).length > 0 ? [cell(i)] : []));
    const unitsCells = cellsOf("units");
    const leadCells = cellsOf("lead");
    const assistCells = cellsOf("assist");
    const criteria = cellsOf("criteria").join(" ") || null;
    const deadlineCells = cellsOf("deadline");
    const hasDetails =
      unitsCells.length + leadCells.length + assistCells.length + deadlineCells.length > 0 || !!criteria;
    const nonEmpty = row.cells.filter((c) => c.length > 0);
    // A section row merged across the table ("一、持续深化重点领域信息公开" spanning every column) is a heading
    // wherever its text landed, even in the 序号 column.
    if (nonEmpty.length === 1 && !hasDetails && (leafColumn === undefined || leafColumn !== lastStructural)) {
      const only = nonEmpty[0] ?? "";
      stack.set(entryFrom(readNumbering(only), Math.min(leafColumn ?? 0, structural[0] ?? 0), only));
      continue;
    }
    if (leafColumn === undefined) continue;
    const isItem = leafColumn === lastStructural || hasDetails;

    for (const column of filled) {
      if (isItem && column === leafColumn) break;
      stack.set(entryFrom(readNumbering(cell(column)), column, cell(column)));
    }
    if (!isItem) continue;

    const leafText = cell(leafColumn);
    const numbering = readNumbering(leafText);
    stack.set(entryFrom(numbering, leafColumn, leafText));
    counter++;
    const sequence = cellsOf("sequence")[0]?.replace(/[.．、\s]/g, "");
    const token = numbering?.token ?? (sequence || String(counter));
    const enclosing = stack.current().slice(0, -1);

    if (unitsCells.length + leadCells.length + assistCells.length > 0) {
      const parts = [...unitsCells, ...leadCells, ...assistCells];
      carriedUnits = {
        unitsText: parts.join(" | "),
        units: [
          ...unitsCells.flatMap((c) => parseUnits(c)),
          ...leadCells.flatMap((c) => parseUnits(c, "lead")),
          ...assistCells.flatMap((c) => parseUnits(c, "assist")),
        ],
      };
    }
    const text = numbering ? numbering.rest : leafText;
    const deadlines: Deadline[] = [
      ...extractDeadlines(text, options.year),
      ...(criteria ? extractDeadlines(criteria, options.year) : []),
      ...deadlineCells.flatMap((c) => extractDeadlinesFromCell(c, options.year)),
    ];
    items.push({
      path: [...enclosing.flatMap((e) => (e.token ? [e.token] : [])), token],
      headings: enclosing.map((e) => e.text),
      text,
      criteria,
      unitsText: carriedUnits.unitsText,
      units: carriedUnits.units.map((u) => ({ ...u })),
      deadlines,
    });
  }
  return { title: options.title, source: "table", columns, items };
}
