import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiTokenListSchema, createApiTokenResponseSchema, userListSchema } from "@luoshi/contract";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { seedTwoCities, signIn, type Client, type TwoCities } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";

describe.each(dialects())("API tokens on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TwoCities;
  let office: Client;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    org = await seedTwoCities(database.db);
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir, LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000" });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
    office = await signIn(app, "jm-office");
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const createToken = async (client: Client, name: string) => {
    const res = await app.inject({ method: "POST", url: "/api/tokens", headers: client.headers, payload: { name } });
    expect(res.statusCode).toBe(200);
    return createApiTokenResponseSchema.parse(res.json());
  };
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("authenticates as its user without cookie or CSRF, and stores only a hash", async () => {
    const { token, apiToken } = await createToken(office, "OA 系统对接");
    expect(token).toMatch(/^lst_/);
    const stored = await database.db
      .selectFrom("api_tokens")
      .selectAll()
      .where("id", "=", apiToken.id)
      .executeTakeFirst();
    expect(stored?.token_hash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(stored)).not.toContain(token);

    const me = await app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(token) });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.username).toBe("jm-office");
    // A write with the token alone: no cookie, no CSRF header.
    const created = await app.inject({
      method: "POST",
      url: "/api/users",
      headers: bearer(token),
      payload: {
        username: "via.token",
        displayName: "接口创建",
        roles: ["viewer"],
        jurisdictionId: org.jm.jurisdictionId,
      },
    });
    expect(created.statusCode).toBe(200);
    // The token carries its user's scope: 湛江 stays invisible.
    const list = userListSchema.parse(
      (await app.inject({ method: "GET", url: "/api/users", headers: bearer(token) })).json(),
    );
    expect(list.items.some((u) => u.jurisdictionId === org.zj.jurisdictionId)).toBe(false);
    // And it cannot mint further tokens.
    const mint = await app.inject({
      method: "POST",
      url: "/api/tokens",
      headers: bearer(token),
      payload: { name: "b" },
    });
    expect(mint.statusCode).toBe(403);
  });

  it("lists the caller's tokens without secrets and stops working once revoked", async () => {
    const { token, apiToken } = await createToken(office, "数据报送");
    expect((await app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(token) })).statusCode).toBe(200);
    const listed = await app.inject({ method: "GET", url: "/api/tokens", headers: office.headers });
    const items = apiTokenListSchema.parse(listed.json()).items;
    expect(items.find((t) => t.id === apiToken.id)?.lastUsedAt).not.toBeNull();
    expect(listed.body).not.toContain(token);
    expect(listed.body).not.toMatch(/hash/i);

    // Another user cannot see or revoke it.
    const other = await signIn(app, "zj-office");
    const foreign = await app.inject({ method: "DELETE", url: `/api/tokens/${apiToken.id}`, headers: other.headers });
    expect(foreign.statusCode).toBe(404);

    const revoked = await app.inject({ method: "DELETE", url: `/api/tokens/${apiToken.id}`, headers: office.headers });
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().revokedAt).not.toBeNull();
    const after = await app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(token) });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe("UNAUTHENTICATED");
  });

  it("refuses unknown tokens, and tokens of a disabled user", async () => {
    const unknown = await app.inject({ method: "GET", url: "/api/auth/me", headers: bearer("lst_not-a-real-token") });
    expect(unknown.statusCode).toBe(401);
    const liaison = await signIn(app, "jm-liaison");
    const { token } = await createToken(liaison, "单位自用");
    // A bearer header wins over a cookie: a bad token is not rescued by a valid session.
    const mixed = await app.inject({
      method: "GET",
      url: "/api/auth/me",
      headers: { ...liaison.headers, authorization: "Bearer lst_wrong" },
    });
    expect(mixed.statusCode).toBe(401);
    const disable = await app.inject({
      method: "PATCH",
      url: `/api/users/${org.jm.users.liaison.id}`,
      headers: office.headers,
      payload: { version: 1, disabled: true },
    });
    expect(disable.statusCode).toBe(200);
    expect((await app.inject({ method: "GET", url: "/api/auth/me", headers: bearer(token) })).statusCode).toBe(401);
  });
});
