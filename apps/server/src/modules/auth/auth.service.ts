import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Role, SessionUser } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { insertAudit } from "../audit/audit.repository.ts";
import {
  countUsers,
  deleteSession,
  deleteUserSessions,
  findRoles,
  findSession,
  findUserById,
  findUserByUsername,
  insertSession,
  insertUser,
  touchSession,
  updateUser,
  userRowToSessionUser,
} from "./auth.repository.ts";
import { afterFailedLogin, isLocked, LOCK_MINUTES } from "./login-policy.ts";
import { hashPassword, passwordPolicyViolation, verifyPassword } from "./password.ts";

export type AuthOptions = {
  sessionHours: number;
  /** A session idle longer than this ends; without it only the sliding expiry applies. */
  idleMinutes?: number;
  now?: Date;
};
export type LoginResult = { token: string; csrfToken: string; user: SessionUser; expiresAt: string };

// The cookie holds a random token; the database keeps only its hash, so a leaked table opens no session.
const tokenHash = (token: string) => createHash("sha256").update(token).digest("hex");
const newToken = () => randomBytes(32).toString("base64url");
const iso = (d: Date) => d.toISOString();

// Verifying against a fixed hash when the user does not exist keeps response time from revealing user names.
let dummyHash: Promise<string> | undefined;

export async function login(
  db: Kysely<DB>,
  input: { username: string; password: string },
  options: AuthOptions,
): Promise<LoginResult> {
  const now = options.now ?? new Date();
  const user = await findUserByUsername(db, input.username);
  if (!user || user.disabled === 1) {
    dummyHash ??= hashPassword(randomUUID());
    await verifyPassword(await dummyHash, input.password);
    throw new AppError("INVALID_CREDENTIALS", "用户名或密码错误");
  }
  if (isLocked(user.locked_until, now)) {
    throw new AppError("ACCOUNT_LOCKED", `连续登录失败次数过多，账号已锁定 ${LOCK_MINUTES} 分钟，请稍后再试`);
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok) {
    // Counted and audited in a committed transaction first; the error is thrown only afterwards.
    const next = afterFailedLogin(user.failed_logins, now);
    await db.transaction().execute(async (trx) => {
      await updateUser(trx, user.id, user.version, {
        failed_logins: next.failedLogins,
        locked_until: next.lockedUntil,
        updated_at: iso(now),
      });
      await insertAudit(trx, {
        at: iso(now),
        actorId: user.id,
        action: next.lockedUntil ? "auth.locked" : "auth.login_failed",
        entity: "user",
        entityId: user.id,
      });
    });
    throw next.lockedUntil
      ? new AppError("ACCOUNT_LOCKED", `连续登录失败次数过多，账号已锁定 ${LOCK_MINUTES} 分钟，请稍后再试`)
      : new AppError("INVALID_CREDENTIALS", "用户名或密码错误");
  }
  return db.transaction().execute(async (trx) => {
    if (user.failed_logins !== 0 || user.locked_until !== null) {
      await updateUser(trx, user.id, user.version, { failed_logins: 0, locked_until: null, updated_at: iso(now) });
    }
    const token = newToken();
    const csrfToken = newToken();
    const expiresAt = iso(new Date(now.getTime() + options.sessionHours * 3_600_000));
    await insertSession(trx, {
      id: tokenHash(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: iso(now),
      expires_at: expiresAt,
      last_seen_at: iso(now),
    });
    await insertAudit(trx, { at: iso(now), actorId: user.id, action: "auth.login", entity: "user", entityId: user.id });
    return { token, csrfToken, expiresAt, user: userRowToSessionUser(user, await findRoles(trx, user.id)) };
  });
}

/**
 * The user behind a session cookie, sliding its expiry; undefined when absent, expired, idle too long or the
 * user disabled. last_seen_at is written at most once a minute, so the idle timeout is exact to about a minute.
 */
export async function findSessionUser(
  db: Kysely<DB>,
  token: string,
  options: AuthOptions,
): Promise<{ user: SessionUser; csrfToken: string; sessionId: string } | undefined> {
  const now = options.now ?? new Date();
  const session = await findSession(db, tokenHash(token));
  if (!session) return undefined;
  const idleMs = now.getTime() - new Date(session.last_seen_at).getTime();
  const isIdle = options.idleMinutes !== undefined && idleMs > options.idleMinutes * 60_000;
  if (new Date(session.expires_at) <= now || isIdle) {
    await deleteSession(db, session.id);
    return undefined;
  }
  const user = await findUserById(db, session.user_id);
  if (!user || user.disabled === 1) return undefined;
  // Writing last-seen on every request would serialise reads on SQLite; once a minute is enough for timeouts.
  if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) {
    await touchSession(db, session.id, iso(now), iso(new Date(now.getTime() + options.sessionHours * 3_600_000)));
  }
  return {
    user: userRowToSessionUser(user, await findRoles(db, user.id)),
    csrfToken: session.csrf_token,
    sessionId: session.id,
  };
}

