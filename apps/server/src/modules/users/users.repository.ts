import { PostgresAdapter, sql, type Kysely, type Transaction } from "kysely";
import type { Role, User } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import type { UserRow } from "../auth/auth.repository.ts";

type Db = Kysely<DB> | Transaction<DB>;

export type UserWithRoles = UserRow & { roles: Role[] };

/** Which users a list may contain: everyone (admin) or those belonging to a set of jurisdictions. */
export type UserScope = { all: true } | { jurisdictionIds: readonly string[] };

export type UserFilter = { jurisdictionId?: string; unitId?: string; role?: Role; q?: string };

async function attachRoles(db: Db, rows: UserRow[]): Promise<UserWithRoles[]> {
  if (rows.length === 0) return [];
  const roleRows = await db
    .selectFrom("user_roles")
    .select(["user_id", "role"])
    .where(
      "user_id",
      "in",
      rows.map((r) => r.id),
    )
    .execute();
  const byUser = new Map<string, Role[]>();
  for (const r of roleRows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r.role as Role]);
  return rows.map((row) => ({ ...row, roles: byUser.get(row.id) ?? [] }));
}

export async function findUserWithRoles(db: Db, id: string): Promise<UserWithRoles | undefined> {
  const row = await db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
  return row ? (await attachRoles(db, [row]))[0] : undefined;
}

export async function listUsers(db: Db, options: { scope: UserScope; filter: UserFilter }): Promise<UserWithRoles[]> {
  const { scope, filter } = options;
  if ("jurisdictionIds" in scope && scope.jurisdictionIds.length === 0) return [];
  let q = db.selectFrom("users").selectAll("users");
  if ("jurisdictionIds" in scope) {
    // A user belongs to its jurisdiction; only a user without one belongs to its unit's (see userTarget).
    const ids = [...scope.jurisdictionIds];
    q = q.where((eb) =>
      eb.or([
        eb("users.jurisdiction_id", "in", ids),
        eb.and([
          eb("users.jurisdiction_id", "is", null),
          eb(
            "users.unit_id",
            "in",
            eb.selectFrom("units").select("units.id").where("units.jurisdiction_id", "in", ids),
          ),
        ]),
      ]),
    );
  }
  if (filter.jurisdictionId) {
    const id = filter.jurisdictionId;
    q = q.where((eb) =>
      eb.or([
        eb("users.jurisdiction_id", "=", id),
        eb("users.unit_id", "in", eb.selectFrom("units").select("units.id").where("units.jurisdiction_id", "=", id)),
      ]),
    );
  }
  if (filter.unitId) q = q.where("users.unit_id", "=", filter.unitId);
  if (filter.role) {
    const role = filter.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom("user_roles")
          .select("user_roles.user_id")
          .whereRef("user_roles.user_id", "=", "users.id")
          .where("user_roles.role", "=", role),
      ),
    );
  }
  if (filter.q) {
    // lower() on both sides: LIKE is case-insensitive on SQLite but not on PostgreSQL.
    const pattern = `%${filter.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    // ESCAPE spelled out: SQLite has no default escape character for LIKE.
    q = q.where((eb) =>
      eb.or([
        sql<boolean>`lower(${eb.ref("users.username")}) like ${pattern} escape '\\'`,
        sql<boolean>`lower(${eb.ref("users.display_name")}) like ${pattern} escape '\\'`,
      ]),
    );
  }
  const rows = await q.orderBy("users.username").execute();
  return attachRoles(db, rows);
}

export async function isUsernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").where("username", "=", username).executeTakeFirst();
  return row !== undefined;
}

export async function replaceRoles(db: Db, userId: string, roles: readonly Role[]): Promise<void> {
  await db.deleteFrom("user_roles").where("user_id", "=", userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
  }
}

/**
 * Ids of enabled admins other than `exceptUserId`. On PostgreSQL their rows are locked for the transaction, so
 * two admins demoting each other at once cannot both succeed; SQLite serialises writers anyway.
 */
export async function lockOtherEnabledAdmins(trx: Transaction<DB>, exceptUserId: string): Promise<string[]> {
  let q = trx
    .selectFrom("users")
    .select("users.id")
    .where("users.disabled", "=", 0)
    .where("users.id", "!=", exceptUserId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("user_roles")
          .select("user_roles.user_id")
          .whereRef("user_roles.user_id", "=", "users.id")
          .where("user_roles.role", "=", "admin"),
      ),
    );
  if (trx.getExecutor().adapter instanceof PostgresAdapter) q = q.forUpdate();
  return (await q.execute()).map((r) => r.id);
}

export async function findUnitJurisdiction(db: Db, unitId: string): Promise<string | undefined> {
  const row = await db.selectFrom("units").select("jurisdiction_id").where("id", "=", unitId).executeTakeFirst();
  return row?.jurisdiction_id;
}

export async function jurisdictionExists(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom("jurisdictions").select("id").where("id", "=", id).executeTakeFirst();
  return row !== undefined;
}

export function userRowToUser(row: UserWithRoles, now: Date): User {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    jurisdictionId: row.jurisdiction_id,
    unitId: row.unit_id,
    disabled: row.disabled === 1,
    locked: row.locked_until !== null && new Date(row.locked_until) > now,
    mustChangePassword: row.must_change_password === 1,
    version: row.version,
    createdAt: row.created_at,
  };
}

/** What the audit log keeps of a user: never the password hash. */
export function userAuditSnapshot(row: UserWithRoles): Record<string, unknown> {
  return {
    username: row.username,
    displayName: row.display_name,
    roles: row.roles,
    jurisdictionId: row.jurisdiction_id,
    unitId: row.unit_id,
    disabled: row.disabled === 1,
  };
}
