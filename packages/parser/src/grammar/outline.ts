import type { ParsedItem } from "@luoshi/contract";
import { numberToChinese } from "./cn-numerals.ts";
import { extractDeadlines } from "./deadlines.ts";
import { readNumbering, type Numbering } from "./numbering.ts";
import { OutlineStack } from "./outline-stack.ts";
import { parseUnits } from "./units.ts";

type Numbered = { numbering: Numbering; text: string };

/**
 * A heading glued to the end of the previous paragraph ("…直接惠企利民。三、围绕优化营商环境加强政务信息公开"):
 * split it off when its number is the next top-level number and the tail reads as a heading (no full stop).
 */
function splitGluedHeading(text: string, nextTopLevel: number): string[] {
  const marker = new RegExp(`。[\\s\u3000]*(${numberToChinese(nextTopLevel)}、[^。；]{2,60})$`).exec(text);
  if (!marker?.[1]) return [text];
  return [text.slice(0, marker.index + 1), marker[1]];
}

// National key points name units in brackets at the end of a task: "（国务院审改办、人力资源社会保障部负责）".
const TRAILING_UNITS = /[（(]([^（）()]{2,120}?(?:负责|牵头|配合|落实))[）)][。.]?$/;
// Prose plans with a 责任单位 line: "责任单位：市政府办公室、市司法局".
const UNITS_LINE = /(?:^|[。；;\s])[（(]?(?:责任单位|牵头单位|责任部门)[:：]\s*([^）)]+)[）)]?[。.]?$/;

function unitsOf(text: string): string | null {
  const line = UNITS_LINE.exec(text);
  if (line?.[1]) return line[1].trim();
  const bracket = TRAILING_UNITS.exec(text);
  if (bracket?.[1] && /[部办局委院署会室厅府行]/.test(bracket[1])) return bracket[1].trim();
  return null;
}

/**
 * Items of a numbered outline (一、/（一）/1./（1）). A numbered paragraph is a leaf when no deeper level follows
 * it; otherwise it is a heading of the items below. Unnumbered paragraphs (preamble, closing) are not items.
 */
export function buildOutlineItems(paragraphs: readonly string[], year: number | undefined): ParsedItem[] {
  const numbered: Numbered[] = [];
  let topLevel = 0;
  for (const paragraph of paragraphs) {
    const numbering = readNumbering(paragraph);
    if (!numbering) continue;
    if (numbering.level === 1) topLevel = numbering.value;
    const parts = numbering.level === 1 ? [paragraph] : splitGluedHeading(paragraph, topLevel + 1);
    for (const part of parts) {
      const n = part === paragraph ? numbering : readNumbering(part);
      if (!n) continue;
      if (n.level === 1) topLevel = n.value;
      numbered.push({ numbering: n, text: part });
    }
  }

  const items: ParsedItem[] = [];
  const stack = new OutlineStack();
  numbered.forEach(({ numbering }, i) => {
    const next = numbered[i + 1];
    const isLeaf = !next || next.numbering.level <= numbering.level;
    if (!isLeaf) {
      stack.set({ column: 0, level: numbering.level, token: numbering.token, text: numbering.rest });
      return;
    }
    stack.set({ column: 0, level: numbering.level, token: numbering.token, text: numbering.rest });
    const enclosing = stack.current().slice(0, -1);
    const unitsText = unitsOf(numbering.rest);
    items.push({
      path: [...enclosing.map((e) => e.token ?? ""), numbering.token],
      headings: enclosing.map((e) => e.text),
      text: numbering.rest,
      criteria: null,
      unitsText,
      units: unitsText ? parseUnits(unitsText) : [],
      deadlines: extractDeadlines(numbering.rest, year),
    });
  });
  return items;
}
