import { Parser } from "htmlparser2";
import type { ParseWarning } from "@luoshi/contract";
import type { ReadResult } from "../parse-result.ts";
import { collapseSpaces, renderBlocks, type Block } from "./blocks.ts";
import { flattenDeepNesting } from "./html-depth.ts";
import { buildGrid, type GridCell } from "./table-grid.ts";

/**
 * HTML as saved from a government website → canonical text.
 *
 * Pages are read with htmlparser2's SAX callbacks and explicit stacks, never a recursive DOM walk: pages nested
 * 100k elements deep must not overflow the call stack. The input is scanned twice: the first pass measures every
 * element that looks like site chrome (nav bars, breadcrumbs, footers), so that the second pass drops only the
 * small ones — a wrapper that happens to be called "top" but holds the whole document is kept.
 */
export function readHtml(source: string): ReadResult {
  const { html, flattened } = flattenDeepNesting(source, MAX_DEPTH);
  const droppable = findDroppableChrome(html);
  const reader = new HtmlReader(droppable);
  const parser = new Parser(
    {
      onopentag: (name, attribs) => reader.open(name, attribs),
      ontext: (text) => reader.text(text),
      onclosetag: (name) => reader.close(name),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  const { blocks, warnings } = reader.finish();
  if (flattened) {
    warnings.unshift({
      code: "HTML_NESTING_FLATTENED",
      message: `网页标签嵌套超过 ${MAX_DEPTH} 层，超出部分的标签结构已忽略，只保留其中的文字`,
    });
  }
  return { ok: true, text: renderBlocks(blocks), warnings };
}

const MAX_DEPTH = 1000;

/** Never content: their text is code, styling or form widgets. */
const ALWAYS_DROPPED = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "head",
  "iframe",
  "object",
  "embed",
  "svg",
  "canvas",
  "select",
  "textarea",
  "button",
]);
/** Site chrome by tag; dropped only when small (see findDroppableChrome). */
const CHROME_TAGS = new Set(["nav", "header", "footer", "aside"]);
/** Class/id tokens of site chrome on government sites (当前位置 breadcrumbs are "dqwz", "position", "location"). */
const CHROME_TOKEN_EXACT = new Set([
  "top",
  "bottom",
  "foot",
  "side",
  "tool",
  "tools",
  "position",
  "location",
  "dqwz",
  "copyright",
  "gotop",
  "links",
  "friendlink",
]);
const CHROME_TOKEN_PREFIX = /^(nav|menu|footer|breadcrumb|crumb|share|bdshare|toolbar|sidebar|topbar|topnav|header)/;
/** Sites hide duplicate titles and widgets; a large hidden block is more likely a tab the reader would open. */
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;
/** Chrome holding more text than this, or an <h1>, is a wrapper around the document and is kept. */
const MAX_CHROME_TEXT = 1500;

const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "br",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "ul",
  "caption",
]);

function isChromeAttr(value: string | undefined): boolean {
  if (!value) return false;
  return value
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((token) => CHROME_TOKEN_EXACT.has(token) || CHROME_TOKEN_PREFIX.test(token));
}

