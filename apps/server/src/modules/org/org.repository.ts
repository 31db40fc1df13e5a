import { sql, type Kysely, type Selectable, type Transaction } from "kysely";
import type { Jurisdiction, Unit, UnitGroup, UnitKind, UnitName } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { remitKeywords } from "./unit-remit.ts";

/** Every query of the organisation registry: jurisdictions, units with their names, groups with members. */

export type Db = Kysely<DB> | Transaction<DB>;
type JurisdictionRow = Selectable<DB["jurisdictions"]>;
type UnitRow = Selectable<DB["units"]>;
type UnitNameRow = Selectable<DB["unit_names"]>;
type GroupRow = Selectable<DB["unit_groups"]>;

export function jurisdictionRowToJurisdiction(row: JurisdictionRow): Jurisdiction {
  return { id: row.id, code: row.code, name: row.name, level: row.level, parentId: row.parent_id };
}

export function unitNameRowToUnitName(row: UnitNameRow): UnitName {
  return { name: row.name, kind: row.kind, validFrom: row.valid_from, validTo: row.valid_to };
}

export function unitRowToUnit(row: UnitRow, names: readonly UnitNameRow[]): Unit {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    name: row.name,
    shortName: row.short_name,
    // The column holds only values the service wrote from the contract's enum.
    kind: row.kind as UnitKind,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    names: [...names]
      .sort((a, b) => nameOrder(a) - nameOrder(b) || (a.valid_from ?? "").localeCompare(b.valid_from ?? ""))
      .map(unitNameRowToUnitName),
    remit: row.remit,
    remitKeywords: remitKeywords(row),
    version: row.version,
  };
}

const nameOrder = (row: UnitNameRow) => ({ official: 0, short: 1, alias: 2 })[row.kind];

export function groupRowToGroup(row: GroupRow, memberIds: readonly string[]): UnitGroup {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    name: row.name,
    perItem: row.per_item === 1,
    memberIds: [...memberIds],
    version: row.version,
  };
}

// ---- jurisdictions ----

export async function listJurisdictionRows(db: Db): Promise<JurisdictionRow[]> {
  return db.selectFrom("jurisdictions").selectAll().orderBy("code").execute();
}

export async function findJurisdictionRow(db: Db, id: string): Promise<JurisdictionRow | undefined> {
  return db.selectFrom("jurisdictions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findJurisdictionRowByCode(db: Db, code: string): Promise<JurisdictionRow | undefined> {
  return db.selectFrom("jurisdictions").selectAll().where("code", "=", code).executeTakeFirst();
}

export async function insertJurisdictionRow(db: Db, row: JurisdictionRow): Promise<void> {
  await db.insertInto("jurisdictions").values(row).execute();
}

// ---- units ----

export async function findUnitRow(db: Db, id: string): Promise<UnitRow | undefined> {
  return db.selectFrom("units").selectAll().where("id", "=", id).executeTakeFirst();
}

/** Units of the given jurisdictions, optionally those with any name containing `q`. */
export async function listUnitRows(db: Db, filter: { jurisdictionIds: readonly string[]; q?: string }) {
  if (filter.jurisdictionIds.length === 0) return [];
  let query = db.selectFrom("units").selectAll().where("jurisdiction_id", "in", filter.jurisdictionIds);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("unit_names")
          .select("unit_names.id")
          .whereRef("unit_names.unit_id", "=", "units.id")
          .where(sql<boolean>`unit_names.name like ${pattern} escape '\\'`),
      ),
    );
  }
  return query.orderBy("jurisdiction_id").orderBy("name").execute();
}

/** Units of a jurisdiction that carry `name` as an official name, now or in the past. */
export async function findUnitRowsByOfficialName(db: Db, jurisdictionId: string, name: string): Promise<UnitRow[]> {
  return db
    .selectFrom("units")
    .selectAll("units")
    .where("units.jurisdiction_id", "=", jurisdictionId)
    .where((eb) =>
      eb.or([
        eb("units.name", "=", name),
        eb.exists(
          eb
            .selectFrom("unit_names")
            .select("unit_names.id")
            .whereRef("unit_names.unit_id", "=", "units.id")
            .where("unit_names.kind", "=", "official")
            .where("unit_names.name", "=", name),
        ),
      ]),
    )
    .execute();
}

export async function insertUnitRow(db: Db, row: UnitRow): Promise<void> {
  await db.insertInto("units").values(row).execute();
}

