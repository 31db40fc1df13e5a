import { PostgresAdapter, type Kysely } from "kysely";

// Frozen once landed: never edit, add a new migration instead. No imports from app code.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations run against any schema version
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("jurisdictions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("level", "text", (c) => c.notNull())
    .addColumn("parent_id", "text", (c) => c.references("jurisdictions.id"))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("units")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("jurisdiction_id", "text", (c) => c.notNull().references("jurisdictions.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("short_name", "text")
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("units_jurisdiction_idx").on("units").column("jurisdiction_id").execute();

  await db.schema
    .createTable("unit_names")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id").onDelete("cascade"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("valid_from", "text")
    .addColumn("valid_to", "text")
    .execute();
  await db.schema.createIndex("unit_names_name_idx").on("unit_names").column("name").execute();

  await db.schema
    .createTable("unit_groups")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("jurisdiction_id", "text", (c) => c.notNull().references("jurisdictions.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("per_item", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addUniqueConstraint("unit_groups_name_uq", ["jurisdiction_id", "name"])
    .execute();
  await db.schema
    .createTable("unit_group_members")
    .addColumn("group_id", "text", (c) => c.notNull().references("unit_groups.id").onDelete("cascade"))
    .addColumn("unit_id", "text", (c) => c.notNull().references("units.id").onDelete("cascade"))
    .addPrimaryKeyConstraint("unit_group_members_pk", ["group_id", "unit_id"])
    .execute();

  await db.schema
    .createTable("users")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("username", "text", (c) => c.notNull().unique())
    .addColumn("display_name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("jurisdiction_id", "text", (c) => c.references("jurisdictions.id"))
    .addColumn("unit_id", "text", (c) => c.references("units.id"))
    .addColumn("must_change_password", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("failed_logins", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("locked_until", "text")
    .addColumn("disabled", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("user_roles")
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("user_roles_pk", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "text", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("csrf_token", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  // The audit log keeps insertion order in its key: bigserial on PostgreSQL, INTEGER PRIMARY KEY on SQLite.
  const autoId = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable("audit_log")
    .addColumn("id", autoId ? "bigserial" : "integer", (c) =>
      autoId ? c.primaryKey() : c.primaryKey().autoIncrement(),
    )
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("entity", "text", (c) => c.notNull())
    .addColumn("entity_id", "text")
    .addColumn("before_json", "text")
    .addColumn("after_json", "text")
    .execute();
  await db.schema.createIndex("audit_log_entity_idx").on("audit_log").columns(["entity", "entity_id"]).execute();
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see up()
export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "audit_log",
    "sessions",
    "user_roles",
    "users",
    "unit_group_members",
    "unit_groups",
    "unit_names",
    "units",
    "jurisdictions",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
