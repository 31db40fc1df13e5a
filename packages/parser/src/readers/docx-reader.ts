import { Parser } from "htmlparser2";
import type { ReadResult } from "../parse-result.ts";
import { collapseSpaces, renderBlocks, type Block } from "./blocks.ts";
import { ListCounters, parseNumbering, type NumberingDefinitions } from "./docx-numbering.ts";
import { extractZipEntry, readZipDirectory, ZipBombError, type ZipEntry, type ZipLimits } from "./zip.ts";

/** A real .docx is a few MB; these limits only refuse archives built to exhaust memory. */
export const DOCX_ZIP_LIMITS: ZipLimits = {
  maxEntries: 2000,
  maxTotalBytes: 200 * 1024 * 1024,
  maxRatio: 200,
  ratioCheckAbove: 1024 * 1024,
};

const CORRUPT = { code: "CORRUPT_DOCX", message: "Word 文件已损坏或不完整，无法读取" } as const;

/**
 * .docx → canonical text, by walking the OOXML directly (fflate + htmlparser2 in XML mode) rather than through
 * mammoth: mammoth drops w:vMerge continuation cells' positions and renders lists as HTML <ol> without Word's
 * generated labels, and both matter here (merged 工作要求 cells, 一、/（一） numbering the author never typed).
 */
export function readDocx(bytes: Uint8Array): ReadResult {
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, DOCX_ZIP_LIMITS);
  } catch (error) {
    return failure(error);
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  const main = byName.get("word/document.xml") ?? entries.find((e) => /^word\/document\d*\.xml$/.test(e.name));
  if (!main) {
    return { ok: false, error: { code: "CORRUPT_DOCX", message: "文件不是 Word 文档（缺少 word/document.xml）" } };
  }
  try {
    const read = (entry: ZipEntry | undefined) => (entry ? decodeXml(extractZipEntry(bytes, entry)) : "");
    const numbering = parseNumbering(read(byName.get("word/numbering.xml")));
    const styles = parseStyleNumbering(read(byName.get("word/styles.xml")));
    const blocks = walkDocument(read(main), { numbering, styles });
    return { ok: true, text: renderBlocks(blocks), warnings: [] };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): ReadResult {
  if (error instanceof ZipBombError) {
    return { ok: false, error: { code: "ZIP_BOMB", message: "压缩包解压后体积异常（疑似压缩炸弹），已拒绝" } };
  }
  return { ok: false, error: CORRUPT };
}

function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes);
  return new TextDecoder("utf-8").decode(bytes);
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon >= 0 ? name.slice(colon + 1) : name;
}

type StyleNumbering = Map<string, { numId?: string; ilvl?: number }>;

/** Paragraph styles that carry numbering (a 标题 1 style bound to a 一、 list), resolved through w:basedOn. */
function parseStyleNumbering(xml: string): StyleNumbering {
  type Raw = { basedOn?: string; numId?: string; ilvl?: number };
  const raw = new Map<string, Raw>();
  let current: Raw | undefined;
  let inPPr = false;
  const parser = new Parser(
    {
      onopentag(rawName, attribs) {
        const name = localName(rawName);
        if (name === "style") {
          current = {};
          raw.set(attribs["w:styleId"] ?? "", current);
        } else if (!current) return;
        else if (name === "basedOn") current.basedOn = attribs["w:val"];
        else if (name === "pPr") inPPr = true;
        else if (inPPr && name === "numId") current.numId = attribs["w:val"];
        else if (inPPr && name === "ilvl") current.ilvl = Number.parseInt(attribs["w:val"] ?? "0", 10);
      },
      onclosetag(rawName) {
        const name = localName(rawName);
        if (name === "pPr") inPPr = false;
        else if (name === "style") current = undefined;
      },
    },
    { xmlMode: true },
  );
  parser.write(xml);
  parser.end();
  const resolved: StyleNumbering = new Map();
  for (const id of raw.keys()) {
    let style = raw.get(id);
    const seen = new Set<string>();
    const out: { numId?: string; ilvl?: number } = {};
    while (style && !seen.has(id)) {
      out.numId ??= style.numId;
      out.ilvl ??= style.ilvl;
      if (!style.basedOn || seen.has(style.basedOn)) break;
      seen.add(style.basedOn);
      style = raw.get(style.basedOn);
    }
    if (out.numId) resolved.set(id, out);
  }
  return resolved;
}

/** Subtrees whose text Word does not show: deletions, field instructions, the VML copy of a drawing, old formatting. */
const SKIPPED = new Set(["del", "delText", "instrText", "Fallback", "pPrChange", "rPrChange", "moveFrom"]);

type ParagraphDraft = { parts: string[]; numId?: string; ilvl?: number; styleId?: string };
type CellDraft = { paragraphs: string[]; gridSpan: number; isContinuation: boolean };
type RowDraft = { cells: CellDraft[]; gridBefore: number; gridAfter: number };
type TableDraft = { rows: RowDraft[]; row?: RowDraft; cell?: CellDraft; gridColumns: number };

