import type { Kysely } from "kysely";

// Frozen once landed: never edit, add a new migration instead. No imports from app code.
// The registry's reads go by unit (its names, the groups it is in): index the foreign keys PostgreSQL does not.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("unit_names_unit_idx").on("unit_names").column("unit_id").execute();
  await db.schema.createIndex("unit_group_members_unit_idx").on("unit_group_members").column("unit_id").execute();
  await db.schema.createIndex("unit_groups_jurisdiction_idx").on("unit_groups").column("jurisdiction_id").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("unit_groups_jurisdiction_idx").execute();
  await db.schema.dropIndex("unit_group_members_unit_idx").execute();
  await db.schema.dropIndex("unit_names_unit_idx").execute();
}
