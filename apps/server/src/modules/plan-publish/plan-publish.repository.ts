import { PostgresAdapter, sql, type Insertable, type Selectable } from "kysely";
import type { PlanChange, PlanVersion, UnassignedGroup, UnitNotice } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import type { Db } from "../plan/document.repository.ts";

/** Every query of published versions, the assignments of the latest version, and the notices sent to units. */

export type VersionRow = Selectable<DB["plan_versions"]>;
/** A version without its (large) snapshot, for lists. */
export type VersionSummaryRow = Omit<VersionRow, "snapshot_json"> & { published_by_name: string | null };
export type AssignmentRow = Selectable<DB["plan_assignments"]>;
export type NoticeRow = Selectable<DB["unit_notices"]>;

// Bound parameters per statement: SQLite allows 32766; assignment rows have 9 columns.
const ASSIGNMENT_CHUNK = 3000;
const ID_CHUNK = 1000;

const VERSION_SUMMARY_COLUMNS = [
  "plan_versions.id",
  "plan_versions.plan_id",
  "plan_versions.number",
  "plan_versions.note",
  "plan_versions.changes_json",
  "plan_versions.unassigned_json",
  "plan_versions.item_count",
  "plan_versions.assignment_count",
  "plan_versions.unit_count",
  "plan_versions.notified_unit_count",
  "plan_versions.published_at",
  "plan_versions.published_by",
] as const;

// The JSON columns hold only what the publish service wrote from the contract's types.
export const parseChanges = (json: string) => JSON.parse(json) as PlanChange[];
export const parseUnassigned = (json: string) => JSON.parse(json) as UnassignedGroup[];

export function versionRowToVersion(row: VersionSummaryRow): PlanVersion {
  return {
    id: row.id,
    planId: row.plan_id,
    number: Number(row.number),
    note: row.note,
    publishedAt: row.published_at,
    publishedBy: row.published_by,
    publishedByName: row.published_by_name,
    itemCount: Number(row.item_count),
    assignmentCount: Number(row.assignment_count),
    unitCount: Number(row.unit_count),
    notifiedUnitCount: Number(row.notified_unit_count),
    changes: parseChanges(row.changes_json),
    unassigned: parseUnassigned(row.unassigned_json),
  };
}

export async function findUserDisplayName(db: Db, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("display_name").where("id", "=", userId).executeTakeFirst();
  return row?.display_name ?? null;
}

// ---- plans ----

/**
 * Marks the plan published as version `number` if it still has the version the office saw. The update is the
 * row lock: a concurrent publish or edit waits for this transaction and then finds the version moved on.
 */
