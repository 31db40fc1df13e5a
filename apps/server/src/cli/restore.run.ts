import { closeSync, existsSync, openSync, readSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "../config.ts";
import { openDatabase, type Database } from "../db/database.ts";
import { hasAnyRows } from "../db/catalog.ts";
import { importLogical, readLogical } from "../db/logical-dump.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { CliError } from "./cli-error.ts";
import { formatMigrations } from "./migrate.run.ts";
import { writeStdout } from "./output.ts";
import { targetNotEmpty } from "./restore-checks.ts";
import { assertPostgresIdle, restorePostgresDump } from "./restore-postgres.ts";
import { assertSqliteIdle, restoreSqliteFile } from "./restore-sqlite.ts";
import { parseCommandArgs } from "./usage.ts";

export type BackupKind = "sqlite" | "pg_dump" | "logical";

/** What a file is, from its first bytes: the three formats `luoshi backup` writes. */
export function detectBackupKind(file: string): BackupKind {
  const fd = openSync(file, "r");
  const head = Buffer.alloc(16);
  try {
    readSync(fd, head, 0, 16, 0);
  } finally {
    closeSync(fd);
  }
  if (head.toString("latin1") === "SQLite format 3\0") return "sqlite";
  if (head.subarray(0, 5).toString("latin1") === "PGDMP") return "pg_dump";
  if (head.toString("latin1").trimStart().startsWith("{")) return "logical";
  throw new CliError("UNKNOWN_BACKUP", `无法识别的备份文件：${file}（应为 luoshi backup 生成的文件）`);
}

export async function runRestore(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { force: { type: "boolean", default: false } });
  const [source, ...extra] = positionals;
  if (source === undefined || extra.length > 0)
    throw new CliError("USAGE_ERROR", "用法：luoshi restore <文件> [--force]");
  const file = resolve(source);
  if (!existsSync(file)) throw new CliError("FILE_NOT_FOUND", `备份文件不存在：${file}`);
  const kind = detectBackupKind(file);
  const config = loadConfig();
  const target = config.databaseUrl ? "postgres" : "sqlite";
  if ((kind === "sqlite" && target !== "sqlite") || (kind === "pg_dump" && target !== "postgres")) {
    throw new CliError(
      "BACKUP_MISMATCH",
      `备份是 ${kind === "sqlite" ? "SQLite" : "PostgreSQL"} 数据库，而目标是 ${target === "sqlite" ? "SQLite" : "PostgreSQL"}`,
    );
  }
  if (config.databaseUrl) await assertPostgresIdle(config.databaseUrl);
  else assertSqliteIdle(config.dataDir);
  if (kind === "sqlite") restoreSqliteFile({ file, dataDir: config.dataDir, force: values.force });
  if (kind === "pg_dump" && config.databaseUrl) {
    await restorePostgresDump({ file, url: config.databaseUrl, force: values.force });
  }
  const database = openDatabase({ ...config, applicationName: "luoshi-cli" });
  try {
    const ran = await migrateToLatest(database.db);
    if (kind === "logical") await restoreLogical(database, { file, force: values.force });
    await writeStdout(`已从 ${file} 恢复 / Restored from ${file}\n${formatMigrations(ran)}`);
  } finally {
    await database.close();
  }
  return 0;
}

async function restoreLogical(database: Database, options: { file: string; force: boolean }): Promise<void> {
  if (!options.force && (await hasAnyRows(database.db))) throw targetNotEmpty();
  try {
    await importLogical(database.db, { dialect: database.dialect, dump: readLogical(options.file) });
  } catch (error) {
    throw new CliError("RESTORE_FAILED", `恢复失败：${error instanceof Error ? error.message : String(error)}`);
  }
}
