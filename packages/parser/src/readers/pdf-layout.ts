import type { ParseWarning } from "@luoshi/contract";
import type { Block } from "./blocks.ts";

/** A positioned run of text from a PDF text layer (PDF user space: y grows upwards). */
export type TextItem = { text: string; x: number; y: number; width: number; size: number };
export type PageItems = { page: number; height: number; items: TextItem[] };

type Segment = { x0: number; x1: number; text: string };
type Line = { page: number; y: number; size: number; x0: number; x1: number; segments: Segment[] };

/** A gap wider than this many character widths separates table columns, not words. */
const COLUMN_GAP = 1.5;

/**
 * Text items → paragraphs and simple tables. Items become lines by baseline, lines become paragraphs by indent,
 * spacing and where the previous line ended: Chinese lines wrap mid-sentence, so the lines of a paragraph are
 * joined with nothing. Lines whose items fall into the same columns become a table when every row can be placed
 * with confidence; otherwise their text is kept as paragraphs and a warning says which page lost its table.
 */
export function layoutPages(pages: readonly PageItems[]): { blocks: Block[]; warnings: ParseWarning[] } {
  const lines = pages.flatMap((page) => dropPageNumbers(toLines(page), page));
  const metrics = measure(lines);
  const blocks: Block[] = [];
  const warnings: ParseWarning[] = [];
  const unrecoveredPages = new Set<number>();
  let paragraph: { text: string; last: Line } | undefined;
  const endParagraph = () => {
    if (paragraph) blocks.push({ kind: "paragraph", text: paragraph.text });
    paragraph = undefined;
  };
  for (let k = 0; k < lines.length;) {
    const run = tableRunAt(lines, k);
    if (run > 1) {
      endParagraph();
      const region = lines.slice(k, k + run);
      const rows = recoverTable(region);
      if (rows) blocks.push({ kind: "table", rows });
      else {
        for (const line of region) blocks.push({ kind: "paragraph", text: line.segments.map((s) => s.text).join(" ") });
        unrecoveredPages.add(region[0]?.page ?? 0);
      }
      k += run;
      continue;
    }
    const line = lines[k] as Line;
    const text = line.segments.map((s) => s.text).join(" ");
    if (paragraph && continuesParagraph(paragraph.last, line, metrics)) {
      paragraph.text += joiner(paragraph.text, text) + text;
      paragraph.last = line;
    } else {
      endParagraph();
      paragraph = { text, last: line };
    }
    k++;
  }
  endParagraph();
  for (const page of unrecoveredPages) {
    warnings.push({
      code: "PDF_TABLE_UNRECOVERED",
      message: `第 ${page} 页有一处表格无法可靠还原为行列，已按段落文字输出，表格中的条目可能未被识别`,
    });
  }
  return { blocks, warnings };
}

function toLines(page: PageItems): Line[] {
  const items = page.items.filter((item) => item.text.trim() !== "").sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: TextItem[][] = [];
  for (const item of items) {
    const group = groups[groups.length - 1];
    const first = group?.[0];
    if (group && first && Math.abs(first.y - item.y) <= Math.max(first.size, item.size) * 0.5) group.push(item);
    else groups.push([item]);
  }
  return groups.map((group) => {
    group.sort((a, b) => a.x - b.x);
    const size = median(group.map((i) => i.size));
    const segments: Segment[] = [];
    for (const item of group) {
      const segment = segments[segments.length - 1];
      const text = item.text.replace(/\s+/g, " ");
      if (segment && item.x - segment.x1 <= COLUMN_GAP * size) {
        const gap = item.x - segment.x1;
        const isLatinGap = gap > 0.25 * size && (/[\x21-\x7e]$/.test(segment.text) || /^[\x21-\x7e]/.test(text));
        segment.text += (isLatinGap ? " " : "") + text;
        segment.x1 = Math.max(segment.x1, item.x + item.width);
      } else {
        segments.push({ x0: item.x, x1: item.x + item.width, text });
      }
    }
    for (const s of segments) s.text = s.text.trim();
    const x0 = segments[0]?.x0 ?? 0;
    const x1 = Math.max(...segments.map((s) => s.x1));
    return { page: page.page, y: group[0]?.y ?? 0, size, x0, x1, segments };
  });
}

