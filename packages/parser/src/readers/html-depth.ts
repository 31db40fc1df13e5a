/**
 * htmlparser2 keeps its open-element stack with Array#unshift, so every tag costs time proportional to the
 * current depth: a page nested 100,000 levels deep takes minutes. No real page nests beyond a few hundred
 * levels, so past `maxDepth` the tags themselves are removed (their text stays) before parsing, in one linear scan.
 */
export function flattenDeepNesting(html: string, maxDepth: number): { html: string; flattened: boolean } {
  if (!mayExceed(html, maxDepth)) return { html, flattened: false };
  let depth = 0;
  let excess = 0;
  let flattened = false;
  const out = html.replace(TAG, (tag: string, rawBlock: string | undefined, slash: string, name: string) => {
    if (rawBlock !== undefined || name === undefined) return excess > 0 ? "" : tag;
    const lower = name.toLowerCase();
    const isClose = slash === "/";
    const counts = !VOID_OR_IMPLIED.has(lower) && !tag.endsWith("/>");
    if (excess > 0) {
      if (counts) excess += isClose ? -1 : 1;
      return "";
    }
    if (!counts) return tag;
    if (isClose) {
      depth = Math.max(0, depth - 1);
      return tag;
    }
    if (depth >= maxDepth) {
      excess = 1;
      flattened = true;
      return "";
    }
    depth++;
    return tag;
  });
  return { html: out, flattened };
}

/** Comments and script/style bodies are skipped whole; other tags are matched by name. */
const TAG = /(<!--[\s\S]*?-->|<(?:script|style)\b[\s\S]*?<\/(?:script|style)\s*>)|<(\/?)([a-zA-Z][\w:-]*)[^>]*>/g;

/** Elements that never nest deeply in htmlparser2: void elements, and those closed by their next sibling. */
const VOID_OR_IMPLIED = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "p",
  "li",
  "td",
  "th",
  "tr",
  "option",
  "dt",
  "dd",
  "thead",
  "tbody",
  "tfoot",
]);

/** Depth can only exceed the limit if there are at least that many "<" characters. */
function mayExceed(html: string, maxDepth: number): boolean {
  let count = 0;
  for (let at = html.indexOf("<"); at >= 0; at = html.indexOf("<", at + 1)) {
    if (++count > maxDepth) return true;
  }
  return false;
}
