import { basename } from "node:path";
import { parseBytes } from "@luoshi/parser";
import type { ParseOutput } from "@luoshi/contract";
import { convertToDocx } from "../convert/soffice.ts";
import { CliError } from "./cli-error.ts";
import { writeStdout } from "./output.ts";
import { formatParseSummary } from "./parse-summary.ts";
import { readInputFile } from "./read-input.ts";
import { parseCommandArgs } from "./usage.ts";

export async function runParse(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean", default: false } });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) {
    throw new CliError("USAGE_ERROR", "用法：luoshi parse <文件> [--json]（一次解析一个文件）");
  }
  const output = await parseFile(file);
  await writeStdout(values.json ? JSON.stringify(output) + "\n" : formatParseSummary(output, file));
  return 0;
}

/**
 * The parser decides the format from the bytes (a ".doc" is often really HTML or .docx), and asks for
 * conversion only for what it cannot read itself: OLE Word/WPS, RTF, OpenDocument. Those go through LibreOffice.
 */
async function parseFile(file: string): Promise<ParseOutput> {
  const bytes = await readInputFile(file);
  const filename = basename(file);
  const first = await parseBytes(bytes, { filename });
  if (first.ok) return first.output;
  if (first.error.code !== "NEEDS_CONVERSION") throw new CliError(first.error.code, first.error.message);
  const converted = await convertToDocx({ bytes, filename });
  if (!converted.ok) throw new CliError(converted.error.code, converted.error.message);
  const second = await parseBytes(converted.bytes, { filename: converted.filename });
  if (!second.ok) throw new CliError(second.error.code, second.error.message);
  return second.output;
}
