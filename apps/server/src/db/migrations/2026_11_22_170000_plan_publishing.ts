import type { Kysely } from "kysely";

// Frozen once landed: never edit, add a new migration instead. No imports from app code.
// Publishing plans (issue #4). A version freezes the plan as JSON (items, units as written, the groups' members);
// the assignments of the latest version are rows, so "what is my unit's" is an index lookup at 60 × 200 scale; each
// version tells the units it affects through a notice. Item ids are not foreign keys: a published version keeps
// naming an item after the draft merged it away.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  // The latest published version, and the plan's `version` right after it: a later edit bumps `version`, which
  // tells "published, with unpublished edits" apart without comparing contents.
  await db.schema.alterTable("plans").addColumn("published_version", "integer").execute();
  await db.schema.alterTable("plans").addColumn("published_at", "text").execute();
  await db.schema.alterTable("plans").addColumn("published_revision", "integer").execute();

  await db.schema
    .createTable("plan_versions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("number", "integer", (c) => c.notNull())
    .addColumn("note", "text")
    .addColumn("snapshot_json", "text", (c) => c.notNull())
    .addColumn("changes_json", "text", (c) => c.notNull())
    .addColumn("unassigned_json", "text", (c) => c.notNull())
    .addColumn("item_count", "integer", (c) => c.notNull())
    .addColumn("assignment_count", "integer", (c) => c.notNull())
    .addColumn("unit_count", "integer", (c) => c.notNull())
    .addColumn("notified_unit_count", "integer", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addUniqueConstraint("plan_versions_number_uq", ["plan_id", "number"])
    .execute();

  // One row per unit and item of the latest version. A row keeps its id from version to version while the unit
  // holds the item (later modules hang progress reports on it); publishing rewrites only the rows that changed.
  await db.schema
    .createTable("plan_assignments")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("item_id", "text", (c) => c.notNull())
    .addColumn("item_position", "integer", (c) => c.notNull())
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("via_group_id", "text")
    .addColumn("via_group", "text")
    // The earliest resolved deadline of the item; null for standing or event-based ones.
    .addColumn("due_date", "text")
    .addUniqueConstraint("plan_assignments_item_unit_uq", ["plan_id", "item_id", "unit_id"])
    .execute();
  // "My unit's items", at 60 items × 200 units per plan.
  await db.schema
    .createIndex("plan_assignments_unit_idx")
    .on("plan_assignments")
    .columns(["unit_id", "plan_id"])
    .execute();

  await db.schema
    .createTable("unit_notices")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("version_id", "text", (c) => c.notNull().references("plan_versions.id").onDelete("cascade"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id"))
    .addColumn("changes_json", "text", (c) => c.notNull())
    .addColumn("assignment_count", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("read_at", "text")
    .addColumn("read_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addUniqueConstraint("unit_notices_version_unit_uq", ["version_id", "unit_id"])
    .execute();
  await db.schema.createIndex("unit_notices_unit_idx").on("unit_notices").columns(["unit_id", "created_at"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["unit_notices", "plan_assignments", "plan_versions"]) await db.schema.dropTable(table).execute();
  for (const column of ["published_revision", "published_at", "published_version"]) {
    await db.schema.alterTable("plans").dropColumn(column).execute();
  }
}
