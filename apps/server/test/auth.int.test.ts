import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema, healthResponseSchema, meResponseSchema } from "@luoshi/contract";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { findAudit } from "../src/modules/audit/audit.repository.ts";
import { ensureAdmin } from "../src/modules/auth/auth.service.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";

const PASSWORD = "Start-Pass-2026";

describe.each(dialects())("accounts and sessions on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await ensureAdmin(database.db, { password: PASSWORD });
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const login = (password: string, username = "admin") =>
    app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password } });
  const cookieOf = (res: { cookies: { name: string; value: string }[] }) =>
    `luoshi_session=${res.cookies.find((c) => c.name === "luoshi_session")?.value}`;

  it("reports health without a session, naming the database", async () => {
    const res = await app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(healthResponseSchema.parse(res.json())).toMatchObject({ status: "ok", database: dialect });
  });

  it("answers 401 with the standard error body on any other route without a session", async () => {
    for (const url of ["/api/auth/me", "/api/anything/else"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode).toBe(401);
      expect(errorBodySchema.parse(res.json()).error.code).toBe("UNAUTHENTICATED");
    }
  });

  it("rejects a bad body with a Chinese validation message", async () => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username: "" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/请求内容无效/);
  });

  it("logs in with a HttpOnly SameSite cookie and returns the user and roles", async () => {
    const res = await login(PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "luoshi_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: cookieOf(res) } });
    expect(meResponseSchema.parse(me.json()).user).toMatchObject({ username: "admin", roles: ["admin"] });
  });

  it("refuses a cookie-authenticated write without the CSRF token", async () => {
    const res = await login(PASSWORD);
    const csrf = meResponseSchema.parse(res.json()).csrfToken;
    const bad = await app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: cookieOf(res) } });
    expect(bad.statusCode).toBe(403);
    expect(bad.json().error.code).toBe("CSRF_FAILED");
    const good = await app.inject({
      method: "POST",
      url: "/api/auth/logout",
      headers: { cookie: cookieOf(res), "x-csrf-token": csrf },
    });
    expect(good.statusCode).toBe(200);
    const after = await app.inject({ method: "GET", url: "/api/auth/me", headers: { cookie: cookieOf(res) } });
    expect(after.statusCode).toBe(401);
  });

  it("locks the account after five wrong passwords, and records it in the audit log", async () => {
    for (let i = 0; i < 4; i++) expect((await login("wrong-password")).json().error.code).toBe("INVALID_CREDENTIALS");
    const fifth = await login("wrong-password");
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.message).toMatch(/锁定/);
    expect((await login(PASSWORD)).statusCode).toBe(423);
    const audit = await findAudit(database.db, { entity: "user" });
    expect(audit.map((a) => a.action)).toContain("auth.locked");
  });

  it("does not reveal whether a user name exists", async () => {
    const res = await login("whatever", "nobody");
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toEqual({ code: "INVALID_CREDENTIALS", message: "用户名或密码错误" });
  });
});

describe("the API document", () => {
  it("is generated from the declared routes and readable without a session", async () => {
    const database = await createTestDatabase("sqlite");
    const app = await buildApp({
      db: database.db,
      dialect: "sqlite",
      config: loadConfig({ LUOSHI_DATA_DIR: database.dataDir }),
      version: "test",
    });
    const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.paths["/api/auth/login"].post.requestBody.content["application/json"].schema.properties).toHaveProperty(
      "username",
    );
    expect(doc.paths["/api/auth/me"].get["x-roles"]).toContain("liaison");
    const page = await app.inject({ method: "GET", url: "/api/docs" });
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.body).toContain("/api/auth/login");
    await app.close();
    await database.drop();
  });
});
