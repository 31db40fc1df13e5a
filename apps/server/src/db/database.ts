import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";
export type Database = { db: Kysely<DB>; dialect: Dialect; close: () => Promise<void>; sqlite?: SQLite.Database };

/**
 * The one place that opens storage. SQLite (a file in the data directory) is the embedded default;
 * a postgres:// URL selects PostgreSQL. The same migrations and repositories serve both.
 */
export function openDatabase(options: { databaseUrl?: string | undefined; dataDir: string }): Database {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(join(options.dataDir, "luoshi.db"));
  // WAL for concurrent readers, foreign keys enforced, and waiting on a lock instead of failing at once.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", close: () => db.destroy(), sqlite };
}