/** Pass 1: indices (in opening order) of chrome elements small enough to drop. */
function findDroppableChrome(html: string): Set<number> {
  type Frame = { index: number; chrome: boolean; hidden: boolean; textLength: number; hasH1: boolean };
  const droppable = new Set<number>();
  const stack: Frame[] = [];
  let index = 0;
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const chrome = CHROME_TAGS.has(name) || isChromeAttr(attribs.class) || isChromeAttr(attribs.id);
        const hidden = HIDDEN_STYLE.test(attribs.style ?? "") || "hidden" in attribs;
        stack.push({ index: index++, chrome, hidden, textLength: 0, hasH1: name === "h1" });
      },
      ontext(text) {
        const top = stack[stack.length - 1];
        if (top) top.textLength += text.trim().length;
      },
      onclosetag() {
        const frame = stack.pop();
        if (!frame) return;
        const isSmall = frame.textLength <= MAX_CHROME_TEXT;
        if (isSmall && (frame.hidden || (frame.chrome && !frame.hasH1))) droppable.add(frame.index);
        const parent = stack[stack.length - 1];
        if (parent) {
          parent.textLength += frame.textLength;
          parent.hasH1 ||= frame.hasH1;
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return droppable;
}

type Container = { blocks: Block[]; buffer: string[] };
type CellDraft = GridCell & { container: Container };
type TableFrame = { rows: CellDraft[][]; row: CellDraft[] | null; cell: CellDraft | null; stray: Container };

class HtmlReader {
  private readonly root: Container = { blocks: [], buffer: [] };
  private readonly tables: TableFrame[] = [];
  private readonly openTags: string[] = [];
  private readonly warnings: ParseWarning[] = [];
  private elementIndex = 0;
  /** Depth of the open-tag stack at which the element being skipped was opened; -1 when not skipping. */
  private skipFrom = -1;

  constructor(private readonly droppable: Set<number>) {}

  open(name: string, attribs: Record<string, string>): void {
    const index = this.elementIndex++;
    const depth = this.openTags.length;
    this.openTags.push(name);
    if (this.skipFrom >= 0) return;
    if (ALWAYS_DROPPED.has(name) || this.droppable.has(index)) {
      this.skipFrom = depth;
      return;
    }
    if (name === "table") {
      this.flush(this.current());
      this.tables.push({ rows: [], row: null, cell: null, stray: { blocks: [], buffer: [] } });
    } else if (name === "tr") {
      this.startRow();
    } else if (name === "td" || name === "th") {
      this.startCell(attribs);
    } else if (BLOCK_TAGS.has(name)) {
      this.flush(this.current());
    }
  }

  text(text: string): void {
    if (this.skipFrom >= 0) return;
    this.current().buffer.push(text);
  }

  close(name: string): void {
    this.openTags.pop();
    if (this.skipFrom >= 0) {
      if (this.openTags.length === this.skipFrom) this.skipFrom = -1;
      return;
    }
    if (name === "table") this.endTable();
    else if (name === "tr") this.endRow();
    else if (name === "td" || name === "th") this.endCell();
    else if (BLOCK_TAGS.has(name)) this.flush(this.current());
  }

  finish(): { blocks: Block[]; warnings: ParseWarning[] } {
    while (this.tables.length > 0) this.endTable();
    this.flush(this.root);
    const blocks = this.dropMetadataLines(this.root.blocks);
    return { blocks, warnings: this.warnings };
  }

  private current(): Container {
    const table = this.tables[this.tables.length - 1];
    if (!table) return this.root;
    return table.cell?.container ?? table.stray;
  }

  private flush(container: Container): void {
    if (container.buffer.length === 0) return;
    const text = collapseSpaces(container.buffer.join(""));
    container.buffer.length = 0;
    if (text) container.blocks.push({ kind: "paragraph", text });
  }

  private startRow(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return;
    this.endRow();
    table.row = [];
  }

  private startCell(attribs: Record<string, string>): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return;
    this.endCell();
    table.row ??= [];
    table.cell = {
      text: "",
      rowSpan: parseSpan(attribs.rowspan, 1000),
      colSpan: parseSpan(attribs.colspan, 100),
      container: { blocks: [], buffer: [] },
    };
  }

  private endCell(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table?.cell) return;
    this.flush(table.cell.container);
    table.row ??= [];
    table.row.push(table.cell);
    table.cell = null;
  }

  private endRow(): void {
    const table = this.tables[this.tables.length - 1];
    if (!table) return;
    this.endCell();
    if (table.row && table.row.length > 0) table.rows.push(table.row);
    table.row = null;
  }

  private endTable(): void {
    this.endRow();
    const table = this.tables.pop();
    if (!table) return;
    this.flush(table.stray);
    const parent = this.current();
    this.flush(parent);
    parent.blocks.push(...table.stray.blocks, ...this.renderTable(table));
  }

  /**
   * A table holding another table, a one-column table or a one-row table is page layout, not data: its cells
   * become paragraphs. A table whose cells are the website's 信息公开 fields is dropped.
   */
  private renderTable(table: TableFrame): Block[] {
    const cells = table.rows.flat();
    const isLayout =
      table.rows.length < 2 ||
      cells.some((c) => c.container.blocks.some((b) => b.kind === "table")) ||
      table.rows.every((row) => row.reduce((n, c) => n + c.colSpan, 0) < 2);
    if (isLayout) return cells.flatMap((c) => c.container.blocks);
    for (const cell of cells) {
      cell.text = cell.container.blocks.map((b) => (b.kind === "paragraph" ? b.text : "")).join(" ");
    }
    const labels = metadataLabelsOfTable(table.rows);
    if (labels) {
      this.warnMetadata(labels);
      return [];
    }
    const rows = buildGrid(table.rows).filter((row) => row.some((cell) => cell !== ""));
    return rows.length > 0 ? [{ kind: "table", rows }] : [];
  }

  /** The same fields laid out as a list or as divs: a run of "label：value" lines with three or more labels. */
  private dropMetadataLines(blocks: Block[]): Block[] {
    const kept: Block[] = [];
    let run: Block[] = [];
    let runLabels = new Set<string>();
    const endRun = () => {
      if (runLabels.size >= 3 && [...runLabels].some((l) => STRONG_LABELS.has(l))) {
        this.warnMetadata([...runLabels]);
      } else {
        kept.push(...run);
      }
      run = [];
      runLabels = new Set();
    };
    for (const block of blocks) {
      if (block.kind === "paragraph" && BREADCRUMB_LINE.test(block.text)) continue;
      const labels = block.kind === "paragraph" && block.text.length <= 200 ? labelsInLine(block.text) : [];
      const previous = run[run.length - 1];
      const isBareValue =
        block.kind === "paragraph" &&
        block.text.length <= 60 &&
        previous?.kind === "paragraph" &&
        BARE_LABEL.test(previous.text);
      if (labels.length > 0 || (run.length > 0 && isBareValue)) {
        run.push(block);
        for (const l of labels) runLabels.add(l);
        continue;
      }
      endRun();
      kept.push(block);
    }
    endRun();
    return kept;
  }

  private warnMetadata(labels: string[]): void {
    this.warnings.push({
      code: "HTML_METADATA_DROPPED",
      message: `已忽略网页上的信息公开目录字段（${labels.slice(0, 5).join("、")}），它们是网站的著录信息，不属于公文正文`,
    });
  }
}

