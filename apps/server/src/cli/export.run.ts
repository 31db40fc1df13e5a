import { writeFile } from "node:fs/promises";
import { basename, extname, resolve } from "node:path";
import type { ParseOutput, ParsedPlan } from "@luoshi/contract";
import { parseAny } from "../convert/parse-any.ts";
import { planDocx, unitTaskListDocx } from "../modules/plan-export/plan-docx.ts";
import { viewForUnit, viewFromParsedPlan, type PlanExportView } from "../modules/plan-export/plan-export.ts";
import { planXlsx, unitTaskListXlsx } from "../modules/plan-export/plan-xlsx.ts";
import { CliError } from "./cli-error.ts";
import { writeStdout } from "./output.ts";
import { readInputFile } from "./read-input.ts";
import { parseCommandArgs } from "./usage.ts";

const USAGE = "用法：luoshi export <文件> --format docx|xlsx [--unit 单位名] [--plan 序号] [-o 输出文件]";

export async function runExport(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    format: { type: "string" },
    unit: { type: "string" },
    plan: { type: "string" },
    output: { type: "string", short: "o" },
  });
  const [file, ...extra] = positionals;
  const format = values.format;
  if (file === undefined || extra.length > 0 || (format !== "docx" && format !== "xlsx")) {
    throw new CliError("USAGE_ERROR", `${USAGE}（--format 必须是 docx 或 xlsx）`);
  }
  const unit = values.unit?.trim() || undefined;
  const plan = pickPlan(await parseDocument(file), values.plan);
  const view = viewFromParsedPlan(plan);
  if (unit !== undefined && viewForUnit(view, unit).items.length === 0) {
    throw new CliError("UNIT_NOT_IN_PLAN", `方案中没有点名该单位的任务：${unit}（单位名须与方案中的写法一致）`);
  }
  const out = resolve(values.output ?? defaultOutput({ file, format, unit }));
  // Writing over the document being read would lose the user's original.
  if (out === resolve(file)) throw new CliError("USAGE_ERROR", `输出文件不能与输入文件相同：${out}`);
  await writeFile(out, await render({ view, format, unit })).catch((error: unknown) => {
    throw new CliError(
      "OUTPUT_UNWRITABLE",
      `无法写入 ${out}：${error instanceof Error ? error.message : String(error)}`,
    );
  });
  const count = unit === undefined ? view.items.length : viewForUnit(view, unit).items.length;
  await writeStdout(`已导出 ${count} 项任务：${out}\nExported ${count} items: ${out}\n`);
  return 0;
}

function render(options: { view: PlanExportView; format: "docx" | "xlsx"; unit: string | undefined }) {
  const { view, format, unit } = options;
  if (format === "docx") return unit === undefined ? planDocx(view) : unitTaskListDocx(view, unit);
  return unit === undefined ? planXlsx(view) : unitTaskListXlsx(view, unit);
}

function defaultOutput(options: { file: string; format: string; unit: string | undefined }): string {
  const stem = basename(options.file, extname(options.file));
  const what = options.unit === undefined ? "分工方案" : `${options.unit}任务清单`;
  return `${stem}-${what.replace(/[\\/:*?"<>|]/g, "_")}.${options.format}`;
}

/**
 * A forwarding notice bundles the city table with the provincial and national key points (seeds 000, 002, 003);
 * the city's own 分工方案 is the table, so the first table wins unless --plan says otherwise.
 */
function pickPlan(output: ParseOutput, choice: string | undefined): ParsedPlan {
  const plans = output.documents.flatMap((d) => d.plans).filter((p) => p.items.length > 0);
  if (plans.length === 0) throw new CliError("NO_PLAN", "文件中没有识别出含任务的方案");
  const table = plans.find((p) => p.source === "table");
  if (choice === undefined && table) return table;
  const index = Number(choice ?? "1");
  const picked = Number.isInteger(index) ? plans[index - 1] : undefined;
  if (!picked) throw new CliError("USAGE_ERROR", `--plan 须为 1 到 ${plans.length} 之间的整数：${choice}`);
  return picked;
}

/** Reads a file as every entry point does (parseAny); an unreadable one is a CliError with the parser's code. */
async function parseDocument(file: string): Promise<ParseOutput> {
  const result = await parseAny({ bytes: await readInputFile(file), filename: basename(file) });
  if (!result.ok) throw new CliError(result.error.code, result.error.message);
  return result.output;
}
