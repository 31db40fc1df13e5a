import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import SQLite from "better-sqlite3";
import { sqliteFile } from "../db/database.ts";
import { CliError } from "./cli-error.ts";
import { serverRunning, targetNotEmpty } from "./restore-checks.ts";

/**
 * Refuses while another process has the database open. A server keeps its connection open; in WAL mode an
 * exclusive lock is then unobtainable, and replacing the file under it would leave it writing to a deleted inode.
 */
export function assertSqliteIdle(dataDir: string): void {
  const file = sqliteFile(dataDir);
  if (!existsSync(file)) return;
  const sqlite = new SQLite(file, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 0");
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.exec("BEGIN EXCLUSIVE");
    sqlite.exec("COMMIT");
  } catch (error) {
    if ((error as { code?: unknown }).code === "SQLITE_BUSY") throw serverRunning();
    throw error;
  } finally {
    sqlite.close();
  }
}

function hasRows(file: string): boolean {
  if (!existsSync(file)) return false;
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = sqlite
      .prepare(
        "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'",
      )
      .pluck()
      .all() as string[]; // pluck() returns the single text column
    return tables.some((t) => sqlite.prepare(`select 1 from "${t.replace(/"/g, '""')}" limit 1`).get() !== undefined);
  } finally {
    sqlite.close();
  }
}

function checkBackup(file: string): void {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const result = sqlite.pragma("integrity_check", { simple: true });
    if (result !== "ok") throw new CliError("BACKUP_CORRUPT", `备份文件已损坏：${String(result)}`);
  } finally {
    sqlite.close();
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Swaps the database file for a checked copy of the backup: copy to a temp file in the same directory, fsync,
 * rename over the old file (atomic), then drop the old file's -wal/-shm, which would otherwise be replayed
 * onto the restored pages at the next open.
 */
export function restoreSqliteFile(options: { file: string; dataDir: string; force: boolean }): void {
  const target = sqliteFile(options.dataDir);
  checkBackup(options.file);
  if (!options.force && hasRows(target)) throw targetNotEmpty();
  const temp = join(dirname(target), `.luoshi.db.${process.pid}.restoring`);
  try {
    copyFileSync(options.file, temp);
    fsyncPath(temp);
    renameSync(temp, target);
    for (const suffix of ["-wal", "-shm", "-journal"]) rmSync(target + suffix, { force: true });
    fsyncPath(dirname(target));
  } finally {
    rmSync(temp, { force: true });
  }
}
