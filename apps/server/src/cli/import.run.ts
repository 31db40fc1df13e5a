import { basename } from "node:path";
import type { ImportResult } from "@luoshi/contract";
import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { AppError } from "../http/app-error.ts";
import { SYSTEM_ACTOR } from "../modules/org/org-context.ts";
import { seedStarterRegistry } from "../modules/org/org-starter.service.ts";
import { findJurisdictionRowByCode, listJurisdictionRows } from "../modules/org/org.repository.ts";
import { importFile } from "../modules/plan/plan-import.service.ts";
import { UnreadableFileError } from "../modules/plan/plan-parse.ts";
import { CliError } from "./cli-error.ts";
import { writeStderr, writeStdout } from "./output.ts";
import { readInputFile } from "./read-input.ts";
import { parseCommandArgs } from "./usage.ts";

const USAGE = "用法：luoshi import <文件>… --jurisdiction <区划代码> [--json]";

export async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    jurisdiction: { type: "string" },
    json: { type: "boolean", default: false },
  });
  if (positionals.length === 0 || !values.jurisdiction) throw new CliError("USAGE_ERROR", USAGE);
  // Read every file first: a typo in the third name should not leave the first two imported.
  const files = [];
  for (const path of positionals) files.push({ path, bytes: await readInputFile(path) });
  const database = openDatabase({ ...loadConfig(), applicationName: "luoshi-cli" });
  try {
    await migrateToLatest(database.db);
    if ((await listJurisdictionRows(database.db)).length === 0) {
      const seeded = await seedStarterRegistry(database.db);
      await writeStderr(`单位名录为空，已载入内置起始名录：${seeded.jurisdictions} 个区划，${seeded.units} 个单位\n`);
    }
    const jurisdiction = await findJurisdictionRowByCode(database.db, values.jurisdiction);
    if (!jurisdiction) {
      throw new CliError("JURISDICTION_NOT_FOUND", `行政区划代码 ${values.jurisdiction} 不在单位名录中`);
    }
    const results: { file: string; result: ImportResult }[] = [];
    for (const file of files) {
      const result = await importFile(database.db, SYSTEM_ACTOR, {
        jurisdictionId: jurisdiction.id,
        filename: basename(file.path),
        bytes: file.bytes,
      }).catch((error: unknown) => {
        throw toCliError(error, file.path);
      });
      results.push({ file: file.path, result });
    }
    await writeStdout(
      values.json
        ? JSON.stringify({ imports: results.map((r) => ({ file: r.file, ...r.result })) }) + "\n"
        : results.map((r) => formatImport(r.file, r.result)).join("\n"),
    );
  } finally {
    await database.close();
  }
  return 0;
}

/** The parser's own code (BINARY_INPUT, CORRUPT_DOCX…) where there is one, so scripts can tell failures apart. */
function toCliError(error: unknown, file: string): unknown {
  if (error instanceof UnreadableFileError) return new CliError(error.parserCode, `${file}：${error.message}`);
  if (error instanceof AppError) return new CliError(error.code, `${file}：${error.message}`);
  return error;
}

const OUTCOME: Record<ImportResult["documents"][number]["outcome"], string> = {
  new: "新导入",
  new_version: "新版本",
  unchanged: "内容未变",
};

export function formatImport(file: string, r: ImportResult): string {
  const lines = [
    `${file}${r.duplicate ? "（此前已导入，未重复保存 / already imported）" : ""}`,
    `  原文件 ${r.sourceFile.id}  ${r.sourceFile.size} 字节  sha256 ${r.sourceFile.sha256.slice(0, 16)}…`,
    `  公文 ${r.documents.length} 份：`,
  ];
  for (const d of r.documents) {
    lines.push(`    ${d.id}  ${d.docNumber ?? "（无文号）"}  ${d.title ?? "（无标题）"}  [${OUTCOME[d.outcome]}]`);
    if (d.changes) {
      const c = d.changes;
      lines.push(`      变化：新增 ${c.added.length} 项，删除 ${c.removed.length} 项，修改 ${c.changed.length} 项`);
    }
  }
  lines.push(`  方案 ${r.plans.length} 个：`);
  for (const p of r.plans) {
    lines.push(`    ${p.id}  ${p.title ?? "（无标题）"}  ${p.itemCount} 项任务，${p.unresolvedCount} 处单位待确认`);
  }
  if (r.unresolved.length > 0) {
    lines.push(`  未能确定的单位名称 ${r.unresolved.length} 个：`);
    for (const u of r.unresolved) {
      const hint = u.suggestions[0] ? `（可能是 ${u.suggestions[0].name}）` : "";
      lines.push(`    ${u.name} ×${u.occurrences}${hint}`);
    }
  }
  return lines.join("\n") + "\n";
}
