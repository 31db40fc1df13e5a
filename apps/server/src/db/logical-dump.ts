import { readFileSync, writeFileSync } from "node:fs";
import { sql, type Kysely } from "kysely";
import type { Dialect } from "./database.ts";
import { applicationTables, foreignKeys, parentsFirst, sortSelfReferencing } from "./catalog.ts";

/**
 * A portable logical backup: every application table's rows as JSON, with the migrations the data was written
 * under. Used when pg_dump is not installed; readable by either dialect, since the schema is the same on both.
 */
export const LOGICAL_FORMAT = "luoshi-logical-backup";
export type LogicalDump = {
  format: typeof LOGICAL_FORMAT;
  formatVersion: 1;
  dialect: Dialect;
  createdAt: string;
  migrations: string[];
  tables: Record<string, Record<string, unknown>[]>;
};

const CHUNK = 100;

async function appliedMigrations<T>(db: Kysely<T>): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((r) => r.name);
}

/** Reads every table in one transaction (repeatable read on PostgreSQL), so the rows are one consistent state. */
export async function exportLogical<T>(db: Kysely<T>, options: { dialect: Dialect; file: string }): Promise<number> {
  const dump = await db
    .transaction()
    .setIsolationLevel(options.dialect === "postgres" ? "repeatable read" : "serializable")
    .execute(async (trx) => {
      const tables: LogicalDump["tables"] = {};
      for (const table of (await applicationTables(trx)).sort()) {
        const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(trx);
        tables[table] = rows.map(encodeBinary);
      }
      return {
        format: LOGICAL_FORMAT,
        formatVersion: 1,
        dialect: options.dialect,
        createdAt: new Date().toISOString(),
        migrations: await appliedMigrations(trx),
        tables,
      } satisfies LogicalDump;
    });
  writeFileSync(options.file, JSON.stringify(dump));
  return Object.values(dump.tables).reduce((n, rows) => n + rows.length, 0);
}

export function readLogical(file: string): LogicalDump {
  const dump = JSON.parse(readFileSync(file, "utf8")) as Partial<LogicalDump>; // checked on the next line
  if (dump.format !== LOGICAL_FORMAT || dump.formatVersion !== 1 || !dump.tables || !dump.migrations) {
    throw new Error("不是落实的逻辑备份文件");
  }
  return dump as LogicalDump;
}

/**
 * Replaces every row of a migrated database with the dump's, in one transaction. Run the migrations first:
 * a dump from an older version loads into the newer schema (new columns take their defaults).
 */
export async function importLogical<T>(db: Kysely<T>, options: { dialect: Dialect; dump: LogicalDump }) {
  const { dump, dialect } = options;
  const applied = await appliedMigrations(db);
  const unknown = dump.migrations.filter((m) => !applied.includes(m));
  if (unknown.length > 0) throw new Error(`备份来自更新的版本（迁移 ${unknown.join("、")}），请先升级落实`);
  await db.transaction().execute(async (trx) => {
    const tables = await applicationTables(trx);
    const keys = await foreignKeys(trx, dialect, tables);
    const order = parentsFirst(tables, keys);
    for (const table of [...order].reverse()) await sql`delete from ${sql.table(table)}`.execute(trx);
    for (const table of order) {
      const selfKey = keys.find((k) => k.table === table && k.refTable === table);
      const rows = dump.tables[table] ?? [];
      const sorted = selfKey ? sortSelfReferencing(rows, selfKey) : rows;
      for (let i = 0; i < sorted.length; i += CHUNK) {
        // Table names come from the database catalog, never from the file.
        await (trx as unknown as Kysely<Record<string, Record<string, unknown>>>)
          .insertInto(table)
          .values(sorted.slice(i, i + CHUNK).map(decodeBinary))
          .execute();
      }
    }
    if (dialect === "postgres") await resetSequences(trx, tables);
  });
}

// Binary columns (source_files.content) come back as Buffers, which JSON would turn into arrays of numbers.
const BINARY_KEY = "$base64";

function encodeBinary(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = Buffer.isBuffer(v) ? { [BINARY_KEY]: v.toString("base64") } : v;
  return out;
}

function decodeBinary(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    const encoded = v && typeof v === "object" ? (v as Record<string, unknown>)[BINARY_KEY] : undefined;
    out[k] = typeof encoded === "string" ? Buffer.from(encoded, "base64") : v;
  }
  return out;
}

/** Inserting explicit ids leaves a serial column's sequence behind; the next insert would collide. */
async function resetSequences<T>(db: Kysely<T>, tables: string[]): Promise<void> {
  for (const table of await db.introspection.getTables()) {
    if (!tables.includes(table.name)) continue;
    for (const column of table.columns.filter((c) => c.isAutoIncrementing)) {
      await sql`select setval(pg_get_serial_sequence(${table.name}, ${column.name}),
        coalesce((select max(${sql.ref(column.name)}) from ${sql.table(table.name)}), 0) + 1, false)`.execute(db);
    }
  }
}