function parseSpan(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? "", 10);
  if (!Number.isFinite(n) || n < 1) return 1;
  return Math.min(n, max);
}

/** Fields of the 政府信息公开 catalogue that sites print above a document. */
const METADATA_LABELS = [
  "索引号",
  "主题分类",
  "发布机构",
  "发文机关",
  "成文日期",
  "发文字号",
  "发布日期",
  "公开方式",
  "文号",
  "主题词",
  "生效日期",
  "废止日期",
  "有效性",
  "信息来源",
  "组配分类",
  "体裁分类",
  "服务对象",
  "公开范围",
  "公开时限",
  "信息分类",
  "发布时间",
  "所属机构",
  "所属主题",
  "名称",
  "标题",
  "来源",
];
/** At least one of these must be present: "标题" or "发布日期" alone also label ordinary page furniture. */
const STRONG_LABELS = new Set([
  "索引号",
  "主题分类",
  "发布机构",
  "发文机关",
  "成文日期",
  "发文字号",
  "组配分类",
  "体裁分类",
]);
const LABEL_PATTERN = METADATA_LABELS.join("|");
const LABEL_IN_LINE = new RegExp(`(?:^|\\s)(${LABEL_PATTERN})\\s*[:：]`, "g");
const BARE_LABEL = new RegExp(`^(?:${LABEL_PATTERN})\\s*[:：]?$`);
const LABEL_CELL = new RegExp(`^(${LABEL_PATTERN})\\s*(?:[:：]|$)`);
const BREADCRUMB_LINE = /^(?:当前位置|您当前的位置|您现在的位置|您的位置|当前的位置)\s*[:：]/;

function labelsInLine(text: string): string[] {
  return [...text.matchAll(LABEL_IN_LINE)].map((m) => m[1] as string);
}

/**
 * Label/value pairs spread over several rows. A document's own list of 文件 (one header row 文件名称|发文字号|成文日期
 * over many data rows) has its labels in one row only and stays.
 */
function metadataLabelsOfTable(rows: CellDraft[][]): string[] | undefined {
  const labels = new Set<string>();
  let rowsWithLabels = 0;
  for (const row of rows) {
    let found = false;
    for (const cell of row) {
      const match = LABEL_CELL.exec(cell.text.replace(/\s+/g, ""));
      if (match?.[1]) {
        labels.add(match[1]);
        found = true;
      }
    }
    if (found) rowsWithLabels++;
  }
  const hasStrong = [...labels].some((l) => STRONG_LABELS.has(l));
  return rowsWithLabels >= 2 && labels.size >= 3 && hasStrong ? [...labels] : undefined;
}