export async function markPlanPublished(
  db: Db,
  input: { planId: string; expectedVersion: number; number: number; at: string },
): Promise<boolean> {
  const result = await db
    .updateTable("plans")
    .set({
      status: "published",
      published_version: input.number,
      published_at: input.at,
      published_revision: input.expectedVersion + 1,
      version: input.expectedVersion + 1,
      updated_at: input.at,
    })
    .where("id", "=", input.planId)
    .where("version", "=", input.expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Published plans of one jurisdiction, newest first. */
export async function listPublishedPlanRows(db: Db, jurisdictionId: string) {
  return db
    .selectFrom("plans")
    .innerJoin("documents", "documents.id", "plans.document_id")
    .selectAll("plans")
    .select(["documents.doc_number", "documents.disclosure"])
    .where("plans.jurisdiction_id", "=", jurisdictionId)
    .where("plans.published_version", "is not", null)
    .orderBy("plans.published_at", "desc")
    .execute();
}

// ---- versions ----

export async function insertVersionRow(db: Db, row: Insertable<DB["plan_versions"]>): Promise<void> {
  await db.insertInto("plan_versions").values(row).execute();
}

export async function findVersionSnapshotJson(db: Db, versionId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom("plan_versions")
    .select("snapshot_json")
    .where("id", "=", versionId)
    .executeTakeFirst();
  return row?.snapshot_json;
}

export async function listVersionRows(db: Db, planId: string): Promise<VersionSummaryRow[]> {
  return db
    .selectFrom("plan_versions")
    .leftJoin("users", "users.id", "plan_versions.published_by")
    .select([...VERSION_SUMMARY_COLUMNS, "users.display_name as published_by_name"])
    .where("plan_versions.plan_id", "=", planId)
    .orderBy("plan_versions.number", "desc")
    .execute();
}

export async function findVersionSummaryRow(
  db: Db,
  planId: string,
  number: number,
): Promise<VersionSummaryRow | undefined> {
  return db
    .selectFrom("plan_versions")
    .leftJoin("users", "users.id", "plan_versions.published_by")
    .select([...VERSION_SUMMARY_COLUMNS, "users.display_name as published_by_name"])
    .where("plan_versions.plan_id", "=", planId)
    .where("plan_versions.number", "=", number)
    .executeTakeFirst();
}

// ---- assignments ----

export type AssignmentInsert = Insertable<DB["plan_assignments"]> & AssignmentRow;
const ASSIGNMENT_COLUMNS = [
  "id",
  "plan_id",
  "item_id",
  "item_position",
  "unit_id",
  "role",
  "via_group_id",
  "via_group",
  "due_date",
] as const;

export async function listAssignmentRowsOfPlan(db: Db, planId: string): Promise<AssignmentRow[]> {
  return db.selectFrom("plan_assignments").selectAll().where("plan_id", "=", planId).execute();
}

export async function deleteAssignmentRows(db: Db, ids: readonly string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    await db
      .deleteFrom("plan_assignments")
      .where("id", "in", ids.slice(i, i + ID_CHUNK))
      .execute();
  }
}

/**
 * Thousands of rows at once. On PostgreSQL one INSERT … SELECT FROM unnest(arrays) binds one array per column
 * instead of a parameter per value: about twice as fast as multi-row VALUES at 12,000 rows, and no parameter cap.
 */
export async function insertAssignmentRows(db: Db, rows: readonly AssignmentInsert[]): Promise<void> {
  if (rows.length === 0) return;
  if (db.getExecutor().adapter instanceof PostgresAdapter) {
    const column = <K extends (typeof ASSIGNMENT_COLUMNS)[number]>(name: K) => rows.map((r) => r[name]);
    await sql`insert into plan_assignments (${sql.join(ASSIGNMENT_COLUMNS.map((c) => sql.ref(c)))})
      select * from unnest(
        ${column("id")}::text[], ${column("plan_id")}::text[], ${column("item_id")}::text[],
        ${column("item_position")}::integer[], ${column("unit_id")}::text[], ${column("role")}::text[],
        ${column("via_group_id")}::text[], ${column("via_group")}::text[], ${column("due_date")}::text[])`.execute(db);
    return;
  }
  for (let i = 0; i < rows.length; i += ASSIGNMENT_CHUNK) {
    await db
      .insertInto("plan_assignments")
      .values(rows.slice(i, i + ASSIGNMENT_CHUNK))
      .execute();
  }
}

export type AssignmentListRow = AssignmentRow & {
  plan_title: string | null;
  plan_year: number | null;
  version_id: string;
  version_number: number;
  unit_name: string;
};

/** A unit's assignments in the latest published versions (the "by unit" index), with what presenting them needs. */
export async function listAssignmentRows(
  db: Db,
  filter: { unitId: string; planId?: string | undefined; role?: AssignmentRow["role"] | undefined },
): Promise<AssignmentListRow[]> {
  let query = db
    .selectFrom("plan_assignments")
    .innerJoin("plans", "plans.id", "plan_assignments.plan_id")
    .innerJoin("plan_versions", (join) =>
      join
        .onRef("plan_versions.plan_id", "=", "plan_assignments.plan_id")
        .onRef("plan_versions.number", "=", "plans.published_version"),
    )
    .innerJoin("units", "units.id", "plan_assignments.unit_id")
    .selectAll("plan_assignments")
    .select([
      "plans.title as plan_title",
      "plans.year as plan_year",
      "plan_versions.id as version_id",
      "plan_versions.number as version_number",
      "units.name as unit_name",
    ])
    .where("plan_assignments.unit_id", "=", filter.unitId);
  if (filter.planId) query = query.where("plan_assignments.plan_id", "=", filter.planId);
  if (filter.role) query = query.where("plan_assignments.role", "=", filter.role);
  return query
    .orderBy("plans.published_at", "desc")
    .orderBy("plan_assignments.plan_id")
    .orderBy("plan_assignments.item_position")
    .execute();
}

// ---- notices ----

export async function insertNoticeRows(db: Db, rows: readonly Insertable<DB["unit_notices"]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += ID_CHUNK) {
    await db
      .insertInto("unit_notices")
      .values(rows.slice(i, i + ID_CHUNK))
      .execute();
  }
}

