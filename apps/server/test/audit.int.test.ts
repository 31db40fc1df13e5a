import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditPageSchema, createUserResponseSchema } from "@luoshi/contract";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { ensureAdmin } from "../src/modules/auth/auth.service.ts";
import { seedTwoCities, signIn, type Client, type TwoCities } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";

const ADMIN_PASSWORD = "Start-Pass-2026";

describe.each(dialects())("audit log view on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TwoCities;
  let admin: Client;
  let jmOffice: Client;
  let zjOffice: Client;
  let jmUserId: string;
  let zjUserId: string;
  let jmUserPassword: string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await ensureAdmin(database.db, { password: ADMIN_PASSWORD });
    org = await seedTwoCities(database.db);
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir, LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000" });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
    admin = await signIn(app, "admin", ADMIN_PASSWORD);
    jmOffice = await signIn(app, "jm-office");
    zjOffice = await signIn(app, "zj-office");
    const create = async (payload: Record<string, unknown>) =>
      createUserResponseSchema.parse(
        (await app.inject({ method: "POST", url: "/api/users", headers: admin.headers, payload })).json(),
      );
    // A display name that a spreadsheet would run as a formula, to check the export.
    const jmNew = await create({
      username: "jm.new",
      displayName: '=HYPERLINK("x")',
      roles: ["liaison"],
      unitId: org.jm.unitA,
    });
    jmUserId = jmNew.user.id;
    jmUserPassword = jmNew.initialPassword;
    zjUserId = (await create({ username: "zj.new", displayName: "湛江新人", roles: ["liaison"], unitId: org.zj.unitA }))
      .user.id;
    await app.inject({
      method: "PATCH",
      url: `/api/users/${jmUserId}`,
      headers: jmOffice.headers,
      payload: { version: 1, displayName: "@SUM(1)" },
    });
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const page = async (client: Client, query = "") => {
    const res = await app.inject({ method: "GET", url: `/api/audit${query}`, headers: client.headers });
    expect(res.statusCode).toBe(200);
    return auditPageSchema.parse(res.json());
  };

  it("lists entries newest first with the actor's name, filtered and paged", async () => {
    const all = await page(admin);
    expect(all.total).toBeGreaterThanOrEqual(6);
    expect(all.items.map((e) => e.id)).toEqual([...all.items.map((e) => e.id)].sort((a, b) => b - a));
    const created = await page(admin, "?action=user.created");
    expect(created.items.map((e) => e.entityId)).toEqual(expect.arrayContaining([jmUserId, zjUserId]));
    expect(created.items.every((e) => e.action === "user.created")).toBe(true);
    expect(created.items.find((e) => e.entityId === jmUserId)).toMatchObject({ actorName: "系统管理员" });

    const ofUser = await page(admin, `?entity=user&entityId=${jmUserId}`);
    expect(ofUser.items.map((e) => e.action)).toEqual(["user.updated", "user.created"]);
    expect(ofUser.items[0]?.before).toMatchObject({ displayName: '=HYPERLINK("x")' });
    expect(ofUser.items[0]?.after).toMatchObject({ displayName: "@SUM(1)" });
    expect(ofUser.items[0]?.actorId).toBe(jmOffice.userId);

    const byPrefix = await page(admin, "?action=user");
    expect(byPrefix.items.every((e) => e.action.startsWith("user."))).toBe(true);
    const paged = await page(admin, "?pageSize=2&page=2");
    expect(paged.items).toHaveLength(2);
    expect(paged.items[0]?.id).toBe(all.items[2]?.id);
    expect(paged.total).toBe(all.total);

    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await page(admin, `?from=${today}&to=${today}`)).total).toBe(all.total);
    expect((await page(admin, "?to=2000-01-01")).total).toBe(0);
    const bad = await app.inject({ method: "GET", url: "/api/audit?from=yesterday", headers: admin.headers });
    expect(bad.statusCode).toBe(400);
  });

  it("shows an office only what touches its jurisdiction", async () => {
    const zj = await page(zjOffice);
    const entityIds = new Set(zj.items.map((e) => e.entityId));
    expect(entityIds.has(zjUserId)).toBe(true);
    expect(entityIds.has(jmUserId)).toBe(false);
    expect(zj.items.some((e) => e.actorId === jmOffice.userId)).toBe(false);
    const jm = await page(jmOffice);
    expect(jm.items.some((e) => e.entityId === jmUserId && e.action === "user.updated")).toBe(true);
    expect(jm.items.some((e) => e.entityId === zjUserId)).toBe(false);
    const liaison = await signIn(app, "jm-liaison");
    expect((await app.inject({ method: "GET", url: "/api/audit", headers: liaison.headers })).statusCode).toBe(403);
  });

  it("exports the filtered log as xlsx with formula-like cells neutralised", async () => {
    await signIn(app, "jm.new", jmUserPassword); // an auth.login entry whose actor name is "@SUM(1)"
    const res = await app.inject({
      method: "GET",
      url: `/api/audit/export?format=xlsx&entityId=${jmUserId}`,
      headers: admin.headers,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(res.headers["content-disposition"]).toMatch(/attachment/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(res.rawPayload).buffer);
    const sheet = workbook.getWorksheet("审计日志");
    expect(sheet?.getRow(1).getCell(2).value).toBe("时间（北京时间）");
    expect(sheet?.rowCount).toBe(4);
    expect(sheet?.getRow(2).getCell(5).value).toBe("auth.login");
    expect(sheet?.getRow(2).getCell(3).value).toBe("'@SUM(1)");
    const cells = [3, 4].flatMap((r) => [8, 9].map((c) => String(sheet?.getRow(r).getCell(c).value ?? "")));
    expect(cells.join("\n")).toContain("HYPERLINK");
    for (let r = 2; r <= 4; r++) {
      for (let c = 1; c <= 9; c++) expect(String(sheet?.getRow(r).getCell(c).value ?? "")).not.toMatch(/^[=+\-@]/);
    }
    expect((await page(admin, "?action=audit.exported")).total).toBe(1);
  });
});
