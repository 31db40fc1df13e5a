import { basename } from "node:path";
import type { ParseOutput } from "@luoshi/contract";
import { parseAny } from "../convert/parse-any.ts";
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

/** Reads a file as every entry point does (parseAny); an unreadable one is a CliError with the parser's code. */
async function parseFile(file: string): Promise<ParseOutput> {
  const result = await parseAny({ bytes: await readInputFile(file), filename: basename(file) });
  if (!result.ok) throw new CliError(result.error.code, result.error.message);
  return result.output;
}