/** "— 3 —", "- 3 -", "第 3 页 共 9 页", or a bare number alone at the top or bottom of the page. */
function dropPageNumbers(lines: Line[], page: PageItems): Line[] {
  return lines.filter((line, k) => {
    const text = line.segments.map((s) => s.text).join("");
    if (/^[-—–－~]+\s*\d{1,4}\s*[-—–－~]+$/.test(text)) return false;
    if (/^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$/.test(text)) return false;
    const isEdge = k === 0 || k === lines.length - 1;
    const nearEdge = line.y < page.height * 0.1 || line.y > page.height * 0.9;
    return !(isEdge && nearEdge && /^\d{1,4}$/.test(text));
  });
}

type Metrics = { left: number; right: number; pitch: number };

function measure(lines: readonly Line[]): Metrics {
  const starts = new Map<number, number>();
  for (const line of lines) starts.set(Math.round(line.x0), (starts.get(Math.round(line.x0)) ?? 0) + 1);
  const left = [...starts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const rights = lines.filter((l) => Math.abs(l.x0 - left) < l.size).map((l) => l.x1);
  const right = rights.length > 0 ? percentile(rights, 0.9) : Math.max(0, ...lines.map((l) => l.x1));
  const gaps: number[] = [];
  for (let k = 1; k < lines.length; k++) {
    const [a, b] = [lines[k - 1] as Line, lines[k] as Line];
    if (a.page === b.page && a.y > b.y) gaps.push(a.y - b.y);
  }
  return { left, right, pitch: gaps.length > 0 ? median(gaps) : 0 };
}

/**
 * A line carries on the previous paragraph when it starts at the body's left edge, the previous line ran to the
 * right edge (a short line ends its paragraph), the type size is the same and no extra space separates them. A page
 * break does not end a paragraph: 公文 paragraphs run on across pages.
 */
function continuesParagraph(previous: Line, line: Line, metrics: Metrics): boolean {
  if (Math.abs(previous.size - line.size) > 0.5) return false;
  if (line.x0 > metrics.left + 0.8 * line.size) return false;
  if (previous.x1 < metrics.right - 1.5 * previous.size) return false;
  if (previous.page === line.page && metrics.pitch > 0 && previous.y - line.y > 1.4 * metrics.pitch) return false;
  return true;
}

/** Chinese joins with nothing; two Latin words or numbers keep a space between them. */
function joiner(before: string, after: string): string {
  return /[A-Za-z0-9]$/.test(before) && /^[A-Za-z0-9]/.test(after) ? " " : "";
}

/** How many lines from k form a table candidate: consecutive lines on one page, each split into columns. */
function tableRunAt(lines: readonly Line[], k: number): number {
  const first = lines[k];
  if (!first || first.segments.length < 2) return 0;
  let n = 1;
  while (true) {
    const next = lines[k + n];
    if (!next || next.page !== first.page || next.segments.length < 2) break;
    n++;
  }
  return n;
}

/**
 * One row per line, cells by column. Confident only when the columns are consistent: every line has text in the
 * first column, no line puts two pieces in one column, and no piece runs across into the next column.
 */
function recoverTable(region: readonly Line[]): string[][] | undefined {
  const size = median(region.map((l) => l.size));
  const starts = clusterStarts(
    region.flatMap((l) => l.segments.map((s) => s.x0)),
    size,
  );
  if (starts.length < 2 || starts.length > 15) return undefined;
  const rows: string[][] = [];
  for (const line of region) {
    const row = starts.map(() => "");
    const used = new Set<number>();
    for (const segment of line.segments) {
      let column = -1;
      for (let c = 0; c < starts.length; c++) if ((starts[c] as number) <= segment.x0 + size) column = c;
      const nextStart = starts[column + 1];
      if (column < 0 || used.has(column)) return undefined;
      if (nextStart !== undefined && segment.x1 > nextStart + size) return undefined;
      used.add(column);
      row[column] = segment.text;
    }
    if (!used.has(0)) return undefined;
    rows.push(row);
  }
  return rows;
}

function clusterStarts(xs: number[], tolerance: number): number[] {
  const sorted = [...xs].sort((a, b) => a - b);
  const starts: number[] = [];
  for (const x of sorted) {
    const last = starts[starts.length - 1];
    if (last === undefined || x - last > tolerance) starts.push(x);
  }
  return starts;
}

function median(values: readonly number[]): number {
  return percentile(values, 0.5);
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * (sorted.length - 1) + 0.5))] as number;
}
