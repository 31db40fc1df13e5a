import { mkdirSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { Kysely, PostgresDialect, SqliteDialect } from "kysely";
import pg from "pg";
import type { DB } from "./schema.ts";

export type Dialect = "sqlite" | "postgres";
export type Database = { db: Kysely<DB>; dialect: Dialect; close: () => Promise<void>; sqlite?: SQLite.Database };

/** How a server's PostgreSQL connections name themselves in pg_stat_activity. */
export const SERVER_APPLICATION_NAME = "luoshi";

/** The embedded database file inside the data directory. */
export function sqliteFile(dataDir: string): string {
  return join(dataDir, "luoshi.db");
}

/**
 * The one place that opens storage. SQLite (a file in the data directory) is the embedded default;
 * a postgres:// URL selects PostgreSQL. The same migrations and repositories serve both.
 */
export function openDatabase(options: {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** How PostgreSQL lists these connections; servers keep the default, maintenance commands name themselves. */
  applicationName?: string;
}): Database {
  if (options.databaseUrl) {
    // The application name lets `luoshi restore` see servers still connected to the database.
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: 10,
      application_name: options.applicationName ?? SERVER_APPLICATION_NAME,
    });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: "postgres", close: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const sqlite = new SQLite(sqliteFile(options.dataDir));
  // WAL for concurrent readers, foreign keys enforced, and waiting on a lock instead of failing at once.
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: "sqlite", close: () => db.destroy(), sqlite };
}