export type NoticeListRow = NoticeRow & { plan_title: string | null; version_number: number; note: string | null };

function noticeQuery(db: Db) {
  return db
    .selectFrom("unit_notices")
    .innerJoin("plans", "plans.id", "unit_notices.plan_id")
    .innerJoin("plan_versions", "plan_versions.id", "unit_notices.version_id")
    .selectAll("unit_notices")
    .select(["plans.title as plan_title", "plan_versions.number as version_number", "plan_versions.note"]);
}

export async function listNoticeRows(db: Db, unitId: string, options: { unreadOnly: boolean }) {
  let query = noticeQuery(db).where("unit_notices.unit_id", "=", unitId);
  if (options.unreadOnly) query = query.where("unit_notices.read_at", "is", null);
  return query.orderBy("unit_notices.created_at", "desc").orderBy("plan_versions.number", "desc").execute();
}

export async function findNoticeRow(db: Db, id: string): Promise<NoticeListRow | undefined> {
  return noticeQuery(db).where("unit_notices.id", "=", id).executeTakeFirst();
}

/** Sets read_at once: the first reader's time stays. */
export async function markNoticeRead(db: Db, input: { id: string; at: string; userId: string | null }) {
  await db
    .updateTable("unit_notices")
    .set({ read_at: input.at, read_by: input.userId })
    .where("id", "=", input.id)
    .where("read_at", "is", null)
    .execute();
}

export function noticeRowToNotice(row: NoticeListRow): UnitNotice {
  return {
    id: row.id,
    planId: row.plan_id,
    planTitle: row.plan_title,
    versionNumber: Number(row.version_number),
    unitId: row.unit_id,
    note: row.note,
    changes: parseChanges(row.changes_json),
    assignmentCount: Number(row.assignment_count),
    createdAt: row.created_at,
    readAt: row.read_at,
  };
}

// ---- registry lookups for publishing ----

export async function listUnitNames(db: Db, unitIds: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < unitIds.length; i += ID_CHUNK) {
    const rows = await db
      .selectFrom("units")
      .select(["id", "name"])
      .where("id", "in", unitIds.slice(i, i + ID_CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, r.name);
  }
  return out;
}

/** Groups with the members that exist on `date` (a unit abolished before it is no longer reached). */
export async function listGroupsWithMembers(db: Db, groupIds: readonly string[], date: string) {
  if (groupIds.length === 0) return [];
  const groups = await db
    .selectFrom("unit_groups")
    .select(["id", "name", "per_item"])
    .where("id", "in", groupIds)
    .execute();
  const members = await db
    .selectFrom("unit_group_members")
    .innerJoin("units", "units.id", "unit_group_members.unit_id")
    .select(["unit_group_members.group_id", "unit_group_members.unit_id"])
    .where("unit_group_members.group_id", "in", groupIds)
    .where((eb) => eb.or([eb("units.valid_from", "is", null), eb("units.valid_from", "<=", date)]))
    .where((eb) => eb.or([eb("units.valid_to", "is", null), eb("units.valid_to", ">=", date)]))
    .orderBy("units.name")
    .execute();
  return groups.map((g) => ({
    id: g.id,
    name: g.name,
    perItem: g.per_item === 1,
    memberIds: members.filter((m) => m.group_id === g.id).map((m) => m.unit_id),
  }));
}
