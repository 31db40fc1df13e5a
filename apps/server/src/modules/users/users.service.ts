import { randomUUID } from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { CreateUserRequest, Role, SessionUser, UpdateUserRequest, User } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { assertCanRead, assertCanWrite, canWrite, type Actor, type Target } from "../access/scope.ts";
import { jurisdictionPath, jurisdictionSubtree } from "../access/scope.repository.ts";
import { insertAudit } from "../audit/audit.repository.ts";
import { deleteUserSessions, insertUser, updateUser as updateUserRow } from "../auth/auth.repository.ts";
import { hashPassword } from "../auth/password.ts";
import { assignmentViolation, generateInitialPassword, normaliseRoles } from "./user.ts";
import {
  findUnitJurisdiction,
  findUserWithRoles,
  isUsernameTaken,
  jurisdictionExists,
  listUsers,
  lockOtherEnabledAdmins,
  replaceRoles,
  userAuditSnapshot,
  userRowToUser,
  type UserFilter,
  type UserScope,
  type UserWithRoles,
} from "./users.repository.ts";

type Db = Kysely<DB> | Transaction<DB>;
const iso = (d: Date) => d.toISOString();
const isAdmin = (actor: Actor) => actor.roles.includes("admin");
const STALE = "账号信息已被他人修改，请刷新后重试";

/**
 * Where a user sits for access checks. A user's jurisdiction is always on its unit's path (checked on every
 * change), so the jurisdiction is the broader of the two and decides who manages the account.
 */
async function userTarget(db: Db, user: { jurisdiction_id: string | null; unit_id: string | null }): Promise<Target> {
  const home = user.jurisdiction_id ?? (user.unit_id ? await findUnitJurisdiction(db, user.unit_id) : undefined);
  return { jurisdictionPath: home ? await jurisdictionPath(db, home) : [], unitId: user.unit_id };
}

/** Office staff manage accounts of their jurisdiction subtree, never an admin's; others see such ids as absent. */
async function assertCanManage(db: Db, actor: Actor, user: UserWithRoles): Promise<void> {
  assertCanWrite(actor, await userTarget(db, user));
  if (user.roles.includes("admin") && !isAdmin(actor)) {
    throw new AppError("FORBIDDEN", "只有系统管理员可以管理管理员账号");
  }
}

async function getManageableUser(db: Db, actor: Actor, id: string): Promise<UserWithRoles> {
  const user = await findUserWithRoles(db, id);
  if (!user) throw new AppError("NOT_FOUND", "用户不存在或无权访问");
  await assertCanManage(db, actor, user);
  return user;
}

/**
 * Checks a new assignment and fills in the jurisdiction of a unit user when not given (`undefined`).
 * Existence and containment errors are validation errors; assigning outside the actor's scope is forbidden.
 */
async function resolveAssignment(
  db: Db,
  actor: Actor,
  input: { roles: Role[]; jurisdictionId: string | null | undefined; unitId: string | null },
): Promise<{ jurisdictionId: string | null; unitId: string | null }> {
  if (input.roles.includes("admin") && !isAdmin(actor)) {
    throw new AppError("FORBIDDEN", "只有系统管理员可以授予管理员角色");
  }
  const unitJurisdiction = input.unitId ? await findUnitJurisdiction(db, input.unitId) : undefined;
  if (input.unitId && !unitJurisdiction) throw new AppError("VALIDATION_FAILED", "所属单位不存在");
  const jurisdictionId = input.jurisdictionId === undefined ? (unitJurisdiction ?? null) : input.jurisdictionId;
  if (jurisdictionId && !(await jurisdictionExists(db, jurisdictionId))) {
    throw new AppError("VALIDATION_FAILED", "所属行政区划不存在");
  }
  if (unitJurisdiction && jurisdictionId && !(await jurisdictionPath(db, unitJurisdiction)).includes(jurisdictionId)) {
    throw new AppError("VALIDATION_FAILED", "所属单位不在所选行政区划内");
  }
  const violation = assignmentViolation({ roles: input.roles, jurisdictionId, unitId: input.unitId });
  if (violation) throw new AppError("VALIDATION_FAILED", violation);
  if (
    !isAdmin(actor) &&
    !canWrite(actor, await userTarget(db, { jurisdiction_id: jurisdictionId, unit_id: input.unitId }))
  ) {
    throw new AppError("FORBIDDEN", "只能在本辖区内创建或调整账号");
  }
  return { jurisdictionId, unitId: input.unitId };
}