/** Optimistic update: applies only when the row still has `version`; returns false when someone was first. */
export async function updateUnitRow(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Omit<UnitRow, "id" | "version" | "created_at">>,
): Promise<boolean> {
  const result = await db
    .updateTable("units")
    .set({ ...patch, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listUnitNameRows(db: Db, unitIds: readonly string[]): Promise<UnitNameRow[]> {
  if (unitIds.length === 0) return [];
  const rows: UnitNameRow[] = [];
  // Chunked: SQLite caps bound parameters per statement.
  for (let i = 0; i < unitIds.length; i += 500) {
    const chunk = unitIds.slice(i, i + 500);
    rows.push(...(await db.selectFrom("unit_names").selectAll().where("unit_id", "in", chunk).execute()));
  }
  return rows;
}

export async function insertUnitNameRow(db: Db, row: UnitNameRow): Promise<void> {
  await db.insertInto("unit_names").values(row).execute();
}

export async function updateUnitNameRow(
  db: Db,
  id: string,
  patch: Partial<Pick<UnitNameRow, "name" | "valid_from" | "valid_to">>,
): Promise<void> {
  await db.updateTable("unit_names").set(patch).where("id", "=", id).execute();
}

export async function deleteUnitNameRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom("unit_names").where("id", "=", id).execute();
}

/** Units with their names, in one round trip per table. */
export async function loadUnits(db: Db, rows: readonly UnitRow[]): Promise<Unit[]> {
  const names = await listUnitNameRows(
    db,
    rows.map((r) => r.id),
  );
  const byUnit = new Map<string, UnitNameRow[]>();
  for (const n of names) byUnit.set(n.unit_id, [...(byUnit.get(n.unit_id) ?? []), n]);
  return rows.map((r) => unitRowToUnit(r, byUnit.get(r.id) ?? []));
}

// ---- groups ----

export async function listGroupRows(db: Db, jurisdictionIds: readonly string[]): Promise<GroupRow[]> {
  if (jurisdictionIds.length === 0) return [];
  return db
    .selectFrom("unit_groups")
    .selectAll()
    .where("jurisdiction_id", "in", jurisdictionIds)
    .orderBy("jurisdiction_id")
    .orderBy("name")
    .execute();
}

export async function findGroupRow(db: Db, id: string): Promise<GroupRow | undefined> {
  return db.selectFrom("unit_groups").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findGroupRowByName(db: Db, jurisdictionId: string, name: string): Promise<GroupRow | undefined> {
  return db
    .selectFrom("unit_groups")
    .selectAll()
    .where("jurisdiction_id", "=", jurisdictionId)
    .where("name", "=", name)
    .executeTakeFirst();
}

export async function insertGroupRow(db: Db, row: GroupRow): Promise<void> {
  await db.insertInto("unit_groups").values(row).execute();
}

export async function updateGroupRow(
  db: Db,
  id: string,
  version: number,
  patch: Partial<Pick<GroupRow, "per_item" | "updated_at">>,
): Promise<boolean> {
  const result = await db
    .updateTable("unit_groups")
    .set({ ...patch, version: version + 1 })
    .where("id", "=", id)
    .where("version", "=", version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function listMemberIds(db: Db, groupIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (groupIds.length === 0) return out;
  const rows = await db
    .selectFrom("unit_group_members")
    .innerJoin("units", "units.id", "unit_group_members.unit_id")
    .select(["unit_group_members.group_id", "unit_group_members.unit_id"])
    .where("unit_group_members.group_id", "in", groupIds)
    .orderBy("units.name")
    .execute();
  for (const r of rows) out.set(r.group_id, [...(out.get(r.group_id) ?? []), r.unit_id]);
  return out;
}

export async function replaceMembers(db: Db, groupId: string, unitIds: readonly string[]): Promise<void> {
  await db.deleteFrom("unit_group_members").where("group_id", "=", groupId).execute();
  const unique = [...new Set(unitIds)];
  for (let i = 0; i < unique.length; i += 400) {
    const chunk = unique.slice(i, i + 400).map((unitId) => ({ group_id: groupId, unit_id: unitId }));
    await db.insertInto("unit_group_members").values(chunk).execute();
  }
}

export async function loadGroups(db: Db, rows: readonly GroupRow[]): Promise<UnitGroup[]> {
  const members = await listMemberIds(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => groupRowToGroup(r, members.get(r.id) ?? []));
}