export async function logout(db: Kysely<DB>, token: string): Promise<void> {
  await deleteSession(db, tokenHash(token));
}

export async function changePassword(
  db: Kysely<DB>,
  input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
  options: { now?: Date } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  const user = await findUserById(db, input.userId);
  if (!user) throw new AppError("NOT_FOUND", "用户不存在");
  if (!(await verifyPassword(user.password_hash, input.currentPassword))) {
    throw new AppError("INVALID_CREDENTIALS", "当前密码不正确");
  }
  const violation = passwordPolicyViolation(input.newPassword, user.username);
  if (violation) throw new AppError("PASSWORD_POLICY", violation);
  if (await verifyPassword(user.password_hash, input.newPassword)) {
    throw new AppError("PASSWORD_POLICY", "新密码不能与当前密码相同");
  }
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    const updated = await updateUser(trx, user.id, user.version, {
      password_hash: passwordHash,
      must_change_password: 0,
      updated_at: iso(now),
    });
    if (!updated) throw new AppError("CONFLICT", "账号信息已被他人修改，请刷新后重试");
    // Other sessions of this user end: a changed password must lock out whoever knew the old one.
    await deleteUserSessions(trx, user.id, input.sessionId);
    await insertAudit(trx, {
      at: iso(now),
      actorId: user.id,
      action: "auth.password_changed",
      entity: "user",
      entityId: user.id,
    });
  });
}

/**
 * On first start the system has no users: create `admin` with LUOSHI_ADMIN_PASSWORD, or with a generated
 * password that is returned so the caller can print it once. Returns undefined when users already exist.
 */
export async function ensureAdmin(
  db: Kysely<DB>,
  options: { password?: string | undefined; now?: Date },
): Promise<{ username: string; password: string; generated: boolean } | undefined> {
  if ((await countUsers(db)) > 0) return undefined;
  const now = iso(options.now ?? new Date());
  const generated = !options.password;
  const password = options.password ?? `Ls-${randomBytes(9).toString("base64url")}9`;
  const id = randomUUID();
  const roles: Role[] = ["admin"];
  const passwordHash = await hashPassword(password);
  try {
    await insertFirstAdmin(db, { id, passwordHash, generated, now, roles });
  } catch (error) {
    // Several servers starting together on one PostgreSQL all see zero users; one wins the unique username.
    if ((await countUsers(db)) > 0) return undefined;
    throw error;
  }
  return { username: "admin", password, generated };
}

async function insertFirstAdmin(
  db: Kysely<DB>,
  options: { id: string; passwordHash: string; generated: boolean; now: string; roles: Role[] },
): Promise<void> {
  const { id, passwordHash, generated, now, roles } = options;
  await db.transaction().execute(async (trx) => {
    await insertUser(
      trx,
      {
        id,
        username: "admin",
        display_name: "系统管理员",
        password_hash: passwordHash,
        jurisdiction_id: null,
        unit_id: null,
        must_change_password: generated ? 1 : 0,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      },
      roles,
    );
    await insertAudit(trx, {
      at: now,
      actorId: null,
      action: "user.created",
      entity: "user",
      entityId: id,
      after: { username: "admin", roles },
    });
  });
}