/** word/document.xml → blocks, in one SAX pass with explicit stacks (tables nest, text boxes nest paragraphs). */
function walkDocument(xml: string, context: { numbering: NumberingDefinitions; styles: StyleNumbering }): Block[] {
  const counters = new ListCounters(context.numbering);
  const blocks: Block[] = [];
  const paragraphs: ParagraphDraft[] = [];
  const tables: TableDraft[] = [];
  const open: string[] = [];
  let skipFrom = -1;

  const cellOf = () => tables[tables.length - 1]?.cell;

  const endParagraph = () => {
    const p = paragraphs.pop();
    if (!p) return;
    const style = p.styleId ? context.styles.get(p.styleId) : undefined;
    const numId = p.numId ?? style?.numId;
    const label = numId && numId !== "0" ? counters.next(numId, p.ilvl ?? style?.ilvl ?? 0) : "";
    const text = label + p.parts.join("");
    const cell = cellOf();
    if (cell) {
      cell.paragraphs.push(collapseSpaces(text));
      return;
    }
    for (const line of text.split("\n")) {
      const collapsed = collapseSpaces(line);
      if (collapsed) blocks.push({ kind: "paragraph", text: collapsed });
    }
  };

  const endTable = () => {
    const table = tables.pop();
    if (!table) return;
    const rows = table.rows
      .map((row) => rowCells(row, table.gridColumns))
      .filter((cells) => cells.some((c) => c !== ""));
    const width = Math.max(0, ...rows.map((r) => r.length));
    const outer = cellOf();
    if (outer) {
      // A table inside a cell is read as that cell's text: plan tables are never nested in real 公文.
      outer.paragraphs.push(rows.flat().filter(Boolean).join(" "));
    } else if (width < 2) {
      for (const row of rows) for (const c of row) if (c) blocks.push({ kind: "paragraph", text: c });
    } else if (rows.length > 0) {
      blocks.push({ kind: "table", rows: rows.map((r) => [...r, ...Array<string>(width - r.length).fill("")]) });
    }
  };

  const parser = new Parser(
    {
      onopentag(rawName, attribs) {
        const name = localName(rawName);
        const parent = open[open.length - 1];
        open.push(name);
        if (skipFrom >= 0) return;
        if (SKIPPED.has(name)) {
          skipFrom = open.length - 1;
          return;
        }
        const paragraph = paragraphs[paragraphs.length - 1];
        const table = tables[tables.length - 1];
        const val = attribs["w:val"];
        switch (name) {
          case "p":
            paragraphs.push({ parts: [] });
            break;
          case "pStyle":
            if (paragraph && parent === "pPr") paragraph.styleId = val;
            break;
          case "numId":
            if (paragraph && parent === "numPr") paragraph.numId = val;
            break;
          case "ilvl":
            if (paragraph && parent === "numPr") paragraph.ilvl = Number.parseInt(val ?? "0", 10);
            break;
          case "tab":
            if (paragraph && parent === "r") paragraph.parts.push(" ");
            break;
          case "br":
          case "cr":
            if (paragraph && parent === "r") paragraph.parts.push("\n");
            break;
          case "noBreakHyphen":
            if (paragraph && parent === "r") paragraph.parts.push("-");
            break;
          case "tbl":
            tables.push({ rows: [], gridColumns: 0 });
            break;
          case "gridCol":
            if (table && parent === "tblGrid") table.gridColumns++;
            break;
          case "tr":
            if (table) table.row = { cells: [], gridBefore: 0, gridAfter: 0 };
            break;
          case "gridBefore":
          case "gridAfter":
            if (table?.row && parent === "trPr") table.row[name] = clampSpan(val);
            break;
          case "tc":
            if (table) table.cell = { paragraphs: [], gridSpan: 1, isContinuation: false };
            break;
          case "gridSpan":
            if (table?.cell && parent === "tcPr") table.cell.gridSpan = clampSpan(val);
            break;
          case "vMerge":
            // No w:val, or "continue", continues the merge from the row above; only "restart" starts one.
            if (table?.cell && parent === "tcPr") table.cell.isContinuation = val !== "restart";
            break;
          case "hMerge":
            if (table?.cell && parent === "tcPr") table.cell.isContinuation ||= val === "continue";
            break;
        }
      },
      ontext(text) {
        if (skipFrom >= 0 || open[open.length - 1] !== "t") return;
        paragraphs[paragraphs.length - 1]?.parts.push(text);
      },
      onclosetag(rawName) {
        const name = localName(rawName);
        open.pop();
        if (skipFrom >= 0) {
          if (open.length === skipFrom) skipFrom = -1;
          return;
        }
        const table = tables[tables.length - 1];
        if (name === "p") endParagraph();
        else if (name === "tc" && table?.cell) {
          table.row?.cells.push(table.cell);
          table.cell = undefined;
        } else if (name === "tr" && table?.row) {
          table.rows.push(table.row);
          table.row = undefined;
        } else if (name === "tbl") endTable();
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  while (paragraphs.length > 0) endParagraph();
  while (tables.length > 0) endTable();
  return blocks;
}

function clampSpan(value: string | undefined): number {
  const n = Number.parseInt(value ?? "1", 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, 100) : 1;
}

/** A Word row → canonical cells: a vMerge continuation is "", a gridSpan adds "" per extra grid column. */
function rowCells(row: RowDraft, gridColumns: number): string[] {
  const cells: string[] = Array<string>(row.gridBefore).fill("");
  for (const cell of row.cells) {
    cells.push(cell.isContinuation ? "" : cell.paragraphs.filter(Boolean).join(" "));
    for (let k = 1; k < cell.gridSpan; k++) cells.push("");
  }
  for (let k = 0; k < row.gridAfter; k++) cells.push("");
  while (cells.length < gridColumns) cells.push("");
  return cells;
}
