const OPEN = new Set(["（", "(", "《", "〈", "【", "[", "“", "‘", "「"]);
const CLOSE = new Set(["）", ")", "》", "〉", "】", "]", "”", "’", "」"]);

/** Splits on any of `separators` at bracket depth 0: "各县（市、区）政府，市有关单位" → 2 parts. */
export function splitTopLevel(text: string, separators: ReadonlySet<string>): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] ?? "";
    if (OPEN.has(ch)) depth++;
    else if (CLOSE.has(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.has(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

const LIST_SEPARATORS = new Set(["，", "、", ","]);

/**
 * 主送机关 / 抄送机关, split on ，、, outside brackets. The fixed phrase 各省、自治区、直辖市人民政府 names one
 * recipient (the provinces of every kind), so its 、 do not split.
 */
export function splitOrganList(text: string): string[] {
  const protectedText = text.replace(/各省、\s*自治区、\s*直辖市/g, "各省\uE000自治区\uE000直辖市");
  return splitTopLevel(protectedText, LIST_SEPARATORS)
    .map((part) =>
      part
        .replace(/\uE000/g, "、")
        .replace(/\s+/g, "")
        .replace(/[。．.；;：:]+$/, ""),
    )
    .filter((part) => part.length > 0);
}
