import type { Deadline } from "@luoshi/contract";
import { chineseToNumber } from "./cn-numerals.ts";
import { isoDate, lastDayOfMonth } from "./dates.ts";

/**
 * Time limits (时限) as real documents print them. Absolute ("2020年底前", "8月底前", "12 月份", "年内"),
 * recurring yearly dates ("每年的 1 月 31 日前"), and relative ones ("5个工作日内", "征集结束后1个月内").
 * Frequencies (每年至少…, 定期) and adverbs (持续, 尽快, 及时) are not deadlines.
 * A date without a year takes `year` (the year of the document's 成文日期).
 */
type Rule = { source: string; build: (g: string[], year: number | undefined) => Omit<Deadline, "text"> | undefined };

const N = "(\\d{1,4}|[一二三四五六七八九十两]+)";
const S = "\\s*";
const BEFORE = "(?:之|以)?前";
const WITHIN = "(?:之|以)?内";

const by = (date: string | undefined): Omit<Deadline, "text"> => (date ? { kind: "by", date } : { kind: "by" });
const num = (s: string | undefined): number | undefined => (s === undefined ? undefined : chineseToNumber(s));
const endOfYear = (y: number | undefined) => (y === undefined ? undefined : isoDate(y, 12, 31));
const endOfMonth = (y: number | undefined, m: number | undefined) =>
  y === undefined || m === undefined ? undefined : lastDayOfMonth(y, m);

const RULES: Rule[] = [
  {
    // 每年的 1 月 31 日前 / 每年 2 月 20 日前
    source: `每年(?:的)?${S}(\\d{1,2})${S}月${S}(\\d{1,2})${S}日${S}${BEFORE}`,
    build: (g) => ({ kind: "recurring", month: Number(g[0]), day: Number(g[1]) }),
  },
  {
    source: `(\\d{4})${S}年${S}(\\d{1,2})${S}月${S}(\\d{1,2})${S}日${S}${BEFORE}`,
    build: (g) => by(isoDate(Number(g[0]), Number(g[1]), Number(g[2]))),
  },
  {
    // "在2023年前": before the year 2023 begins.
    source: `在${S}(\\d{4})${S}年${S}${BEFORE}`,
    build: (g) => by(endOfYear(Number(g[0]) - 1)),
  },
  {
    source: `(\\d{4})${S}年${S}(?:底|末|年底|年末)${S}${BEFORE}|(\\d{4})${S}年${S}(?:内|年内)`,
    build: (g) => by(endOfYear(Number(g[0] ?? g[1]))),
  },
  {
    source: `(\\d{4})${S}年${S}(\\d{1,2})${S}月${S}(?:底|末|份)${S}(?:${BEFORE})?`,
    build: (g) => by(endOfMonth(Number(g[0]), Number(g[1]))),
  },
  {
    source: `(?<![\\d年])(\\d{1,2})${S}月${S}(?:底|末)${S}${BEFORE}`,
    build: (g, y) => by(endOfMonth(y, Number(g[0]))),
  },
  {
    source: `(?<![\\d年])(\\d{1,2})${S}月${S}(\\d{1,2})${S}日${S}${BEFORE}`,
    build: (g, y) => by(y === undefined ? undefined : isoDate(y, Number(g[0]), Number(g[1]))),
  },
  {
    source: `今年${S}(\\d{1,2})${S}月(?:份|底|末)?(?:${BEFORE})?`,
    build: (g, y) => by(endOfMonth(y, Number(g[0]))),
  },
  {
    source: `(?<![\\d年])(\\d{1,2})${S}月份`,
    build: (g, y) => by(endOfMonth(y, Number(g[0]))),
  },
  {
    source: `(?<![\\d一二三四五六七八九十两每本])(?:今年内|今年底前|今年年底前|年底前|年末前|年内)`,
    build: (_g, y) => by(endOfYear(y)),
  },
  {
    source: `${N}${S}个${S}工作日${S}${WITHIN}`,
    build: (g) => within(g[0], "workday"),
  },
  {
    source: `${N}${S}个${S}月${S}${WITHIN}`,
    build: (g) => within(g[0], "month"),
  },
  {
    source: `(?<![月\\d])${N}${S}(?:个${S})?(?:自然日|日|天)${S}${WITHIN}`,
    build: (g) => within(g[0], "day"),
  },
  {
    source: `${N}${S}(?:个${S})?小时${S}${WITHIN}`,
    build: (g) => within(g[0], "hour"),
  },
];

function within(
  amountText: string | undefined,
  unit: NonNullable<Deadline["unit"]>,
): Omit<Deadline, "text"> | undefined {
  const amount = num(amountText);
  return amount === undefined || amount <= 0 ? undefined : { kind: "within", amount, unit };
}

// One alternation, each rule's groups fenced by a named marker group, so a single left-to-right scan finds
// phrases in order of appearance and never the same characters twice.
const groupCounts = RULES.map((r) => (new RegExp(`${r.source}|`).exec("")?.length ?? 1) - 1);
const COMBINED = new RegExp(RULES.map((r) => `(${r.source})`).join("|"), "g");

/** Cheap pre-check: nearly all paragraphs have none of these characters. */
const TRIGGER = /[前内份月]/;

export function extractDeadlines(text: string, year: number | undefined): Deadline[] {
  if (!TRIGGER.test(text)) return [];
  const found: Deadline[] = [];
  COMBINED.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = COMBINED.exec(text)) !== null) {
    let index = 1;
    for (let r = 0; r < RULES.length; r++) {
      const count = groupCounts[r] ?? 0;
      if (m[index] !== undefined) {
        const groups = m.slice(index + 1, index + 1 + count) as string[];
        const rule = RULES[r];
        const built = rule?.build(groups, year);
        if (built) found.push({ text: m[0].trim(), ...built });
        break;
      }
      index += 1 + count;
    }
  }
  return found;
}

/** A cell of a 时限/完成时限 column: besides phrases, it may say 长期 / 持续 (standing). */
export function extractDeadlinesFromCell(cell: string, year: number | undefined): Deadline[] {
  const phrases = extractDeadlines(cell, year);
  if (phrases.length > 0) return phrases;
  const standing = /^(长期(?:坚持|推进)?|持续(?:推进)?|常态化|长期执行)$/.exec(cell.trim());
  return standing ? [{ text: standing[0], kind: "standing" }] : [];
}
