import { sql, type Insertable, type Selectable } from "kysely";
import type { Deadline, PlanItem, PlanItemUnit, PlanSummary, Resolution } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import type { Db } from "./document.repository.ts";

/** Every query of plans, their items and the unit occurrences of each item. */

export type PlanRow = Selectable<DB["plans"]>;
export type ItemRow = Selectable<DB["plan_items"]>;
export type ItemUnitRow = Selectable<DB["plan_item_units"]>;
type Counts = { itemCount: number; unresolvedCount: number };

// Both dialects cap bound parameters per statement (SQLite 32766, PostgreSQL 65535); rows have ≤ 12 columns.
const CHUNK = 500;

export function planRowToSummary(row: PlanRow, counts: Counts): PlanSummary {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    documentId: row.document_id,
    position: row.position,
    title: row.title,
    source: row.source,
    // Written by the import from the parser's string[]; nothing else writes the column.
    columns: JSON.parse(row.columns_json) as string[],
    year: row.year,
    status: row.status,
    itemCount: counts.itemCount,
    unresolvedCount: counts.unresolvedCount,
    publishedVersion: row.published_version,
    publishedAt: row.published_at,
    hasUnpublishedChanges: row.published_revision !== null && row.version !== row.published_revision,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

export function itemUnitRowToUnit(row: ItemUnitRow): PlanItemUnit {
  return {
    id: row.id,
    position: row.position,
    rawName: row.raw_name,
    role: row.role,
    isGroup: row.is_group === 1,
    unitId: row.unit_id,
    groupId: row.group_id,
    status: row.status,
    suggestions: JSON.parse(row.suggestions_json) as Resolution["suggestions"],
  };
}

export function itemRowToItem(row: ItemRow, units: readonly ItemUnitRow[]): PlanItem {
  return {
    id: row.id,
    position: row.position,
    path: JSON.parse(row.path_json) as string[],
    headings: JSON.parse(row.headings_json) as string[],
    text: row.text,
    criteria: row.criteria,
    unitsText: row.units_text,
    deadlines: JSON.parse(row.deadlines_json) as Deadline[],
    units: [...units].sort((a, b) => a.position - b.position).map(itemUnitRowToUnit),
    version: row.version,
  };
}

async function insertChunked<T extends "plans" | "plan_items" | "plan_item_units">(
  db: Db,
  table: T,
  rows: readonly Insertable<DB[T]>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    // Kysely's insert typing cannot follow a table name chosen by a type parameter; the rows match `table`.
    await db
      .insertInto(table)
      .values(rows.slice(i, i + CHUNK) as never)
      .execute();
  }
}

export const insertPlanRows = (db: Db, rows: readonly Insertable<DB["plans"]>[]) => insertChunked(db, "plans", rows);
export const insertItemRows = (db: Db, rows: readonly Insertable<DB["plan_items"]>[]) =>
  insertChunked(db, "plan_items", rows);
export const insertItemUnitRows = (db: Db, rows: readonly Insertable<DB["plan_item_units"]>[]) =>
  insertChunked(db, "plan_item_units", rows);

