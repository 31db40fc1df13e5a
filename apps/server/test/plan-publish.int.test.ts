import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  assignmentListSchema,
  importResultSchema,
  planDetailSchema,
  planVersionListSchema,
  publicPlanListSchema,
  publicPlanSchema,
  publishResultSchema,
  unitNoticeListSchema,
  unitNoticeSchema,
  type ParsedPlan,
  type PlanDetail,
  type PlanItem,
  type UnitRole,
} from "@luoshi/contract";
import { parseText } from "@luoshi/parser";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { seedStarterRegistry } from "../src/modules/org/org-starter.service.ts";
import { findJurisdictionRowByCode } from "../src/modules/org/org.repository.ts";
import { XLSX_HEADER_ROW } from "../src/modules/plan-export/plan-xlsx.ts";
import { insertTestUser, signIn, type Client } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { seedPath } from "./support/sample-files.ts";

/**
 * Publishing end to end over HTTP, on both databases: seeds 001 (江门) and 004 (湛江) imported, mapped and
 * published; each unit's liaison sees exactly the items that name the unit (directly or through a group, computed
 * here from the parsed plan and the registry, not written down), a second version's change list reaches only the
 * units it concerns, the public page and the downloads show the published version.
 */

const ROLE_STRENGTH: UnitRole[] = ["lead", "assist", "responsible", "supervise"];
const strongest = (roles: UnitRole[]) => ROLE_STRENGTH.find((r) => roles.includes(r));
const key = (path: readonly string[]) => path.join("/");
const seedText = (prefix: string) => readFileSync(seedPath(prefix), "utf8");
const tablePlanOf = (prefix: string): ParsedPlan => {
  const plan = parseText(seedText(prefix))
    .documents.flatMap((d) => d.plans)
    .find((p) => p.source === "table");
  if (!plan) throw new Error(`seed ${prefix} has no table plan`);
  return plan;
};

type Groups = Map<string, { perItem: boolean; members: Set<string> }>;

/** The role a unit holds on an item: named directly (strongest role), else through a group with members. */
function roleOn(item: PlanItem, unitId: string, groups: Groups): UnitRole | undefined {
  const direct = item.units.filter((u) => u.unitId === unitId).map((u) => u.role);
  if (direct.length > 0) return strongest(direct);
  const via = item.units
    .filter((u) => {
      const group = u.groupId ? groups.get(u.groupId) : undefined;
      return group !== undefined && !group.perItem && group.members.has(unitId);
    })
    .map((u) => u.role);
  return strongest(via);
}

function holdersOf(item: PlanItem, groups: Groups): string[] {
  const ids = new Set<string>();
  for (const u of item.units) {
    if (u.unitId) ids.add(u.unitId);
    const group = u.groupId ? groups.get(u.groupId) : undefined;
    if (group && !group.perItem) for (const m of group.members) ids.add(m);
  }
  return [...ids];
}

function expectedAssignments(plan: PlanDetail, unitId: string, groups: Groups): string[] {
  return plan.items
    .map((item) => [key(item.path), roleOn(item, unitId, groups)] as const)
    .filter(([, role]) => role !== undefined)
    .map(([path, role]) => `${path}:${role}`)
    .sort();
}

