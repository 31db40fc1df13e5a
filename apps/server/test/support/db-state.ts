import { sql, type Kysely } from "kysely";
import type { Dialect } from "../../src/db/database.ts";
import { applicationTables, foreignKeys } from "../../src/db/catalog.ts";

/** Every row of every table (and the applied migrations), order-independent, for "equal to the backup" checks. */
export async function snapshotRows<T>(db: Kysely<T>): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of [...(await applicationTables(db)), "kysely_migration"].sort()) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(db);
    out[table] = rows.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return out;
}

/** Rows whose foreign key points at nothing: none may exist in a consistent database (either dialect). */
export async function danglingReferences<T>(db: Kysely<T>, dialect: Dialect): Promise<string[]> {
  const keys = await foreignKeys(db, dialect, await applicationTables(db));
  const problems: string[] = [];
  for (const fk of keys) {
    const { rows } = await sql<{ n: number | string }>`
      select count(*) as n from ${sql.table(fk.table)} c
      where c.${sql.ref(fk.column)} is not null and not exists (
        select 1 from ${sql.table(fk.refTable)} p where p.${sql.ref(fk.refColumn)} = c.${sql.ref(fk.column)})`.execute(
      db,
    );
    if (Number(rows[0]?.n) > 0) problems.push(`${fk.table}.${fk.column} → ${fk.refTable}: ${rows[0]?.n}`);
  }
  return problems;
}

/** SQLite's own page-level check ("ok") or, on PostgreSQL, that every foreign key resolves. */
export async function integrityProblems<T>(db: Kysely<T>, dialect: Dialect): Promise<string[]> {
  const problems = await danglingReferences(db, dialect);
  if (dialect === "sqlite") {
    const { rows } = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(db);
    if (rows.map((r) => r.integrity_check).join() !== "ok") problems.push(JSON.stringify(rows));
  }
  return problems;
}