async function scopeOf(db: Db, actor: Actor): Promise<UserScope> {
  if (isAdmin(actor)) return { all: true };
  if (actor.roles.includes("office") && actor.jurisdictionId) {
    return { jurisdictionIds: await jurisdictionSubtree(db, actor.jurisdictionId) };
  }
  return { jurisdictionIds: [] };
}

export async function findUsers(
  db: Db,
  options: { actor: SessionUser; filter: UserFilter; now?: Date },
): Promise<User[]> {
  const rows = await listUsers(db, { scope: await scopeOf(db, options.actor), filter: options.filter });
  return rows.map((row) => userRowToUser(row, options.now ?? new Date()));
}

export async function getUser(db: Db, options: { actor: SessionUser; id: string; now?: Date }): Promise<User> {
  const user = await findUserWithRoles(db, options.id);
  if (!user) throw new AppError("NOT_FOUND", "用户不存在或无权访问");
  assertCanRead(options.actor, await userTarget(db, user));
  return userRowToUser(user, options.now ?? new Date());
}

/** Creates an account with a generated initial password, returned once; the user must change it at first login. */
export async function createUser(
  db: Kysely<DB>,
  options: { actor: SessionUser; input: CreateUserRequest; now?: Date },
): Promise<{ user: User; initialPassword: string }> {
  const { actor, input } = options;
  const now = options.now ?? new Date();
  const roles = normaliseRoles(input.roles);
  const assignment = await resolveAssignment(db, actor, {
    roles,
    jurisdictionId: input.jurisdictionId,
    unitId: input.unitId ?? null,
  });
  const initialPassword = generateInitialPassword(input.username);
  // Hashed before the transaction: argon2 takes tens of milliseconds and SQLite would hold its write lock meanwhile.
  const passwordHash = await hashPassword(initialPassword);
  const row: UserWithRoles = {
    id: randomUUID(),
    username: input.username,
    display_name: input.displayName,
    password_hash: passwordHash,
    jurisdiction_id: assignment.jurisdictionId,
    unit_id: assignment.unitId,
    must_change_password: 1,
    failed_logins: 0,
    locked_until: null,
    disabled: 0,
    version: 1,
    created_at: iso(now),
    updated_at: iso(now),
    roles,
  };
  await db.transaction().execute(async (trx) => {
    if (await isUsernameTaken(trx, input.username)) throw new AppError("CONFLICT", `用户名 ${input.username} 已被使用`);
    const { roles: _roles, ...userRow } = row;
    await insertUser(trx, userRow, roles);
    await insertAudit(trx, {
      at: iso(now),
      actorId: actor.id,
      action: "user.created",
      entity: "user",
      entityId: row.id,
      after: userAuditSnapshot(row),
    });
  });
  return { user: userRowToUser(row, now), initialPassword };
}

/**
 * Changes roles, assignment, name or the disabled flag, against the version the client read. Disabling ends
 * the user's sessions (API tokens stop too: they check the flag). The last enabled admin cannot be removed.
 */