describe.each(dialects())("publishing plans on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let groups: Groups;
  const units: Record<string, string> = {};
  const clients: Record<string, Client> = {};
  let jm = "";
  let planId = "";
  let zjPlanId = "";
  let zjDraftPlanId = "";
  let v1Notified: string[] = [];
  let sfjAssignmentIds: string[] = [];

  const call = (client: Client | undefined, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, headers: client?.headers ?? {}, ...(payload ? { payload } : {}) });
  const officePlan = async (id = planId) =>
    planDetailSchema.parse((await call(clients.office, "GET", `/api/plans/${id}`)).json());
  const assignmentsOf = async (client: Client, query = "") => {
    const res = await call(client, "GET", `/api/assignments${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return assignmentListSchema.parse(res.json()).items;
  };
  const publish = (client: Client, id: string, version: number, note?: string) =>
    call(client, "POST", `/api/plans/${id}/publish`, { version, ...(note ? { note } : {}) });
  const upload = async (client: Client, jurisdictionId: string, prefix: string) => {
    const res = await call(client, "POST", "/api/imports", {
      jurisdictionId,
      filename: `${prefix}.txt`,
      contentBase64: Buffer.from(seedText(prefix), "utf8").toString("base64"),
    });
    expect(res.statusCode, res.body).toBe(201);
    return importResultSchema.parse(res.json());
  };

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedStarterRegistry(database.db);
    jm = (await findJurisdictionRowByCode(database.db, "440700"))?.id as string;
    const zj = (await findJurisdictionRowByCode(database.db, "440800"))?.id as string;
    const pj = (await findJurisdictionRowByCode(database.db, "440703"))?.id as string;
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir, LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000" });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
    const unitRows = await database.db.selectFrom("units").select(["id", "name"]).execute();
    const unitId = (name: string) => {
      const id = unitRows.find((u) => u.name === name)?.id;
      if (!id) throw new Error(`no unit ${name} in the starter registry`);
      return id;
    };
    Object.assign(units, {
      sfj: unitId("江门市司法局"),
      czj: unitId("江门市财政局"),
      pjGov: unitId("蓬江区人民政府"),
      zjSfj: unitId("湛江市司法局"),
    });
    const members = await database.db.selectFrom("unit_group_members").selectAll().execute();
    groups = new Map(
      (await database.db.selectFrom("unit_groups").selectAll().execute()).map((g) => [
        g.id,
        {
          perItem: g.per_item === 1,
          members: new Set(members.filter((m) => m.group_id === g.id).map((m) => m.unit_id)),
        },
      ]),
    );
    const users: [string, Parameters<typeof insertTestUser>[1]][] = [
      ["office", { username: "jm-office", roles: ["office"], jurisdictionId: jm }],
      ["zjOffice", { username: "zj-office", roles: ["office"], jurisdictionId: zj }],
      ["sfj", { username: "jm-sfj", roles: ["liaison"], jurisdictionId: jm, unitId: units.sfj }],
      ["czj", { username: "jm-czj", roles: ["liaison"], jurisdictionId: jm, unitId: units.czj }],
      ["pjGov", { username: "pj-gov", roles: ["leader"], jurisdictionId: pj, unitId: units.pjGov }],
      ["zjSfj", { username: "zj-sfj", roles: ["liaison"], jurisdictionId: zj, unitId: units.zjSfj }],
    ];
    for (const [name, options] of users) {
      await insertTestUser(database.db, options);
      clients[name] = await signIn(app, options.username);
    }
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it("imports seed 001 into 江门, maps what is unresolved, and shows units nothing before publishing", async () => {
    const result = await upload(clients.office as Client, jm, "001");
    const plan = result.plans.find((p) => p.source === "table");
    planId = plan?.id as string;
    expect(plan?.itemCount).toBe(tablePlanOf("001").items.length);
    for (const name of result.unresolved) {
      const target = name.suggestions[0]?.unitId;
      expect(target, `no suggestion for ${name.name}`).toBeTruthy();
      const res = await call(clients.office, "POST", `/api/plans/${planId}/unit-mappings`, {
        rawName: name.name,
        unitId: target,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await officePlan()).unresolvedCount).toBe(0);
    expect((await call(clients.sfj, "GET", `/api/plans/${planId}`)).statusCode).toBe(404);
    expect(await assignmentsOf(clients.sfj as Client)).toEqual([]);
    expect((await call(undefined, "GET", `/api/public/plans/${planId}`)).statusCode).toBe(404);
  });

  it("publishes version 1 in one step; a stale version and a publish without changes are refused", async () => {
    const before = await officePlan();
    const stale = await publish(clients.office as Client, planId, before.version - 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe("CONFLICT");

    const res = await publish(clients.office as Client, planId, before.version, "首次发布");
    expect(res.statusCode, res.body).toBe(201);
    const result = publishResultSchema.parse(res.json());
    expect(result.version.number).toBe(1);
    expect(result.version.note).toBe("首次发布");
    expect(result.version.changes).toEqual([]);
    expect(result.version.itemCount).toBe(before.items.length);
    const expectedTotal = before.items.reduce((n, item) => n + holdersOf(item, groups).length, 0);
    expect(result.version.assignmentCount).toBe(expectedTotal);
    // 市有关单位 is for the office to spell out item by item: reported, nobody assigned through it.
    const parsedRelated = tablePlanOf("001").items.filter((i) => i.units.some((u) => u.name === "市有关单位"));
    const related = result.version.unassigned.find((u) => u.rawName === "市有关单位");
    expect(related?.reason).toBe("per_item");
    expect(related?.itemIds).toHaveLength(parsedRelated.length);
    v1Notified = result.notifiedUnitIds;
    expect(v1Notified).toEqual(expect.arrayContaining([units.sfj, units.pjGov]));
    expect(result.version.notifiedUnitCount).toBe(v1Notified.length);

    const after = await officePlan();
    expect([after.status, after.publishedVersion, after.hasUnpublishedChanges]).toEqual(["published", 1, false]);
    const audit = await database.db
      .selectFrom("audit_log")
      .selectAll()
      .where("action", "=", "plan.published")
      .where("entity_id", "=", planId)
      .execute();
    expect(audit).toHaveLength(1);

    const again = await publish(clients.office as Client, planId, after.version);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain("没有变化");
  });

  it("gives the 市司法局 liaison exactly the items naming 市司法局, with their roles and dated deadlines", async () => {
    const parsed = tablePlanOf("001");
    const fromParsed = parsed.items
      .map((item) => [item, strongest(item.units.filter((u) => u.name === "市司法局").map((u) => u.role))] as const)
      .filter(([, role]) => role !== undefined)
      .map(([item, role]) => `${key(item.path)}:${role}`)
      .sort();
    expect(fromParsed.length).toBeGreaterThan(0);
    const stored = await officePlan();
    expect(expectedAssignments(stored, units.sfj as string, groups)).toEqual(fromParsed);

    const mine = await assignmentsOf(clients.sfj as Client);
    sfjAssignmentIds = mine.map((a) => a.id);
    expect(mine.map((a) => `${key(a.path)}:${a.role}`).sort()).toEqual(fromParsed);
    for (const a of mine) {
      expect([a.unitId, a.unitName, a.viaGroup, a.versionNumber]).toEqual([units.sfj, "江门市司法局", null, 1]);
      expect(a.otherUnits.some((u) => u.unitId === units.sfj)).toBe(false);
      for (const d of a.deadlines) if (d.kind === "by" && d.date) expect(d.resolvedDate).toBe(d.date);
    }
    // A liaison reads the published plan, but not another unit's list.
    const detail = await call(clients.sfj, "GET", `/api/plans/${planId}`);
    expect(detail.statusCode).toBe(200);
    expect(planDetailSchema.parse(detail.json()).items).toHaveLength(parsed.items.length);
    expect((await call(clients.sfj, "GET", `/api/assignments?unitId=${units.czj}`)).statusCode).toBe(404);
    const notices = unitNoticeListSchema.parse((await call(clients.sfj, "GET", "/api/notices")).json()).items;
    expect(notices.map((n) => [n.versionNumber, n.assignmentCount, n.changes.length, n.readAt])).toEqual([
      [1, fromParsed.length, 0, null],
    ]);
  });

  it("assigns a county government the items of 各县（市、区）政府, through the group", async () => {
    const mine = await assignmentsOf(clients.pjGov as Client);
    const expected = expectedAssignments(await officePlan(), units.pjGov as string, groups);
    expect(expected.length).toBeGreaterThan(40);
    expect(mine.map((a) => `${key(a.path)}:${a.role}`).sort()).toEqual(expected);
    expect(new Set(mine.map((a) => a.viaGroup))).toEqual(new Set(["各市（区）人民政府"]));
  });

  it("publishes 湛江's seed 004 once its unresolved name is mapped, and keeps the two cities apart", async () => {
    const zj = (await findJurisdictionRowByCode(database.db, "440800"))?.id as string;
    const result = await upload(clients.zjOffice as Client, zj, "004");
    zjPlanId = result.plans.find((p) => p.source === "table")?.id as string;
    zjDraftPlanId = result.plans.find((p) => p.source !== "table")?.id as string;
    const plan = await call(clients.zjOffice, "GET", `/api/plans/${zjPlanId}`);
    const { version, unresolvedCount } = planDetailSchema.parse(plan.json());
    expect(unresolvedCount).toBeGreaterThan(0);
    const refused = await publish(clients.zjOffice as Client, zjPlanId, version);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe("UNRESOLVED_UNITS");
    expect(refused.json().error.message).toContain(`${unresolvedCount} 处`);
    // Nothing of the refused attempt stayed.
    expect(planDetailSchema.parse((await call(clients.zjOffice, "GET", `/api/plans/${zjPlanId}`)).json()).status).toBe(
      "draft",
    );
    for (const name of result.unresolved.filter((u) => u.planIds.includes(zjPlanId))) {
      const res = await call(clients.zjOffice, "POST", `/api/plans/${zjPlanId}/unit-mappings`, {
        rawName: name.name,
        unitId: name.suggestions[0]?.unitId,
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const mapped = planDetailSchema.parse((await call(clients.zjOffice, "GET", `/api/plans/${zjPlanId}`)).json());
    const res = await publish(clients.zjOffice as Client, zjPlanId, mapped.version);
    expect(res.statusCode, res.body).toBe(201);

    // 市司法局 of 湛江: its own lead items plus everything 市府直属各单位 and 各单位 carry.
    const parsedDirect = tablePlanOf("004").items.filter((i) => i.units.some((u) => u.name === "市司法局"));
    const expected = expectedAssignments(mapped, units.zjSfj as string, groups);
    expect(expected.length).toBeGreaterThan(parsedDirect.length);
    const mine = await assignmentsOf(clients.zjSfj as Client);
    expect(mine.map((a) => `${key(a.path)}:${a.role}`).sort()).toEqual(expected);
    expect(mine.filter((a) => a.viaGroup === null).map((a) => key(a.path))).toEqual(
      parsedDirect.map((i) => key(i.path)),
    );

    expect((await call(clients.sfj, "GET", `/api/plans/${zjPlanId}`)).statusCode).toBe(404);
    expect((await call(clients.zjSfj, "GET", `/api/plans/${planId}`)).statusCode).toBe(404);
    expect((await assignmentsOf(clients.sfj as Client)).every((a) => a.planId === planId)).toBe(true);
    const cross = await publish(clients.zjOffice as Client, planId, 1);
    expect(cross.statusCode).toBe(404);
  });

  it("keeps edits a draft until version 2, whose change list reaches only the units it concerns", async () => {
    const v1 = await officePlan();
    const itemA = v1.items.find((i) => i.units.some((u) => u.unitId === units.sfj)) as PlanItem;
    const itemB = v1.items.find(
      (i) => i.id !== itemA.id && !holdersOf(i, groups).includes(units.czj as string) && i.units.length > 0,
    ) as PlanItem;
    const editA = await call(clients.office, "PATCH", `/api/plans/${planId}/items/${itemA.id}`, {
      version: itemA.version,
      text: `${itemA.text}（修订）`,
    });
    expect(editA.statusCode, editA.body).toBe(200);
    const unitsB = [
      ...itemB.units.map((u) => ({
        rawName: u.rawName,
        role: u.role,
        isGroup: u.isGroup,
        unitId: u.unitId,
        groupId: u.groupId,
      })),
      { rawName: "市财政局", role: "assist" as const, unitId: units.czj },
    ];
    const editB = await call(clients.office, "PATCH", `/api/plans/${planId}/items/${itemB.id}`, {
      version: itemB.version,
      units: unitsB,
    });
    expect(editB.statusCode, editB.body).toBe(200);

    // Until published, units and the public still see version 1.
    const draft = await officePlan();
    expect([draft.publishedVersion, draft.hasUnpublishedChanges]).toEqual([1, true]);
    const seen = planDetailSchema.parse((await call(clients.sfj, "GET", `/api/plans/${planId}`)).json());
    expect(seen.items.find((i) => i.id === itemA.id)?.text).toBe(itemA.text);
    const publicV1 = publicPlanSchema.parse((await call(undefined, "GET", `/api/public/plans/${planId}`)).json());
    expect(publicV1.versionNumber).toBe(1);
    expect(publicV1.items.some((i) => i.text === itemA.text)).toBe(true);

    const res = await publish(clients.office as Client, planId, draft.version, "修订第2版");
    expect(res.statusCode, res.body).toBe(201);
    const result = publishResultSchema.parse(res.json());
    expect(result.version.number).toBe(2);
    const expectedChanges = [
      ["changed", itemA.id, ["text"]],
      ["changed", itemB.id, ["units"]],
    ];
    if (itemB.position < itemA.position) expectedChanges.reverse();
    expect(result.version.changes.map((c) => [c.kind, c.itemId, c.fields])).toEqual(expectedChanges);
    const v2 = await officePlan();
    const afterB = v2.items.find((i) => i.id === itemB.id) as PlanItem;
    const concerned = [
      ...new Set([...holdersOf(itemA, groups), ...holdersOf(itemB, groups), ...holdersOf(afterB, groups)]),
    ];
    expect(result.notifiedUnitIds).toEqual([...concerned].sort());
    expect(result.notifiedUnitIds).toContain(units.czj);

    // Notices: 市财政局 hears about item B only; a unit of version 1 that neither item concerns hears nothing new.
    const czjNotices = unitNoticeListSchema.parse((await call(clients.czj, "GET", "/api/notices")).json()).items;
    const latest = czjNotices[0];
    expect(latest?.versionNumber).toBe(2);
    expect(latest?.note).toBe("修订第2版");
    expect(latest?.changes.map((c) => [c.itemId, c.unitIds])).toEqual([[itemB.id, [units.czj]]]);
    const untouched = v1Notified.find((id) => !concerned.includes(id));
    expect(untouched).toBeDefined();
    const untouchedNotices = unitNoticeListSchema.parse(
      (await call(clients.office, "GET", `/api/notices?unitId=${untouched}`)).json(),
    ).items;
    expect(untouchedNotices.map((n) => n.versionNumber)).toEqual([1]);
    const sfjNotices = unitNoticeListSchema.parse((await call(clients.sfj, "GET", "/api/notices")).json()).items;
    expect(sfjNotices.map((n) => n.versionNumber)).toEqual([2, 1]);
    expect(sfjNotices[0]?.changes.map((c) => c.itemId)).toContain(itemA.id);
    expect(sfjNotices[0]?.changes.find((c) => c.itemId === itemA.id)?.previousText).toBe(itemA.text);

    // Reading a notice: once, by the unit's own people.
    const noticeId = sfjNotices[0]?.id as string;
    expect((await call(clients.czj, "POST", `/api/notices/${noticeId}/read`)).statusCode).toBe(404);
    const read = unitNoticeSchema.parse((await call(clients.sfj, "POST", `/api/notices/${noticeId}/read`)).json());
    expect(read.readAt).not.toBeNull();
    const reread = unitNoticeSchema.parse((await call(clients.sfj, "POST", `/api/notices/${noticeId}/read`)).json());
    expect(reread.readAt).toBe(read.readAt);
    const unread = unitNoticeListSchema.parse((await call(clients.sfj, "GET", "/api/notices?unreadOnly=true")).json());
    expect(unread.items.map((n) => n.versionNumber)).toEqual([1]);

    // Now everybody sees version 2; a unit keeps its assignment (and its id) on an item whose text changed.
    expect((await assignmentsOf(clients.sfj as Client)).map((a) => a.id)).toEqual(sfjAssignmentIds);
    const czjItems = await assignmentsOf(clients.czj as Client);
    expect(czjItems.find((a) => a.itemId === itemB.id)?.role).toBe("assist");
    expect(czjItems.every((a) => a.versionNumber === 2)).toBe(true);
    const seen2 = planDetailSchema.parse((await call(clients.sfj, "GET", `/api/plans/${planId}`)).json());
    expect(seen2.items.find((i) => i.id === itemA.id)?.text).toBe(`${itemA.text}（修订）`);
    const versions = planVersionListSchema.parse(
      (await call(clients.sfj, "GET", `/api/plans/${planId}/versions`)).json(),
    );
    expect(versions.items.map((v) => [v.number, v.changes.length])).toEqual([
      [2, 2],
      [1, 0],
    ]);
  });

  it("shows published plans on the public page without a login, and never a draft", async () => {
    const list = await call(undefined, "GET", "/api/public/plans?jurisdiction=440700");
    expect(list.statusCode).toBe(200);
    expect(publicPlanListSchema.parse(list.json()).items.map((p) => [p.id, p.versionNumber])).toEqual([[planId, 2]]);
    const page = publicPlanSchema.parse((await call(undefined, "GET", `/api/public/plans/${planId}`)).json());
    expect(page.items).toHaveLength(tablePlanOf("001").items.length);
    expect(page.docNumber).toBe("江府办〔2022〕7号");
    expect(page.items.some((i) => i.units.some((u) => u.name === "市司法局"))).toBe(true);
    const zjList = publicPlanListSchema.parse(
      (await call(undefined, "GET", "/api/public/plans?jurisdiction=440800")).json(),
    );
    expect(zjList.items.map((p) => p.id)).toEqual([zjPlanId]);
    expect((await call(undefined, "GET", `/api/public/plans/${zjDraftPlanId}`)).statusCode).toBe(404);
    expect((await call(undefined, "GET", "/api/public/plans?jurisdiction=999999")).statusCode).toBe(404);
  });

  it("downloads the 分工方案 and a unit's 任务清单 as Word and Excel", async () => {
    const xlsxType = /spreadsheetml/;
    const mine = await assignmentsOf(clients.sfj as Client);
    const unitList = await call(clients.sfj, "GET", `/api/plans/${planId}/export?format=xlsx`);
    expect(unitList.statusCode, unitList.body.slice(0, 200)).toBe(200);
    expect(unitList.headers["content-type"]).toMatch(xlsxType);
    expect(unitList.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("江门市司法局任务清单")}`,
    );
    expect(unitList.rawPayload.subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
    const rows = await sheetRows(unitList.rawPayload);
    const unitColumn = rows.header.indexOf("责任单位");
    expect(rows.body.map((r) => r[unitColumn])).toEqual(mine.map(() => "江门市司法局"));

    const docx = await call(clients.sfj, "GET", `/api/plans/${planId}/export?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers["content-type"]).toMatch(/wordprocessingml/);
    expect(docx.rawPayload.subarray(0, 4)).toEqual(Buffer.from("PK\x03\x04", "latin1"));
    expect(
      (await call(clients.sfj, "GET", `/api/plans/${planId}/export?format=xlsx&unitId=${units.czj}`)).statusCode,
    ).toBe(404);
    expect((await call(clients.sfj, "GET", `/api/plans/${planId}/export?format=xlsx&source=draft`)).statusCode).toBe(
      403,
    );

    // The office: the whole table (one ledger row per item and named unit), and a county's list through its group.
    const whole = await call(clients.office, "GET", `/api/plans/${planId}/export?format=xlsx`);
    expect(whole.headers["content-disposition"]).toContain(encodeURIComponent("第2版"));
    const wholeRows = await sheetRows(whole.rawPayload);
    expect(new Set(wholeRows.body.map((r) => r[0])).size).toBe(tablePlanOf("001").items.length);
    const county = await call(clients.office, "GET", `/api/plans/${planId}/export?format=xlsx&unitId=${units.pjGov}`);
    expect((await sheetRows(county.rawPayload)).body).toHaveLength(
      (await assignmentsOf(clients.pjGov as Client)).length,
    );
    const word = await call(clients.office, "GET", `/api/plans/${planId}/export?format=docx&source=draft`);
    expect(word.statusCode).toBe(200);
    expect(word.headers["content-disposition"]).toContain(encodeURIComponent("草稿"));
  });

  it("lets one of two simultaneous publishes of the same version through and refuses the other", async () => {
    const plan = await officePlan();
    const item = plan.items[plan.items.length - 1] as PlanItem;
    const edit = await call(clients.office, "PATCH", `/api/plans/${planId}/items/${item.id}`, {
      version: item.version,
      text: `${item.text}（第三版）`,
    });
    expect(edit.statusCode, edit.body).toBe(200);
    const version = (await officePlan()).version;
    const answers = await Promise.all([1, 2].map(() => publish(clients.office as Client, planId, version)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    const versions = planVersionListSchema.parse(
      (await call(clients.office, "GET", `/api/plans/${planId}/versions`)).json(),
    );
    expect(versions.items.map((v) => v.number)).toEqual([3, 2, 1]);
    const count = await database.db
      .selectFrom("plan_assignments")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("plan_id", "=", planId)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(versions.items[0]?.assignmentCount);
  });
});

async function sheetRows(bytes: Buffer): Promise<{ header: string[]; body: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  const sheet = workbook.worksheets[0];
  const values = (r: number) => {
    const row = sheet?.getRow(r);
    const out: string[] = [];
    for (let c = 1; c <= (sheet?.columnCount ?? 0); c++) out.push(String(row?.getCell(c).value ?? ""));
    return out;
  };
  const body: string[][] = [];
  for (let r = XLSX_HEADER_ROW + 1; r <= (sheet?.rowCount ?? 0); r++) body.push(values(r));
  return { header: values(XLSX_HEADER_ROW), body };
}
