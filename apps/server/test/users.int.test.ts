import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createUserResponseSchema, resetPasswordResponseSchema, userListSchema, userSchema } from "@luoshi/contract";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { findAudit } from "../src/modules/audit/audit.repository.ts";
import { ensureAdmin } from "../src/modules/auth/auth.service.ts";
import { seedTwoCities, signIn, TEST_PASSWORD, type Client, type TwoCities } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";

const ADMIN_PASSWORD = "Start-Pass-2026";
const NEW_PASSWORD = "Changed-Pass-2026";

describe.each(dialects())("user administration on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TwoCities;
  let admin: Client;
  let jmOffice: Client;
  let zjOffice: Client;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await ensureAdmin(database.db, { password: ADMIN_PASSWORD });
    org = await seedTwoCities(database.db);
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir, LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000" });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
    admin = await signIn(app, "admin", ADMIN_PASSWORD);
    jmOffice = await signIn(app, "jm-office");
    zjOffice = await signIn(app, "zj-office");
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const create = (client: Client, payload: Record<string, unknown>) =>
    app.inject({ method: "POST", url: "/api/users", headers: client.headers, payload });
  const patch = (client: Client, id: string, payload: Record<string, unknown>) =>
    app.inject({ method: "PATCH", url: `/api/users/${id}`, headers: client.headers, payload });
  const me = (headers: Record<string, string>) => app.inject({ method: "GET", url: "/api/auth/me", headers });
  const getUser = async (id: string) =>
    userSchema.parse((await app.inject({ method: "GET", url: `/api/users/${id}`, headers: admin.headers })).json());

  it("creates a user whose generated password works once and must be changed before any write", async () => {
    const res = await create(jmOffice, {
      username: "li.si",
      displayName: "李四",
      roles: ["liaison"],
      unitId: org.jm.unitA,
    });
    expect(res.statusCode).toBe(200);
    const { user, initialPassword } = createUserResponseSchema.parse(res.json());
    // The unit's jurisdiction is filled in when only the unit is given.
    expect(user).toMatchObject({ mustChangePassword: true, jurisdictionId: org.jm.jurisdictionId, roles: ["liaison"] });
    expect(JSON.stringify(await getUser(user.id))).not.toContain(initialPassword);

    const session = await signIn(app, "li.si", initialPassword);
    expect((await me(session.headers)).statusCode).toBe(200);
    const write = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: session.headers,
      payload: { name: "x" },
    });
    expect(write.statusCode).toBe(403);
    expect(write.json().error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    const changed = await app.inject({
      method: "POST",
      url: "/api/auth/password",
      headers: session.headers,
      payload: { currentPassword: initialPassword, newPassword: NEW_PASSWORD },
    });
    expect(changed.statusCode).toBe(200);
    const old = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "li.si", password: initialPassword },
    });
    expect(old.statusCode).toBe(401);
    expect((await signIn(app, "li.si", NEW_PASSWORD)).userId).toBe(user.id);

    const audit = await findAudit(database.db, { entity: "user", entityId: user.id });
    const created = audit.find((a) => a.action === "user.created");
    expect(created?.actor_id).toBe(jmOffice.userId);
    expect(JSON.parse(created?.after_json ?? "{}")).toMatchObject({ username: "li.si", roles: ["liaison"] });
    expect(audit.map((a) => `${a.before_json}${a.after_json}`).join()).not.toMatch(/argon2|password_hash|passwordHash/);
  });

  it("validates the assignment with Chinese messages", async () => {
    const noUnit = await create(admin, { username: "no.unit", displayName: "甲", roles: ["leader"] });
    expect(noUnit.statusCode).toBe(400);
    expect(noUnit.json().error.message).toBe("单位联络员和单位领导须指定所属单位");
    const noJurisdiction = await create(admin, { username: "no.juris", displayName: "乙", roles: ["viewer"] });
    expect(noJurisdiction.json().error.message).toMatch(/须指定所属行政区划/);
    const mismatch = await create(admin, {
      username: "mismatch",
      displayName: "丙",
      roles: ["liaison"],
      unitId: org.zj.unitA,
      jurisdictionId: org.jm.jurisdictionId,
    });
    expect(mismatch.json().error.message).toBe("所属单位不在所选行政区划内");
    const taken = await create(admin, { username: "jm-office", displayName: "丁", roles: ["admin"] });
    expect(taken.statusCode).toBe(409);
  });

  it("lets only admins grant admin, and keeps office staff inside their jurisdiction", async () => {
    const grant = await create(jmOffice, {
      username: "would.be.admin",
      displayName: "王五",
      roles: ["admin"],
      jurisdictionId: org.jm.jurisdictionId,
    });
    expect(grant.statusCode).toBe(403);
    const promote = await patch(jmOffice, org.jm.users.viewer.id, { version: 1, roles: ["viewer", "admin"] });
    expect(promote.statusCode).toBe(403);
    const elsewhere = await create(jmOffice, {
      username: "zj.user",
      displayName: "赵六",
      roles: ["viewer"],
      jurisdictionId: org.zj.jurisdictionId,
    });
    expect(elsewhere.statusCode).toBe(403);
    // A county below 江门 is in the 江门 office's subtree.
    const county = await create(jmOffice, {
      username: "pj.liaison",
      displayName: "蓬江联络员",
      roles: ["liaison"],
      unitId: org.pengjiang.unitA,
    });
    expect(county.statusCode).toBe(200);
    // An admin account inside 江门 is out of the office's reach, even for a password reset.
    const jmAdminReset = await app.inject({
      method: "POST",
      url: `/api/users/${org.jm.users.admin.id}/reset-password`,
      headers: jmOffice.headers,
    });
    expect(jmAdminReset.statusCode).toBe(403);
    expect(
      (await create(admin, { username: "second.admin", displayName: "管理员二", roles: ["admin"] })).statusCode,
    ).toBe(200);
  });

  it("does not show 江门 accounts to the 湛江 office", async () => {
    const list = userListSchema.parse(
      (await app.inject({ method: "GET", url: "/api/users", headers: zjOffice.headers })).json(),
    );
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((u) => u.jurisdictionId === org.zj.jurisdictionId)).toBe(true);
    const jmUser = org.jm.users.liaison.id;
    for (const res of [
      await app.inject({ method: "GET", url: `/api/users/${jmUser}`, headers: zjOffice.headers }),
      await patch(zjOffice, jmUser, { version: 1, displayName: "改名" }),
      await app.inject({ method: "POST", url: `/api/users/${jmUser}/unlock`, headers: zjOffice.headers }),
    ]) {
      expect(res.statusCode).toBe(404);
    }
    const jmList = userListSchema.parse(
      (await app.inject({ method: "GET", url: "/api/users?role=liaison&q=PJ", headers: jmOffice.headers })).json(),
    );
    expect(jmList.items.map((u) => u.username)).toEqual(["pj.liaison"]);
    const byUnit = userListSchema.parse(
      (await app.inject({ method: "GET", url: `/api/users?unitId=${org.jm.unitB}`, headers: admin.headers })).json(),
    );
    expect(byUnit.items.map((u) => u.username).sort()).toEqual(["jm-leaderb", "jm-liaisonb"]);
  });

  it("refuses a change made against a stale version with 409", async () => {
    const id = org.jm.users.evaluator.id;
    const first = await patch(jmOffice, id, { version: 1, displayName: "评估员甲" });
    expect(first.statusCode).toBe(200);
    expect(userSchema.parse(first.json()).version).toBe(2);
    const stale = await patch(admin, id, { version: 1, displayName: "评估员乙" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONFLICT");
    expect((await getUser(id)).displayName).toBe("评估员甲");
  });

  it("ends a disabled user's sessions at once, and lets them in again when re-enabled", async () => {
    const session = await signIn(app, "jm-leader");
    const id = org.jm.users.leader.id;
    const disabled = await patch(jmOffice, id, { version: 1, disabled: true });
    expect(userSchema.parse(disabled.json()).disabled).toBe(true);
    expect((await me(session.headers)).statusCode).toBe(401);
    const login = await app.inject({
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "jm-leader", password: TEST_PASSWORD },
    });
    expect(login.statusCode).toBe(401);
    const audit = await findAudit(database.db, { entity: "user", entityId: id });
    const entry = audit.find((a) => a.action === "user.disabled");
    expect(JSON.parse(entry?.before_json ?? "{}")).toMatchObject({ disabled: false });
    expect(JSON.parse(entry?.after_json ?? "{}")).toMatchObject({ disabled: true });
    await patch(jmOffice, id, { version: 2, disabled: false });
    expect((await signIn(app, "jm-leader")).userId).toBe(id);
  });

  it("resets a password: sessions end, the new password is shown once and must be changed", async () => {
    const session = await signIn(app, "jm-viewer");
    const res = await app.inject({
      method: "POST",
      url: `/api/users/${org.jm.users.viewer.id}/reset-password`,
      headers: jmOffice.headers,
    });
    expect(res.statusCode).toBe(200);
    const { initialPassword } = resetPasswordResponseSchema.parse(res.json());
    expect((await me(session.headers)).statusCode).toBe(401);
    const again = await signIn(app, "jm-viewer", initialPassword);
    expect((await me(again.headers)).json().user.mustChangePassword).toBe(true);
  });

  it("unlocks an account locked by wrong passwords", async () => {
    for (let i = 0; i < 5; i++) {
      await app.inject({
        method: "POST",
        url: "/api/auth/login",
        payload: { username: "zj-viewer", password: "wrong" },
      });
    }
    expect((await getUser(org.zj.users.viewer.id)).locked).toBe(true);
    const res = await app.inject({
      method: "POST",
      url: `/api/users/${org.zj.users.viewer.id}/unlock`,
      headers: zjOffice.headers,
    });
    expect(userSchema.parse(res.json()).locked).toBe(false);
    expect((await signIn(app, "zj-viewer")).userId).toBe(org.zj.users.viewer.id);
  });

  it("keeps at least one enabled admin and forbids disabling oneself", async () => {
    const self = await getUser(admin.userId);
    const disableSelf = await patch(admin, admin.userId, { version: self.version, disabled: true });
    expect(disableSelf.statusCode).toBe(400);
    expect(disableSelf.json().error.message).toBe("不能停用自己的账号");
    // Disable the other admins, then the last one cannot demote itself.
    for (const id of [org.jm.users.admin.id, org.zj.users.admin.id]) {
      const u = await getUser(id);
      expect((await patch(admin, id, { version: u.version, disabled: true })).statusCode).toBe(200);
    }
    const second = userListSchema
      .parse((await app.inject({ method: "GET", url: "/api/users?q=second.admin", headers: admin.headers })).json())
      .items.at(0);
    expect(second).toBeDefined();
    if (second)
      expect((await patch(admin, second.id, { version: second.version, disabled: true })).statusCode).toBe(200);
    const demote = await patch(admin, admin.userId, {
      version: self.version,
      roles: ["office"],
      jurisdictionId: org.jm.jurisdictionId,
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.message).toMatch(/至少需要保留一名启用的管理员/);
  });

  it("ends a session that has been idle longer than the idle timeout", async () => {
    const session = await signIn(app, "zj-evaluator");
    expect((await me(session.headers)).statusCode).toBe(200);
    const idleSince = new Date(Date.now() - 31 * 60_000).toISOString();
    await database.db
      .updateTable("sessions")
      .set({ last_seen_at: idleSince })
      .where("user_id", "=", org.zj.users.evaluator.id)
      .execute();
    expect((await me(session.headers)).statusCode).toBe(401);
  });
});

describe("login throttling", () => {
  it("answers 429 after 20 attempts from one address within a minute, per address", async () => {
    const database = await createTestDatabase("sqlite");
    const app = await buildApp({
      db: database.db,
      dialect: "sqlite",
      config: loadConfig({ LUOSHI_DATA_DIR: database.dataDir }),
      version: "test",
    });
    const attempt = (remoteAddress: string) =>
      app.inject({
        method: "POST",
        url: "/api/auth/login",
        remoteAddress,
        payload: { username: "nobody", password: "wrong" },
      });
    for (let i = 0; i < 20; i++) expect((await attempt("10.1.1.1")).statusCode).toBe(401);
    const refused = await attempt("10.1.1.1");
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe("TOO_MANY_REQUESTS");
    expect(Number(refused.headers["retry-after"])).toBeGreaterThan(0);
    expect((await attempt("10.1.1.2")).statusCode).toBe(401);
    await app.close();
    await database.drop();
  });
});