export async function updateUser(
  db: Kysely<DB>,
  options: { actor: SessionUser; id: string; input: UpdateUserRequest; now?: Date },
): Promise<User> {
  const { actor, id, input } = options;
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const before = await getManageableUser(trx, actor, id);
    if (before.version !== input.version) throw new AppError("CONFLICT", STALE);
    const roles = input.roles ? normaliseRoles(input.roles) : before.roles;
    const unitId = input.unitId !== undefined ? input.unitId : before.unit_id;
    // A new unit without a jurisdiction moves the user to the unit's jurisdiction.
    const jurisdictionId =
      input.jurisdictionId !== undefined ? input.jurisdictionId : input.unitId ? undefined : before.jurisdiction_id;
    const assignment = await resolveAssignment(trx, actor, { roles, jurisdictionId, unitId });
    const disabled = input.disabled ?? before.disabled === 1;
    if (disabled && before.disabled === 0 && id === actor.id) {
      throw new AppError("VALIDATION_FAILED", "不能停用自己的账号");
    }
    const wasActiveAdmin = before.roles.includes("admin") && before.disabled === 0;
    const isActiveAdmin = roles.includes("admin") && !disabled;
    if (wasActiveAdmin && !isActiveAdmin && (await lockOtherEnabledAdmins(trx, id)).length === 0) {
      throw new AppError("CONFLICT", "系统至少需要保留一名启用的管理员账号");
    }
    const after: UserWithRoles = {
      ...before,
      display_name: input.displayName ?? before.display_name,
      jurisdiction_id: assignment.jurisdictionId,
      unit_id: assignment.unitId,
      disabled: disabled ? 1 : 0,
      version: before.version + 1,
      updated_at: iso(now),
      roles,
    };
    const updated = await updateUserRow(trx, id, before.version, {
      display_name: after.display_name,
      jurisdiction_id: after.jurisdiction_id,
      unit_id: after.unit_id,
      disabled: after.disabled,
      updated_at: after.updated_at,
    });
    if (!updated) throw new AppError("CONFLICT", STALE);
    if (roles.join() !== normaliseRoles(before.roles).join()) await replaceRoles(trx, id, roles);
    if (after.disabled === 1 && before.disabled === 0) await deleteUserSessions(trx, id);
    await insertAudit(trx, {
      at: iso(now),
      actorId: actor.id,
      action: after.disabled === before.disabled ? "user.updated" : after.disabled ? "user.disabled" : "user.enabled",
      entity: "user",
      entityId: id,
      before: userAuditSnapshot(before),
      after: userAuditSnapshot(after),
    });
    return userRowToUser(after, now);
  });
}

/** A new generated password, shown once: the user must change it, is unlocked, and every session ends. */
export async function resetPassword(
  db: Kysely<DB>,
  options: { actor: SessionUser; id: string; now?: Date },
): Promise<{ initialPassword: string }> {
  const { actor, id } = options;
  const now = options.now ?? new Date();
  const user = await getManageableUser(db, actor, id);
  const initialPassword = generateInitialPassword(user.username);
  const passwordHash = await hashPassword(initialPassword);
  await db.transaction().execute(async (trx) => {
    const current = await getManageableUser(trx, actor, id);
    const updated = await updateUserRow(trx, id, current.version, {
      password_hash: passwordHash,
      must_change_password: 1,
      failed_logins: 0,
      locked_until: null,
      updated_at: iso(now),
    });
    if (!updated) throw new AppError("CONFLICT", STALE);
    await deleteUserSessions(trx, id);
    await insertAudit(trx, {
      at: iso(now),
      actorId: actor.id,
      action: "user.password_reset",
      entity: "user",
      entityId: id,
      before: { mustChangePassword: current.must_change_password === 1 },
      after: { mustChangePassword: true },
    });
  });
  return { initialPassword };
}

/** Lifts a login lockout before it runs out (the user called the office). */
export async function unlockUser(
  db: Kysely<DB>,
  options: { actor: SessionUser; id: string; now?: Date },
): Promise<User> {
  const { actor, id } = options;
  const now = options.now ?? new Date();
  return db.transaction().execute(async (trx) => {
    const before = await getManageableUser(trx, actor, id);
    const updated = await updateUserRow(trx, id, before.version, {
      failed_logins: 0,
      locked_until: null,
      updated_at: iso(now),
    });
    if (!updated) throw new AppError("CONFLICT", STALE);
    await insertAudit(trx, {
      at: iso(now),
      actorId: actor.id,
      action: "user.unlocked",
      entity: "user",
      entityId: id,
      before: { lockedUntil: before.locked_until, failedLogins: before.failed_logins },
      after: { lockedUntil: null, failedLogins: 0 },
    });
    return userRowToUser({ ...before, failed_logins: 0, locked_until: null, version: before.version + 1 }, now);
  });
}
