/** What every reader builds before rendering canonical text: paragraphs and tables in reading order. */
export type Block = { kind: "paragraph"; text: string } | { kind: "table"; rows: string[][] };

/**
 * Runs of layout whitespace (ASCII, no-break space, zero-width marks) become one space; the ends are trimmed.
 * A full-width space inside a line is kept: documents print it on purpose (e.g. where an image was).
 */
export function collapseSpaces(text: string): string {
  return text.replace(/(?:[ \t\n\r\f\v\u00a0\u200b\u2028\u2029\ufeff]|\u200c|\u200d)+/g, " ").trim();
}

/** Canonical text: a paragraph per line; a table as tab-joined rows with a blank line before and after it. */
export function renderBlocks(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const block of blocks) {
    if (block.kind === "paragraph") {
      lines.push(block.text);
      continue;
    }
    if (lines.length > 0 && lines[lines.length - 1] !== "") lines.push("");
    for (const row of block.rows) lines.push(row.map((cell) => cell.replace(/[\t\n]/g, " ")).join("\t"));
    lines.push("");
  }
  while (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
