import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { openDatabase, type Database, type Dialect } from "../../src/db/database.ts";
import { migrateToLatest } from "../../src/db/migrate.ts";

export type TestDatabase = Database & { url: string | undefined; dataDir: string; drop: () => Promise<void> };

/** The dialects every storage and service suite runs against: SQLite always, PostgreSQL when available. */
export function dialects(): Dialect[] {
  return inject("postgresUrl") ? ["sqlite", "postgres"] : ["sqlite"];
}

/** A fresh, migrated database of the given dialect: a temp SQLite file, or a new database in the test cluster. */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "luoshi-test-"));
  let url: string | undefined;
  let dropDb = async () => {};
  if (dialect === "postgres") {
    const admin = inject("postgresUrl");
    if (!admin) throw new Error("no PostgreSQL for this run");
    const name = `t_${randomUUID().replace(/-/g, "")}`;
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    await client.query(`CREATE DATABASE ${name}`);
    await client.end();
    url = admin.replace(/\/[^/]*$/, `/${name}`);
    dropDb = async () => {
      const c = new pg.Client({ connectionString: admin });
      await c.connect();
      // pg's Pool.end() resolves before its sockets have closed; forcing the drop while a backend is still
      // saying goodbye delivers a FATAL to a client nobody listens to any more. Wait for them to leave first.
      for (let tries = 0; tries < 50; tries++) {
        const open = await c.query("select count(*)::int as n from pg_stat_activity where datname = $1", [name]);
        if (open.rows[0]?.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    };
  }
  const database = openDatabase({ databaseUrl: url, dataDir });
  await migrateToLatest(database.db);
  return {
    ...database,
    url,
    dataDir,
    drop: async () => {
      await database.close();
      await dropDb();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
