import { PostgresAdapter, type Kysely } from "kysely";

// Frozen once landed: never edit, add a new migration instead. No imports from app code.
// Imported documents and their plans (issue #4). The original file is kept as a blob (bytea on PostgreSQL) so it
// can be downloaded again byte for byte; its SHA-256 is unique per jurisdiction, which makes a re-import a no-op.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? "bytea" : "blob";
  await db.schema
    .createTable("source_files")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("jurisdiction_id", "text", (c) => c.notNull().references("jurisdictions.id"))
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("media_type", "text", (c) => c.notNull())
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", binary, (c) => c.notNull())
    .addColumn("uploaded_by", "text", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("uploaded_at", "text", (c) => c.notNull())
    .addUniqueConstraint("source_files_sha256_uq", ["jurisdiction_id", "sha256"])
    .execute();

  await db.schema
    .createTable("documents")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("jurisdiction_id", "text", (c) => c.notNull().references("jurisdictions.id"))
    .addColumn("source_file_id", "text", (c) => c.notNull().references("source_files.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("doc_number", "text")
    .addColumn("title", "text")
    .addColumn("issuer", "text")
    .addColumn("date", "text")
    .addColumn("recipients_json", "text", (c) => c.notNull())
    .addColumn("cc_json", "text", (c) => c.notNull())
    .addColumn("disclosure", "text")
    .addColumn("printed_json", "text")
    .addColumn("references_json", "text", (c) => c.notNull())
    .addColumn("attachments_json", "text", (c) => c.notNull())
    .addColumn("deadlines_json", "text", (c) => c.notNull())
    .addColumn("content_sha256", "text", (c) => c.notNull())
    .addColumn("previous_version_id", "text", (c) => c.references("documents.id"))
    .addColumn("is_current", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("documents_source_idx").on("documents").column("source_file_id").execute();
  await db.schema
    .createIndex("documents_number_idx")
    .on("documents")
    .columns(["doc_number", "jurisdiction_id"])
    .execute();
  await db.schema.createIndex("documents_jurisdiction_idx").on("documents").column("jurisdiction_id").execute();
  await db.schema.createIndex("documents_previous_idx").on("documents").column("previous_version_id").execute();

  // One row per 文号 a document cites; to_document_id stays null until a document with that 文号 is imported.
  await db.schema
    .createTable("document_links")
    .addColumn("from_document_id", "text", (c) => c.notNull().references("documents.id").onDelete("cascade"))
    .addColumn("doc_number", "text", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("to_document_id", "text", (c) => c.references("documents.id").onDelete("set null"))
    .addPrimaryKeyConstraint("document_links_pk", ["from_document_id", "doc_number"])
    .execute();
  await db.schema.createIndex("document_links_to_idx").on("document_links").column("to_document_id").execute();
  await db.schema.createIndex("document_links_number_idx").on("document_links").column("doc_number").execute();

  await db.schema
    .createTable("plans")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("jurisdiction_id", "text", (c) => c.notNull().references("jurisdictions.id"))
    .addColumn("document_id", "text", (c) => c.notNull().references("documents.id"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("title", "text")
    .addColumn("source", "text", (c) => c.notNull())
    .addColumn("columns_json", "text", (c) => c.notNull())
    .addColumn("year", "integer")
    .addColumn("status", "text", (c) => c.notNull().defaultTo("draft"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("plans_document_idx").on("plans").column("document_id").execute();
  await db.schema.createIndex("plans_jurisdiction_idx").on("plans").column("jurisdiction_id").execute();

  await db.schema
    .createTable("plan_items")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("plan_id", "text", (c) => c.notNull().references("plans.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("path_json", "text", (c) => c.notNull())
    .addColumn("headings_json", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("criteria", "text")
    .addColumn("units_text", "text")
    .addColumn("deadlines_json", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex("plan_items_plan_idx").on("plan_items").columns(["plan_id", "position"]).execute();

  await db.schema
    .createTable("plan_item_units")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("item_id", "text", (c) => c.notNull().references("plan_items.id").onDelete("cascade"))
    .addColumn("position", "integer", (c) => c.notNull())
    .addColumn("raw_name", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull())
    .addColumn("is_group", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("unit_id", "text", (c) => c.references("units.id"))
    .addColumn("group_id", "text", (c) => c.references("unit_groups.id"))
    .addColumn("status", "text", (c) => c.notNull())
    .addColumn("suggestions_json", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("plan_item_units_item_idx").on("plan_item_units").column("item_id").execute();
  await db.schema.createIndex("plan_item_units_unit_idx").on("plan_item_units").column("unit_id").execute();
  await db.schema.createIndex("plan_item_units_group_idx").on("plan_item_units").column("group_id").execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["plan_item_units", "plan_items", "plans", "document_links", "documents", "source_files"]) {
    await db.schema.dropTable(table).execute();
  }
}
