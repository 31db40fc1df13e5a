/**
 * The text a drafted plan is stored with as its "source file". A drafted plan was never an uploaded 公文, but
 * every plan belongs to a document and every document to a source file; rather than weaken those constraints,
 * the draft gets a document of its own whose file is this generated UTF-8 text: readable when downloaded, and
 * saying plainly that it is a system draft, from which upstream plan, and when. Pure.
 */

export interface DraftTextInput {
  /** The drafted plan's id: printed, so two drafts made alike on one day are still two distinct files. */
  planId: string;
  title: string;
  upstreamTitle: string | null;
  upstreamDocNumber: string | null;
  /** ISO timestamp of the draft. */
  at: string;
  items: readonly { path: readonly string[]; headings: readonly string[]; text: string }[];
}

export const DRAFT_MEDIA_TYPE = "text/plain; charset=utf-8";

/** “江门市…分工方案（系统起草）.txt”, without characters a file system or a download header would mangle. */
export function draftFilename(title: string): string {
  const safe = title.replace(/[\\/:*?"<>|\r\n\t]/g, "").slice(0, 120);
  return `${safe || "分工方案"}（系统起草）.txt`;
}

/** 一 → “一、”, 1 → “1.”, （一） and 1） stay as printed. */
function numbered(number: string | undefined): string {
  if (number === undefined || number === "") return "";
  if (/^[一二三四五六七八九十百零]+$/.test(number)) return `${number}、`;
  if (/^\d+$/.test(number)) return `${number}.`;
  return number;
}

export function renderDraftText(input: DraftTextInput): string {
  const source = [
    input.upstreamTitle ? `《${input.upstreamTitle}》` : "上级方案",
    input.upstreamDocNumber ? `（${input.upstreamDocNumber}）` : "",
  ].join("");
  const lines = [
    input.title,
    "",
    `（系统起草稿：由落实系统于 ${input.at.slice(0, 10)} 根据${source}逐条起草，不是导入的原件；` +
      "责任单位待政务公开办确认，内容以系统中的方案为准。）",
    "",
  ];
  let printed: readonly string[] = [];
  for (const item of input.items) {
    // A heading line each time a category starts, numbered by the item's own path at that level.
    item.headings.forEach((heading, level) => {
      if (printed[level] === heading && printed.slice(0, level).every((h, i) => h === item.headings[i])) return;
      lines.push(`${numbered(item.path[level])}${heading}`);
    });
    printed = item.headings;
    lines.push(`${numbered(item.path.at(-1))}${item.text}`);
  }
  lines.push("", `（方案编号：${input.planId}）`);
  return `${lines.join("\n")}\n`;
}
