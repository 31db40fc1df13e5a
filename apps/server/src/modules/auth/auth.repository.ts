import type { Kysely, Transaction } from "kysely";
import type { Role, SessionUser } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";

type Db = Kysely<DB> | Transaction<DB>;
export type UserRow = DB["users"];

export async function findUserByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("username", "=", username).executeTakeFirst();
}

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom("users").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function findRoles(db: Db, userId: string): Promise<Role[]> {
  const rows = await db.selectFrom("user_roles").select("role").where("user_id", "=", userId).execute();
  return rows.map((r) => r.role as Role);
}

export async function insertUser(db: Db, user: UserRow, roles: readonly Role[]): Promise<void> {
  await db.insertInto("users").values(user).execute();
  if (roles.length > 0) {
    await db
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: user.id, role })))
      .execute();
  }
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Optimistic concurrency: the update applies only to the version read; returns false when it was stale. */
export async function updateUser(
  db: Db,
  id: string,
  expectedVersion: number,
  changes: Partial<Omit<UserRow, "id" | "version">>,
): Promise<boolean> {
  const result = await db
    .updateTable("users")
    .set({ ...changes, version: expectedVersion + 1 })
    .where("id", "=", id)
    .where("version", "=", expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertSession(db: Db, session: DB["sessions"]): Promise<void> {
  await db.insertInto("sessions").values(session).execute();
}

export async function findSession(db: Db, id: string): Promise<DB["sessions"] | undefined> {
  return db.selectFrom("sessions").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function touchSession(db: Db, id: string, lastSeenAt: string, expiresAt: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: lastSeenAt, expires_at: expiresAt })
    .where("id", "=", id)
    .execute();
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom("sessions").where("id", "=", id).execute();
}

export async function deleteUserSessions(db: Db, userId: string, exceptId?: string): Promise<void> {
  let q = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (exceptId) q = q.where("id", "!=", exceptId);
  await q.execute();
}

export function userRowToSessionUser(row: UserRow, roles: Role[]): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    roles,
    jurisdictionId: row.jurisdiction_id,
    unitId: row.unit_id,
    mustChangePassword: row.must_change_password === 1,
  };
}
