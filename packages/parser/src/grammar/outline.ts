import type { ParsedItem, ParsedUnit } from "@luoshi/contract";
import { numberToChinese } from "./cn-numerals.ts";
import { extractDeadlines, extractDeadlinesFromCell } from "./deadlines.ts";
import { readNumbering, type Numbering } from "./numbering.ts";
import { OutlineStack } from "./outline-stack.ts";
import { parseUnits } from "./units.ts";

type Numbered = { numbering: Numbering; text: string; extra: string[] };

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
// Prose plans name units and time limits in labelled lines, on their own or in brackets after the task:
// "责任单位：市政府办公室、市司法局", "（牵头单位：县财政局；配合单位：各镇人民政府）", "完成时限：2023年6月底前".
const LABEL = "责任单位|牵头单位|配合单位|责任部门|牵头部门|配合部门|完成时限|时限要求|完成时间|时间要求";
const LABELLED = new RegExp(`(?:^|[。；;\\s（(])(${LABEL})[:：]\\s*([^；;）)]+)`, "g");
const LABEL_LINE = new RegExp(`^[（(]?(?:${LABEL})[:：]`);

/** A paragraph that only labels the item above it ("责任单位：…", "完成时限：…"). */
export function isLabelLine(paragraph: string): boolean {
  return LABEL_LINE.test(paragraph);
}

type Labelled = { units: { text: string; role: "lead" | "assist" | "responsible" }[]; limits: string[] };

function readLabels(text: string): Labelled {
  const found: Labelled = { units: [], limits: [] };
  LABELLED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = LABELLED.exec(text)) !== null) {
    const label = m[1] ?? "";
    const value = (m[2] ?? "").trim().replace(/[。.]$/, "");
    if (/时限|时间/.test(label)) found.limits.push(value);
    else
      found.units.push({
        text: value,
        role: /牵头/.test(label) ? "lead" : /配合/.test(label) ? "assist" : "responsible",
      });
  }
  return found;
}

function unitsOf(text: string): { unitsText: string | null; units: ParsedUnit[] } {
  const labelled = readLabels(text).units;
  if (labelled.length > 0) {
    return {
      unitsText: labelled.map((u) => u.text).join(" | "),
      units: labelled.flatMap((u) => parseUnits(u.text, u.role)),
    };
  }
  const bracket = TRAILING_UNITS.exec(text);
  if (bracket?.[1] && /[部办局委院署会室厅府行]/.test(bracket[1])) {
    return { unitsText: bracket[1].trim(), units: parseUnits(bracket[1].trim()) };
  }
  return { unitsText: null, units: [] };
}

/**
 * Items of a numbered outline (一、/（一）/1./（1）). A numbered paragraph is a leaf when no deeper level follows
 * it; otherwise it is a heading of the items below. Unnumbered paragraphs (preamble, closing) are not items.
 */
export function buildOutlineItems(paragraphs: readonly string[], year: number | undefined): ParsedItem[] {
  const numbered: Numbered[] = [];
  let topLevel = 0;
  // Unnumbered paragraphs between two numbered ones continue the first; before the first or after the last they
  // are the preamble and the closing, which are not items. Labelled lines (责任单位：…) always attach.
  let between: string[] = [];
  for (const paragraph of paragraphs) {
    const numbering = readNumbering(paragraph);
    if (!numbering) {
      const last = numbered[numbered.length - 1];
      if (last && isLabelLine(paragraph)) last.extra.push(paragraph);
      else if (last) between.push(paragraph);
      continue;
    }
    const previous = numbered[numbered.length - 1];
    if (previous && between.length > 0 && numbering.level >= previous.numbering.level) {
      previous.numbering = { ...previous.numbering, rest: [previous.numbering.rest, ...between].join("\n") };
    }
    between = [];
    if (numbering.level === 1) topLevel = numbering.value;
    const parts = numbering.level === 1 ? [paragraph] : splitGluedHeading(paragraph, topLevel + 1);
    for (const part of parts) {
      const n = part === paragraph ? numbering : readNumbering(part);
      if (!n) continue;
      if (n.level === 1) topLevel = n.value;
      numbered.push({ numbering: n, text: part, extra: [] });
    }
  }

  const items: ParsedItem[] = [];
  const stack = new OutlineStack();
  numbered.forEach(({ numbering, extra }, i) => {
    const next = numbered[i + 1];
    const isLeaf = !next || next.numbering.level <= numbering.level;
    if (!isLeaf) {
      stack.set({ column: 0, level: numbering.level, token: numbering.token, text: numbering.rest });
      return;
    }
    stack.set({ column: 0, level: numbering.level, token: numbering.token, text: numbering.rest });
    const enclosing = stack.current().slice(0, -1);
    const labelled = [numbering.rest, ...extra].join("；");
    const { unitsText, units } = unitsOf(labelled);
    const limits = readLabels(labelled).limits;
    items.push({
      path: [...enclosing.map((e) => e.token ?? ""), numbering.token],
      headings: enclosing.map((e) => e.text),
      text: numbering.rest,
      criteria: null,
      unitsText,
      units,
      deadlines: [
        ...extractDeadlines(numbering.rest, year),
        ...limits.filter((l) => !numbering.rest.includes(l)).flatMap((l) => extractDeadlinesFromCell(l, year)),
      ],
    });
  });
  return items;
}
