import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import SQLite from "better-sqlite3";
import { loadConfig } from "../config.ts";
import { openDatabase, sqliteFile } from "../db/database.ts";
import { exportLogical } from "../db/logical-dump.ts";
import { findPgTool, serverMajorVersion } from "../db/pg-tools.ts";
import { CliError } from "./cli-error.ts";
import { writeStdout } from "./output.ts";
import { parseCommandArgs } from "./usage.ts";

type Method = "sqlite-online-backup" | "pg_dump" | "logical-json";
const METHOD_TEXT: Record<Method, string> = {
  "sqlite-online-backup": "SQLite 在线备份 / SQLite online backup API",
  pg_dump: "pg_dump 自定义格式 / pg_dump custom format",
  "logical-json": "逻辑备份（未找到 pg_dump）/ logical JSON export (pg_dump not found)",
};

export async function runBackup(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { force: { type: "boolean", default: false } });
  const [target, ...extra] = positionals;
  if (target === undefined || extra.length > 0)
    throw new CliError("USAGE_ERROR", "用法：luoshi backup <文件> [--force]");
  const file = resolve(target);
  if (existsSync(file) && !values.force) {
    throw new CliError("FILE_EXISTS", `备份文件已存在：${file}（加 --force 覆盖）`);
  }
  // Written beside the target and renamed at the end: a failed backup never leaves a truncated file behind.
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.partial`);
  try {
    const method = await writeBackup(temp);
    renameSync(temp, file);
    const size = (statSync(file).size / 1024).toFixed(1);
    await writeStdout(`已备份到 ${file}（${size} KB，${METHOD_TEXT[method]}）\nBacked up to ${file}\n`);
    return 0;
  } finally {
    rmSync(temp, { force: true });
  }
}

async function writeBackup(temp: string): Promise<Method> {
  const config = loadConfig();
  if (!config.databaseUrl) {
    const source = sqliteFile(config.dataDir);
    if (!existsSync(source)) throw new CliError("NO_DATABASE", `数据库不存在：${source}（检查 LUOSHI_DATA_DIR）`);
    // A connection of our own; the backup API copies pages while the server's process keeps reading and
    // writing (WAL), restarting the copy if a write lands mid-way, so the result is one committed state.
    const sqlite = new SQLite(source, { fileMustExist: true });
    try {
      sqlite.pragma("busy_timeout = 5000");
      await sqlite.backup(temp);
    } finally {
      sqlite.close();
    }
    return "sqlite-online-backup";
  }
  const pgDump = findPgTool("pg_dump", await serverMajorVersion(config.databaseUrl));
  if (pgDump) {
    const run = spawnSync(pgDump, ["-Fc", "-f", temp, `--dbname=${config.databaseUrl}`], { encoding: "utf8" });
    if (run.status !== 0)
      throw new CliError("BACKUP_FAILED", `pg_dump 失败：${(run.stderr || run.error?.message || "").trim()}`);
    return "pg_dump";
  }
  const database = openDatabase({ ...config, applicationName: "luoshi-cli" });
  try {
    await exportLogical(database.db, { dialect: "postgres", file: temp });
  } finally {
    await database.close();
  }
  return "logical-json";
}
