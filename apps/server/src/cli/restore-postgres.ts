import { spawnSync } from "node:child_process";
import { sql } from "kysely";
import { openDatabase, SERVER_APPLICATION_NAME } from "../db/database.ts";
import { hasAnyRows } from "../db/catalog.ts";
import { findPgTool, serverMajorVersion } from "../db/pg-tools.ts";
import { CliError } from "./cli-error.ts";
import { serverRunning, targetNotEmpty } from "./restore-checks.ts";

/** Servers name their connections (database.ts), so one still running on the database shows up here. */
export async function assertPostgresIdle(url: string): Promise<void> {
  const database = openDatabase({ databaseUrl: url, dataDir: ".", applicationName: "luoshi-cli" });
  try {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from pg_stat_activity
      where datname = current_database() and application_name = ${SERVER_APPLICATION_NAME}`.execute(database.db);
    if ((rows[0]?.n ?? 0) > 0) throw serverRunning();
  } finally {
    await database.close();
  }
}

/** Tables the dump will create, from its table of contents (`pg_restore -l`). */
function dumpTables(pgRestore: string, file: string): string[] {
  const run = spawnSync(pgRestore, ["-l", file], { encoding: "utf8" });
  if (run.status !== 0) throw new CliError("BACKUP_CORRUPT", `无法读取备份：${run.stderr.trim()}`);
  return [...run.stdout.matchAll(/^\d+; \d+ \d+ TABLE \S+ (\S+) /gm)].map((m) => m[1] ?? "");
}

/**
 * pg_restore --clean replaces what the dump contains. Tables it does not know (made by a newer version's
 * migrations) are dropped first: left in place they would keep stale rows, block the drops through their
 * foreign keys, and make the migrations that run next fail on "table exists".
 */
export async function restorePostgresDump(options: { file: string; url: string; force: boolean }): Promise<void> {
  const pgRestore = findPgTool("pg_restore", await serverMajorVersion(options.url));
  if (!pgRestore)
    throw new CliError("PG_RESTORE_MISSING", "未找到 pg_restore（请安装与服务器版本匹配的 PostgreSQL 客户端）");
  const tablesInDump = dumpTables(pgRestore, options.file);
  const database = openDatabase({ databaseUrl: options.url, dataDir: ".", applicationName: "luoshi-cli" });
  try {
    if (!options.force && (await hasAnyRows(database.db))) throw targetNotEmpty();
    const extra = (await database.db.introspection.getTables())
      .map((t) => t.name)
      .filter((t) => !tablesInDump.includes(t));
    await database.db.transaction().execute(async (trx) => {
      for (const table of extra) await sql`drop table if exists ${sql.table(table)} cascade`.execute(trx);
    });
  } finally {
    await database.close();
  }
  const run = spawnSync(
    pgRestore,
    ["--clean", "--if-exists", "--no-owner", "--single-transaction", `--dbname=${options.url}`, options.file],
    { encoding: "utf8" },
  );
  if (run.status !== 0)
    throw new CliError("RESTORE_FAILED", `pg_restore 失败：${(run.stderr || run.error?.message || "").trim()}`);
}
