import { sql, type Kysely } from "kysely";
import type { Dialect } from "./database.ts";

/** A foreign key between two tables (`table.column` → `refTable.refColumn`), read from the catalog. */
export type ForeignKey = { table: string; column: string; refTable: string; refColumn: string };

/** Application tables: everything but Kysely's own migration bookkeeping and SQLite's internal tables. */
export async function applicationTables<T>(db: Kysely<T>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).filter((name) => !name.startsWith("kysely_") && !name.startsWith("sqlite_"));
}

/** Read from the catalog rather than from schema.ts, so tables added by later migrations are covered too. */
export async function foreignKeys<T>(db: Kysely<T>, dialect: Dialect, tables: string[]): Promise<ForeignKey[]> {
  if (dialect === "postgres") {
    const { rows } = await sql<ForeignKey>`
      select cl.relname as "table", a.attname as "column", rcl.relname as "refTable", ra.attname as "refColumn"
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_class rcl on rcl.oid = c.confrelid
      join pg_namespace n on n.oid = cl.relnamespace
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
      join pg_attribute ra on ra.attrelid = c.confrelid and ra.attnum = c.confkey[1]
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
    return rows.filter((fk) => tables.includes(fk.table));
  }
  const keys: ForeignKey[] = [];
  for (const table of tables) {
    const { rows } = await sql<{ table: string; from: string; to: string }>`
      select "table", "from", "to" from pragma_foreign_key_list(${table})`.execute(db);
    keys.push(...rows.map((r) => ({ table, column: r.from, refTable: r.table, refColumn: r.to })));
  }
  return keys;
}

/** Parents before children, so rows can be inserted in this order and deleted in the reverse one. */
export function parentsFirst(tables: string[], keys: ForeignKey[]): string[] {
  const ordered: string[] = [];
  const visit = (table: string, path: string[]) => {
    if (ordered.includes(table) || path.includes(table)) return;
    for (const fk of keys.filter((k) => k.table === table && k.refTable !== table)) {
      if (tables.includes(fk.refTable)) visit(fk.refTable, [...path, table]);
    }
    ordered.push(table);
  };
  for (const table of [...tables].sort()) visit(table, []);
  return ordered;
}

/** Rows of a self-referencing table (a jurisdiction's parent) ordered so every parent precedes its children. */
export function sortSelfReferencing(
  rows: Record<string, unknown>[],
  fk: { column: string; refColumn: string },
): Record<string, unknown>[] {
  const placed = new Set<unknown>();
  const out: Record<string, unknown>[] = [];
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((r) => r[fk.column] === null || placed.has(r[fk.column]));
    // A cycle or a dangling parent cannot be ordered; insert the rest as is and let the constraint decide.
    const batch = ready.length > 0 ? ready : pending;
    for (const row of batch) {
      out.push(row);
      placed.add(row[fk.refColumn]);
    }
    pending = pending.filter((r) => !batch.includes(r));
  }
  return out;
}

/** Whether any application table holds a row: restore refuses to overwrite such a database without --force. */
export async function hasAnyRows<T>(db: Kysely<T>): Promise<boolean> {
  for (const table of await applicationTables(db)) {
    const { rows } = await sql`select 1 from ${sql.table(table)} limit 1`.execute(db);
    if (rows.length > 0) return true;
  }
  return false;
}
