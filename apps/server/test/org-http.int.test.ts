import { randomUUID } from "node:crypto";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  importReportSchema,
  jurisdictionListSchema,
  meResponseSchema,
  resolveNamesResponseSchema,
  unitListSchema,
  unitSchema,
  type Role,
  type Unit,
} from "@luoshi/contract";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { findAudit } from "../src/modules/audit/audit.repository.ts";
import { insertUser } from "../src/modules/auth/auth.repository.ts";
import { ensureAdmin } from "../src/modules/auth/auth.service.ts";
import { hashPassword } from "../src/modules/auth/password.ts";
import { readCsv, readXlsx } from "../src/modules/org/org-sheets.ts";
import { seedStarterRegistry } from "../src/modules/org/org-starter.service.ts";
import { findJurisdictionRowByCode } from "../src/modules/org/org.repository.ts";
import { STARTER_REGISTRY } from "../src/modules/org/starter/index.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";

const PASSWORD = "Start-Pass-2026";
type Session = { headers: Record<string, string>; userId: string };

describe.each(dialects())("organisation registry over HTTP on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let jm: string;
  let zj: string;
  let admin: Session;
  let jmOffice: Session;
  let zjOffice: Session;
  let liaison: Session;
  let sfj: Unit;

  const login = async (username: string): Promise<Session> => {
    const res = await app.inject({ method: "POST", url: "/api/auth/login", payload: { username, password: PASSWORD } });
    const me = meResponseSchema.parse(res.json());
    const token = res.cookies.find((c) => c.name === "luoshi_session")?.value;
    return { headers: { cookie: `luoshi_session=${token}`, "x-csrf-token": me.csrfToken }, userId: me.user.id };
  };
  const addUser = async (username: string, roles: Role[], jurisdictionId: string, unitId: string | null = null) => {
    const now = new Date().toISOString();
    await insertUser(
      database.db,
      {
        id: randomUUID(),
        username,
        display_name: username,
        password_hash: await hashPassword(PASSWORD),
        jurisdiction_id: jurisdictionId,
        unit_id: unitId,
        must_change_password: 0,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        version: 1,
        created_at: now,
        updated_at: now,
      },
      roles,
    );
    return login(username);
  };
  const call = (session: Session, method: "GET" | "POST" | "PATCH" | "PUT", url: string, payload?: unknown) =>
    app.inject({
      method,
      url,
      headers: session.headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await ensureAdmin(database.db, { password: PASSWORD });
    await seedStarterRegistry(database.db);
    app = await buildApp({
      db: database.db,
      dialect,
      config: loadConfig({ LUOSHI_DATA_DIR: database.dataDir }),
      version: "test",
    });
    jm = (await findJurisdictionRowByCode(database.db, "440700"))?.id as string;
    zj = (await findJurisdictionRowByCode(database.db, "440800"))?.id as string;
    admin = await login("admin");
    const units = unitListSchema.parse(
      (await call(admin, "GET", `/api/org/units?jurisdictionId=${jm}&q=司法局`)).json(),
    );
    sfj = units.items.find((u) => u.name === "江门市司法局") as Unit;
    jmOffice = await addUser("jm-office", ["office"], jm);
    zjOffice = await addUser("zj-office", ["office"], zj);
    liaison = await addUser("jm-sfj", ["liaison"], jm, sfj.id);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it("lists the jurisdictions an office may see: its own and below, not the other city", async () => {
    const res = await call(jmOffice, "GET", "/api/org/jurisdictions");
    const names = jurisdictionListSchema.parse(res.json()).items.map((j) => j.name);
    expect(names).toEqual(expect.arrayContaining(["江门市", "台山市", "蓬江区"]));
    expect(names).not.toContain("湛江市");
    expect(names).not.toContain("广东省");
  });

  it("answers 404 to 湛江's office for 江门's units, lists and changes", async () => {
    expect((await call(zjOffice, "GET", `/api/org/units?jurisdictionId=${jm}`)).statusCode).toBe(404);
    expect((await call(zjOffice, "GET", `/api/org/units/${sfj.id}`)).statusCode).toBe(404);
    const patch = await call(zjOffice, "PATCH", `/api/org/units/${sfj.id}`, { version: sfj.version, kind: "other" });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe("NOT_FOUND");
    const create = await call(zjOffice, "POST", "/api/org/units", {
      jurisdictionId: jm,
      name: "江门市越权局",
      kind: "other",
    });
    expect(create.statusCode).toBe(404);
    const exported = await call(zjOffice, "GET", `/api/org/export?jurisdictionId=${jm}`);
    expect(exported.statusCode).toBe(404);
  });

  it("lets a liaison read its own unit only and write nothing (403)", async () => {
    expect((await call(liaison, "GET", `/api/org/units/${sfj.id}`)).statusCode).toBe(200);
    const own = unitListSchema.parse((await call(liaison, "GET", `/api/org/units?jurisdictionId=${jm}`)).json());
    expect(own.items.map((u) => u.id)).toEqual([sfj.id]);
    const create = await call(liaison, "POST", "/api/org/units", {
      jurisdictionId: jm,
      name: "江门市联络员局",
      kind: "other",
    });
    expect(create.statusCode).toBe(403);
    expect(create.json().error.code).toBe("FORBIDDEN");
    expect((await call(liaison, "POST", `/api/org/units/${sfj.id}/aliases`, { name: "司法" })).statusCode).toBe(403);
    expect((await call(liaison, "PATCH", `/api/org/units/${sfj.id}`, { version: 1 })).statusCode).toBe(403);
  });

  it("creates, renames and aliases a unit with audit rows naming the user; a stale version is 409", async () => {
    const created = await call(jmOffice, "POST", "/api/org/units", {
      jurisdictionId: jm,
      name: "江门市接口测试局",
      shortName: "市接口测试局",
      kind: "department",
      aliases: ["市接测局"],
    });
    expect(created.statusCode).toBe(201);
    const unit = unitSchema.parse(created.json());
    const renamed = await call(jmOffice, "PATCH", `/api/org/units/${unit.id}`, {
      version: unit.version,
      name: "江门市接口测试和数据局",
      renamedOn: "2024-06-01",
    });
    expect(renamed.statusCode).toBe(200);
    const stale = await call(jmOffice, "PATCH", `/api/org/units/${unit.id}`, { version: unit.version, kind: "agency" });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toEqual({ code: "CONFLICT", message: "单位信息已被他人修改，请刷新后重试" });
    const alias = await call(jmOffice, "POST", `/api/org/units/${unit.id}/aliases`, { name: "接口测试局" });
    expect(unitSchema.parse(alias.json()).names.map((n) => n.name)).toContain("接口测试局");
    const audit = await findAudit(database.db, { entity: "unit", entityId: unit.id });
    expect(audit.map((a) => [a.action, a.actor_id])).toEqual([
      ["org.unit.alias_added", jmOffice.userId],
      ["org.unit.renamed", jmOffice.userId],
      ["org.unit.created", jmOffice.userId],
    ]);
    const resolved = resolveNamesResponseSchema.parse(
      (
        await call(jmOffice, "POST", "/api/org/resolve", {
          jurisdictionId: jm,
          date: "2020-01-01",
          names: ["市接口测试局", "各县(市、区)政府", "市不存在局"],
        })
      ).json(),
    ).results;
    expect(resolved.map((r) => r.status)).toEqual(["historical", "group", "unresolved"]);
    expect(resolved[0]?.unitId).toBe(unit.id);
  });

  it("sets group members through PUT with a version", async () => {
    const created = await call(jmOffice, "POST", "/api/org/groups", {
      jurisdictionId: jm,
      name: "市接口测试分组",
      memberIds: [sfj.id],
    });
    expect(created.statusCode).toBe(201);
    const group = created.json();
    const put = await call(jmOffice, "PUT", `/api/org/groups/${group.id}/members`, {
      version: group.version,
      memberIds: [],
    });
    expect(put.json().memberIds).toEqual([]);
    const stale = await call(jmOffice, "PUT", `/api/org/groups/${group.id}/members`, {
      version: group.version,
      memberIds: [],
    });
    expect(stale.statusCode).toBe(409);
    const list = await call(jmOffice, "GET", `/api/org/groups?jurisdictionId=${jm}`);
    expect(list.json().items.map((g: { name: string }) => g.name)).toContain("市接口测试分组");
  });

  const exportFile = async (session: Session, query: string) => {
    const res = await call(session, "GET", `/api/org/export?jurisdictionId=${jm}&${query}`);
    expect(res.statusCode).toBe(200);
    return res;
  };
  const importFile = async (session: Session, filename: string, content: Buffer, jurisdictionId = jm) => {
    const res = await call(session, "POST", "/api/org/import", {
      jurisdictionId,
      filename,
      contentBase64: content.toString("base64"),
    });
    expect(res.statusCode).toBe(200);
    return importReportSchema.parse(res.json());
  };

  it("exports an .xlsx that opens in Excel/WPS: two sheets, bold frozen header, autofilter, widths", async () => {
    const res = await exportFile(jmOffice, "format=xlsx");
    expect(res.headers["content-type"]).toMatch(/spreadsheetml/);
    expect(res.headers["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent("江门市单位名录_")}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const units = workbook.getWorksheet("单位");
    const groups = workbook.getWorksheet("分组");
    expect(units?.getRow(1).values).toEqual([
      undefined,
      "行政区划代码",
      "区划名称",
      "单位全称",
      "简称",
      "类别",
      "别名（、分隔）",
      "启用日期",
      "停用日期",
    ]);
    expect(units?.getRow(1).font?.bold).toBe(true);
    expect(units?.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(units?.autoFilter).toBeTruthy();
    expect(units?.getColumn(3).width).toBeGreaterThan(20);
    expect(groups?.getRow(1).getCell(2).value).toBe("组名");
    const names = (await readXlsx(res.rawPayload)).find((s) => s.name === "单位")?.table.map((r) => r[2]);
    expect(names).toEqual(expect.arrayContaining(["江门市司法局", "台山市人民政府", "江门市政务服务和数据管理局"]));
  });

  it("sanitises cells that would become formulas, and re-imports them unchanged", async () => {
    const created = await call(jmOffice, "POST", "/api/org/units", {
      jurisdictionId: jm,
      name: '=HYPERLINK("http://x")单位',
      kind: "other",
      aliases: ["+1234", "@SUM(A1)", "-减号"],
    });
    expect(created.statusCode).toBe(201);
    const csv = (await exportFile(jmOffice, "format=csv&sheet=units")).rawPayload;
    expect(csv.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const text = csv.toString("utf8");
    expect(text).toContain(`"'=HYPERLINK(""http://x"")单位"`);
    expect(text).not.toMatch(/(^|,)=HYPERLINK/m);
    expect(text).toContain("'+1234、@SUM(A1)、-减号");
    const xlsx = (await exportFile(jmOffice, "format=xlsx")).rawPayload;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    let formulas = 0;
    let sanitized = false;
    workbook.getWorksheet("单位")?.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) formulas++;
        if (cell.value === '\'=HYPERLINK("http://x")单位') sanitized = true;
      }),
    );
    expect(formulas).toBe(0);
    expect(sanitized).toBe(true);
    expect(await importFile(jmOffice, "units.csv", csv)).toEqual({ created: 0, updated: 0, errors: [] });
  });

  it("round-trips: export → import changes nothing, into the same or a fresh database", async () => {
    const first = (await exportFile(jmOffice, "format=xlsx")).rawPayload;
    expect(await importFile(jmOffice, "名录.xlsx", first)).toEqual({ created: 0, updated: 0, errors: [] });
    const again = (await exportFile(jmOffice, "format=xlsx")).rawPayload;
    expect(await readXlsx(again)).toEqual(await readXlsx(first));
    for (const sheet of ["units", "groups"]) {
      const csv = (await exportFile(jmOffice, `format=csv&sheet=${sheet}`)).rawPayload;
      expect(await importFile(jmOffice, `${sheet}.csv`, csv)).toEqual({ created: 0, updated: 0, errors: [] });
    }

    // A fresh installation with the same jurisdictions but no units: the file recreates the registry.
    const fresh = await createTestDatabase(dialect);
    try {
      await ensureAdmin(fresh.db, { password: PASSWORD });
      await seedStarterRegistry(fresh.db, { registry: STARTER_REGISTRY.map((j) => ({ ...j, units: [], groups: [] })) });
      const freshApp = await buildApp({
        db: fresh.db,
        dialect,
        config: loadConfig({ LUOSHI_DATA_DIR: fresh.dataDir }),
        version: "test",
      });
      const saved = { app, session: admin };
      app = freshApp;
      const freshAdmin = await login("admin");
      const freshJm = (await findJurisdictionRowByCode(fresh.db, "440700"))?.id as string;
      const report = await importFile(freshAdmin, "名录.xlsx", first, freshJm);
      expect(report.errors).toEqual([]);
      expect(report.created).toBeGreaterThan(40);
      const res = await call(freshAdmin, "GET", `/api/org/export?jurisdictionId=${freshJm}&format=xlsx`);
      expect(await readXlsx(res.rawPayload)).toEqual(await readXlsx(first));
      await freshApp.close();
      app = saved.app;
    } finally {
      await fresh.drop();
    }
  });

  it("applies nothing when a row is wrong, and reports every wrong row in Chinese", async () => {
    const header = "行政区划代码,区划名称,单位全称,简称,类别,别名（、分隔）,启用日期,停用日期";
    const csv = Buffer.from(
      [
        header,
        "440700,江门市,江门市导入正常局,市导入正常局,政府工作部门,,2020-01-01,",
        "440700,江门市,江门市导入错误局,,不存在的类别,,,",
        "440700,江门市,江门市导入日期局,,其他,,2020-13-01,",
        "440800,湛江市,湛江市越权局,,其他,,,",
        "440781,开平市,台山市某局,,其他,,,",
      ].join("\r\n"),
      "utf8",
    );
    const report = await importFile(jmOffice, "bad.csv", csv);
    expect(report.created).toBe(0);
    expect(report.errors.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    expect(report.errors[0]?.message).toMatch(/^单位表第 3 行：类别“不存在的类别”无效/);
    expect(report.errors[1]?.message).toMatch(/启用日期“2020-13-01”/);
    expect(report.errors[2]?.message).toMatch(/440800 不存在或不在本次导入的区划范围内/);
    expect(report.errors[3]?.message).toMatch(/区划名称“开平市”与代码 440781（台山市）不符/);
    const found = unitListSchema.parse(
      (await call(jmOffice, "GET", `/api/org/units?jurisdictionId=${jm}&q=导入正常`)).json(),
    );
    expect(found.items).toEqual([]);

    const groups = Buffer.from(
      ["区划代码,组名,按事项指定,成员（、分隔）", "440700,市导入分组,也许,江门市不存在局"].join("\n"),
    );
    const groupReport = await importFile(jmOffice, "groups.csv", groups);
    expect(groupReport.errors.map((e) => e.message)).toEqual([expect.stringMatching(/按事项指定应填“是”或“否”/)]);
    const unknownMember = Buffer.from(
      ["区划代码,组名,按事项指定,成员（、分隔）", "440700,市导入分组,否,江门市不存在局"].join("\n"),
    );
    expect((await importFile(jmOffice, "groups.csv", unknownMember)).errors[0]?.message).toMatch(
      /成员单位不存在于本区划及下级：江门市不存在局/,
    );
    const notATable = await importFile(jmOffice, "x.csv", Buffer.from("a,b\n1,2"));
    expect(notATable.errors[0]?.message).toMatch(/未找到单位表或分组表/);
    const xls = await call(jmOffice, "POST", "/api/org/import", {
      jurisdictionId: jm,
      filename: "a.xls",
      contentBase64: "AA==",
    });
    expect(xls.statusCode).toBe(400);
  });

  it("imports new units and groups in one go, audited, and counts them", async () => {
    const units = Buffer.from(
      [
        "行政区划代码,区划名称,单位全称,简称,类别,别名（、分隔）,启用日期,停用日期",
        "440700,江门市,江门市导入新局,市导入新局,政府工作部门,市新局、导新局,2025-01-01,",
        `440700,江门市,江门市司法局,市司法局,政府工作部门,市司法,,`,
      ].join("\n"),
    );
    const report = await importFile(jmOffice, "new.csv", units);
    expect(report).toEqual({ created: 1, updated: 1, errors: [] });
    const groups = Buffer.from(
      ["区划代码,组名,按事项指定,成员（、分隔）", "440700,市导入分组,否,江门市导入新局、台山市人民政府"].join("\n"),
    );
    expect(await importFile(jmOffice, "groups.csv", groups)).toEqual({ created: 1, updated: 0, errors: [] });
    const audit = await findAudit(database.db, { actorId: jmOffice.userId, limit: 20 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["org.imported", "org.group.created", "org.unit.created", "org.unit.alias_added"]),
    );
    const resolved = resolveNamesResponseSchema.parse(
      (await call(jmOffice, "POST", "/api/org/resolve", { jurisdictionId: jm, names: ["市新局"] })).json(),
    );
    expect(resolved.results[0]?.status).toBe("alias");
    expect(readCsv(Buffer.from("\uFEFFa,b\n"))).toEqual([["a", "b"]]);
  });
});
