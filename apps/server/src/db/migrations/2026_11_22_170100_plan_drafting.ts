import type { Kysely } from "kysely";

// Frozen once landed: never edit, add a new migration instead. No imports from app code.
// From upstream to local plan (issue #4).
// - plan_item_links: the local item implements these upstream items (a city row → a national 要点 paragraph).
//   Written by drafting (origin "draft") or by the office (origin "office"); both ends are plan items, and a link
//   goes with either of them.
// - plans.drafted_from_plan_id: the upstream plan a plan was drafted from (null for imported plans). A drafted plan
//   otherwise lives in the same tables as an imported one: it gets a documents row of its own whose source file is
//   a generated UTF-8 text of the draft, so plans.document_id and documents.source_file_id stay NOT NULL and every
//   plan route, the export and publishing work on it unchanged.
// - units.remit: the office's keywords for what a unit is responsible for (职责关键词); null means "derive them
//   from the unit's name", which the application does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("plan_item_links")
    .addColumn("item_id", "text", (c) => c.notNull().references("plan_items.id").onDelete("cascade"))
    .addColumn("upstream_item_id", "text", (c) => c.notNull().references("plan_items.id").onDelete("cascade"))
    .addColumn("origin", "text", (c) => c.notNull())
    .addColumn("created_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("plan_item_links_pk", ["item_id", "upstream_item_id"])
    .execute();
  await db.schema
    .createIndex("plan_item_links_upstream_idx")
    .on("plan_item_links")
    .column("upstream_item_id")
    .execute();

  await db.schema
    .alterTable("plans")
    .addColumn("drafted_from_plan_id", "text", (c) => c.references("plans.id").onDelete("set null"))
    .execute();
  await db.schema.createIndex("plans_drafted_from_idx").on("plans").column("drafted_from_plan_id").execute();

  await db.schema.alterTable("units").addColumn("remit", "text").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("units").dropColumn("remit").execute();
  await db.schema.dropIndex("plans_drafted_from_idx").execute();
  await db.schema.alterTable("plans").dropColumn("drafted_from_plan_id").execute();
  await db.schema.dropTable("plan_item_links").execute();
}