export async function findPlanRow(db: Db, id: string): Promise<PlanRow | undefined> {
  return db.selectFrom("plans").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listPlanRows(
  db: Db,
  options: { jurisdictionIds?: readonly string[]; documentIds?: readonly string[]; publishedOnly?: boolean },
): Promise<PlanRow[]> {
  let query = db.selectFrom("plans").selectAll();
  if (options.jurisdictionIds) {
    if (options.jurisdictionIds.length === 0) return [];
    query = query.where("jurisdiction_id", "in", options.jurisdictionIds);
  }
  if (options.documentIds) {
    if (options.documentIds.length === 0) return [];
    query = query.where("document_id", "in", options.documentIds);
  }
  if (options.publishedOnly) query = query.where("status", "=", "published");
  return query.orderBy("created_at", "desc").orderBy("position").execute();
}

/** Item and unresolved-occurrence counts per plan, in two grouped queries. */
export async function countPlanContents(db: Db, planIds: readonly string[]): Promise<Map<string, Counts>> {
  const out = new Map<string, Counts>(planIds.map((id) => [id, { itemCount: 0, unresolvedCount: 0 }]));
  if (planIds.length === 0) return out;
  const items = await db
    .selectFrom("plan_items")
    .select(["plan_id", sql<number>`count(*)`.as("n")])
    .where("plan_id", "in", planIds)
    .groupBy("plan_id")
    .execute();
  for (const r of items) (out.get(r.plan_id) as Counts).itemCount = Number(r.n);
  const open = await db
    .selectFrom("plan_item_units")
    .innerJoin("plan_items", "plan_items.id", "plan_item_units.item_id")
    .select(["plan_items.plan_id", sql<number>`count(*)`.as("n")])
    .where("plan_items.plan_id", "in", planIds)
    .where("plan_item_units.unit_id", "is", null)
    .where("plan_item_units.group_id", "is", null)
    .groupBy("plan_items.plan_id")
    .execute();
  for (const r of open) (out.get(r.plan_id) as Counts).unresolvedCount = Number(r.n);
  return out;
}

export async function touchPlan(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable("plans")
    .set((eb) => ({ updated_at: at, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

// ---- items ----

export async function listItemRows(db: Db, planIds: readonly string[]): Promise<ItemRow[]> {
  if (planIds.length === 0) return [];
  return db.selectFrom("plan_items").selectAll().where("plan_id", "in", planIds).orderBy("position").execute();
}

export async function findItemRow(db: Db, planId: string, itemId: string): Promise<ItemRow | undefined> {
  return db
    .selectFrom("plan_items")
    .selectAll()
    .where("id", "=", itemId)
    .where("plan_id", "=", planId)
    .executeTakeFirst();
}

/** Updates an item if its version still matches; false when someone changed it first. */
export async function updateItemRow(
  db: Db,
  id: string,
  expectedVersion: number,
  patch: Partial<Pick<ItemRow, "text" | "criteria" | "units_text" | "deadlines_json" | "path_json">>,
): Promise<boolean> {
  const result = await db
    .updateTable("plan_items")
    .set((eb) => ({ ...patch, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function bumpItemVersions(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("plan_items")
    .set((eb) => ({ version: eb("version", "+", 1) }))
    .where("id", "in", ids)
    .execute();
}

/** Makes room after `position` for `count` new items (no unique index on position, so one statement is safe). */
export async function shiftItemPositions(db: Db, planId: string, after: number, count: number): Promise<void> {
  await db
    .updateTable("plan_items")
    .set((eb) => ({ position: eb("position", "+", count) }))
    .where("plan_id", "=", planId)
    .where("position", ">", after)
    .execute();
}

export async function setItemPosition(db: Db, id: string, position: number): Promise<void> {
  await db.updateTable("plan_items").set({ position }).where("id", "=", id).execute();
}

export async function deleteItemRows(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("plan_item_units").where("item_id", "in", ids).execute();
  await db.deleteFrom("plan_items").where("id", "in", ids).execute();
}

// ---- unit occurrences ----

export async function listItemUnitRows(db: Db, itemIds: readonly string[]): Promise<ItemUnitRow[]> {
  const out: ItemUnitRow[] = [];
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const ids = itemIds.slice(i, i + CHUNK);
    out.push(...(await db.selectFrom("plan_item_units").selectAll().where("item_id", "in", ids).execute()));
  }
  return out;
}

export async function deleteItemUnitRows(db: Db, itemIds: readonly string[]): Promise<void> {
  if (itemIds.length === 0) return;
  await db.deleteFrom("plan_item_units").where("item_id", "in", itemIds).execute();
}

/** Occurrences of a raw name anywhere in a plan, for a mapping that applies to all of them. */
export async function listOccurrencesInPlan(db: Db, planId: string, rawName: string): Promise<ItemUnitRow[]> {
  return db
    .selectFrom("plan_item_units")
    .selectAll("plan_item_units")
    .innerJoin("plan_items", "plan_items.id", "plan_item_units.item_id")
    .where("plan_items.plan_id", "=", planId)
    .where("plan_item_units.raw_name", "=", rawName)
    .execute();
}

export async function mapItemUnitRows(
  db: Db,
  ids: readonly string[],
  target: { unitId: string | null; groupId: string | null },
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable("plan_item_units")
    .set({ unit_id: target.unitId, group_id: target.groupId, status: "manual", suggestions_json: "[]" })
    .where("id", "in", ids)
    .execute();
}
