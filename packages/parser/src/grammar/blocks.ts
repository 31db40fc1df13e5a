import { readDateLine, readPrintedLine } from "./dates.ts";
import { readDocNumberLine } from "./doc-number.ts";
import { readNumbering } from "./numbering.ts";

/**
 * Canonical text → blocks. Text converted from real documents keeps markdown and HTML remnants (`#`, `**`,
 * `<b>`, `<p>`), page breaks that split a sentence over two lines, page numbers, and website chrome.
 */
export type Paragraph = { kind: "para"; text: string; line: number; heading: boolean };
export type TableRow = { cells: string[]; line: number };
export type Table = { kind: "table"; rows: TableRow[]; line: number };
export type Block = Paragraph | Table;

type Line =
  | { kind: "blank" | "rule" }
  | { kind: "row"; cells: string[]; line: number }
  | { kind: "para"; text: string; line: number; heading: boolean; indented: boolean };

const TAG = /<\/?[A-Za-z][^<>]*>/g;
const ENTITIES: Record<string, string> = { "&nbsp;": " ", "&lt;": "<", "&gt;": ">", "&amp;": "&", "&quot;": '"' };
const TRIM = /^[\s\u3000\u00a0\ufeff]+|[\s\u3000\u00a0\ufeff]+$/g;
const RULE = /^\s*(?:-{3,}|\*{3,}|_{3,}|={3,})\s*$/;
const MD_HEADING = /^\s*#{1,6}\s+/;
const PAGE_NUMBER = /^[-—–－―\s]*\d{1,4}[-—–－―\s]*$|^第\s*\d+\s*页(?:\s*[，,/]?\s*共\s*\d+\s*页)?$/;
// Website chrome around a reposted document: not part of any 公文.
const WEB_CHROME =
  /^(?:发布日期|发布时间|来源|浏览次数|访问次数|点击数|字号|分享到|【?打印(?:本页)?】?|【?关闭(?:窗口)?】?)\s*[:：]?/;

export function cleanInline(text: string): string {
  return text
    .replace(TAG, "")
    .replace(/&(?:nbsp|lt|gt|amp|quot);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\*\*|__/g, "")
    .replace(TRIM, "");
}

function classify(raw: string, line: number): Line {
  if (RULE.test(raw)) return { kind: "rule" };
  if (raw.includes("\t")) {
    const cells = raw.split("\t").map(cleanInline);
    if (cells.some((c) => c.length > 0)) return { kind: "row", cells, line };
    return { kind: "blank" };
  }
  const heading = MD_HEADING.test(raw);
  const indented = /^(?:\u3000|\s{2,})/.test(raw);
  const text = cleanInline(raw.replace(MD_HEADING, ""));
  if (text.length === 0 || PAGE_NUMBER.test(text) || WEB_CHROME.test(text)) return { kind: "blank" };
  return { kind: "para", text, line, heading, indented };
}

const SENTENCE_END = /[。！？!?；;：:][”’"」』）)】]*$/;
const TITLE_END = /(?:要点|方案|通知|意见|办法|细则|规定|决定|清单|报告|函|批复|规划|计划)$/;

/** Lines that are whole on their own: never the first half of a broken sentence. */
function isWholeLine(text: string): boolean {
  return (
    readDocNumberLine(text) !== undefined ||
    readDateLine(text) !== undefined ||
    readPrintedLine(text) !== undefined ||
    SELF_DISCLOSURE.test(text)
  );
}

// "附件：…的通知（粤府办〔2019〕9号）": a title closed by its 文号 is complete.
const ENDS_WITH_DOC_NUMBER = /\d\s*号\s*[）)]$/;

const SELF_DISCLOSURE = /^[（(]\s*此件[^（）()]{1,20}[）)]$/;

/** Lines that start a new element: never the second half of a broken sentence. */
function startsElement(text: string): boolean {
  return (
    isWholeLine(text) ||
    /^(?:附件|抄送|公开方式|主送|（此件|\(此件)/.test(text) ||
    /^[（(]?(?:责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|完成时限|时限要求|完成时间|时间要求)[:：]/.test(
      text,
    )
  );
}

/** Whether `next` continues `prev`, the two halves of a sentence split by a page or line break. */
function continues(prev: Extract<Line, { kind: "para" }>, next: Extract<Line, { kind: "para" }>): boolean {
  if (prev.heading || next.heading || next.indented) return false;
  if (SENTENCE_END.test(prev.text)) return false;
  if (isWholeLine(prev.text) || ENDS_WITH_DOC_NUMBER.test(prev.text) || startsElement(next.text)) return false;
  if (readNumbering(next.text) !== undefined) return false;
  // A title ending "…要点" is followed by its first paragraph; only a title's own second line may join it.
  if (TITLE_END.test(prev.text) && !(TITLE_END.test(next.text) && !/[。；]/.test(next.text))) return false;
  return true;
}

export function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let table: Table | undefined;
  let para: (Extract<Line, { kind: "para" }> & { parts: string[] }) | undefined;
  let brokenByRule = false;

  const closePara = () => {
    if (para) blocks.push({ kind: "para", text: para.parts.join(""), line: para.line, heading: para.heading });
    para = undefined;
  };
  const closeTable = () => {
    if (table) blocks.push(table);
    table = undefined;
  };

  let lineNo = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const raw = text.slice(start, end).replace(/\r$/, "");
    start = end + 1;
    lineNo++;
    const line = classify(raw, lineNo);
    switch (line.kind) {
      case "blank":
        break;
      case "rule":
        brokenByRule = true;
        break;
      case "row":
        closePara();
        if (!table) table = { kind: "table", rows: [], line: line.line };
        table.rows.push({ cells: line.cells, line: line.line });
        brokenByRule = false;
        break;
      case "para": {
        closeTable();
        const last = para;
        if (last && !brokenByRule && continues(last, line)) {
          last.parts.push(line.text);
          last.text = line.text;
        } else {
          closePara();
          para = { ...line, parts: [line.text] };
        }
        brokenByRule = false;
        break;
      }
    }
    if (end === text.length) break;
  }
  closePara();
  closeTable();
  return blocks;
}
