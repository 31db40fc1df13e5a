import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  coverageReportSchema,
  documentDetailSchema,
  draftPlanResultSchema,
  importResultSchema,
  itemLinkListSchema,
  itemSuggestionsSchema,
  planDetailSchema,
  planItemSchema,
  unitSchema,
  type CoverageReport,
  type PlanDetail,
  type PlanSummary,
} from "@luoshi/contract";
import { parseText } from "@luoshi/parser";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { computeCoverage, type CoverageItem } from "../src/modules/coverage/coverage.ts";
import { seedStarterRegistry } from "../src/modules/org/org-starter.service.ts";
import { findJurisdictionRowByCode } from "../src/modules/org/org.repository.ts";
import { insertTestUser, signIn, type Client } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { seedPath } from "./support/sample-files.ts";

/**
 * From upstream to local plan, through the HTTP API: seed 000 (江门's 2019 table with the national 2019 要点 it
 * forwards) imported into 江门; coverage of 江门's plan against the national plan, recorded links, a plan drafted
 * from the national plan with suggested units, and what 湛江's office may not see.
 */

const label = (path: readonly string[]) => path.join("");
const statusByPath = (r: { items: { path: string[]; status: string }[] }) =>
  Object.fromEntries(r.items.map((i) => [label(i.path), i.status]));

describe.each(dialects())("drafting and coverage on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let jm: string;
  let zj: string;
  let office: Client;
  let zjOffice: Client;
  let admin: Client;
  let viewer: Client;
  let national: PlanDetail;
  let jiangmen: PlanDetail;
  let draft: PlanDetail;
  let draftSuggestions: Record<string, { unitId: string; basis: string; reason: string; role: string }[]>;

  type Method = "GET" | "POST" | "PUT" | "PATCH";
  const call = (client: Client, method: Method, url: string, payload?: object) =>
    app.inject({ method, url, headers: client.headers, ...(payload ? { payload } : {}) });
  const coverage = async (client: Client, planId: string, upstreamPlanId?: string): Promise<CoverageReport> => {
    const query = upstreamPlanId ? `?upstreamPlanId=${upstreamPlanId}` : "";
    const res = await call(client, "GET", `/api/plans/${planId}/coverage${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return coverageReportSchema.parse(res.json());
  };
  const plan = async (client: Client, id: string) =>
    planDetailSchema.parse((await call(client, "GET", `/api/plans/${id}`)).json());
  const itemAt = (p: PlanDetail, path: string) => {
    const found = p.items.find((i) => label(i.path) === path);
    if (!found) throw new Error(`no item ${path} in ${p.title}`);
    return found;
  };
  const auditActions = async (action: string) =>
    database.db.selectFrom("audit_log").select(["entity_id", "actor_id"]).where("action", "=", action).execute();

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedStarterRegistry(database.db);
    jm = (await findJurisdictionRowByCode(database.db, "440700"))?.id as string;
    zj = (await findJurisdictionRowByCode(database.db, "440800"))?.id as string;
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir, LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000" });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
    await insertTestUser(database.db, { username: "jm-office", roles: ["office"], jurisdictionId: jm });
    await insertTestUser(database.db, { username: "zj-office", roles: ["office"], jurisdictionId: zj });
    await insertTestUser(database.db, { username: "jm-viewer", roles: ["viewer"], jurisdictionId: jm });
    await insertTestUser(database.db, { username: "root", roles: ["admin"] });
    office = await signIn(app, "jm-office");
    zjOffice = await signIn(app, "zj-office");
    viewer = await signIn(app, "jm-viewer");
    admin = await signIn(app, "root");

    const res = await call(office, "POST", "/api/imports", {
      jurisdictionId: jm,
      filename: "000.txt",
      contentBase64: readFileSync(seedPath("000")).toString("base64"),
    });
    expect(res.statusCode).toBe(201);
    const plans: PlanSummary[] = importResultSchema.parse(res.json()).plans;
    national = await plan(office, plans.find((p) => p.title === "2019年政务公开工作要点")?.id ?? "");
    jiangmen = await plan(office, plans.find((p) => p.itemCount === 44)?.id ?? "");
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it("compares 江门's 2019 plan with the national key points (found through the 文号 chain) as the pure report does", async () => {
    // The report in docs/coverage-2019.md, computed from the parsed seed.
    const parsed = parseText(readFileSync(seedPath("000"), "utf8"));
    const toItems = (items: readonly Omit<CoverageItem, "id">[]): CoverageItem[] =>
      items.map((i) => ({ id: label(i.path), path: i.path, headings: i.headings, text: i.text }));
    const expected = computeCoverage({
      upstream: toItems(parsed.documents[2]?.plans[0]?.items ?? []),
      local: toItems(parsed.documents[0]?.plans[1]?.items ?? []),
    });

    const report = await coverage(viewer, jiangmen.id);
    // 江府办函〔2019〕138号 cites 粤府办〔2019〕9号, which forwards 国办发〔2019〕14号: the 要点 is the default.
    expect(report.upstreamPlanId).toBe(national.id);
    expect(report.upstreamCandidates.map((c) => c.id)).toContain(national.id);
    expect(report.upstreamCandidates).toHaveLength(2); // and the provincial notice's own five paragraphs
    expect(report.summary).toEqual(expected.summary);
    expect(report.summary).toMatchObject({ covered: 10, partly: 6, notCovered: 2 });
    expect(statusByPath(report)).toEqual(statusByPath(expected));
    const notCovered = report.items.filter((i) => i.status === "not-covered");
    expect(notCovered.map((i) => label(i.path)).sort()).toEqual(["三（四）", "五（三）"]);
    expect(notCovered.every((i) => i.basis === "similarity" && i.suggestions.length === 3)).toBe(true);
    // Matches carry the local text, for the side-by-side view.
    const enforcement = report.items.find((i) => label(i.path) === "二（三）");
    expect(enforcement?.matches.map((m) => label(m.path)).sort()).toEqual(["六（十七）", "六（十八）", "六（十六）"]);
    expect(enforcement?.matches[0]?.text).toBe(itemAt(jiangmen, label(enforcement?.matches[0]?.path ?? [])).text);
    // Against an explicitly chosen plan, and never against itself.
    const provincial = report.upstreamCandidates.find((c) => c.id !== national.id)?.id ?? "";
    expect((await coverage(viewer, jiangmen.id, provincial)).items).toHaveLength(5);
    const self = await call(viewer, "GET", `/api/plans/${jiangmen.id}/coverage?upstreamPlanId=${jiangmen.id}`);
    expect(self.statusCode).toBe(400);
  });

  it("records a link for an uncovered upstream item: it turns covered, by link, and is audited", async () => {
    const finance = itemAt(national, "三（四）");
    const budget = itemAt(jiangmen, "十（二十八）"); // 财政预决算…信息公开: the office judges it the 江门 answer
    const url = `/api/plans/${jiangmen.id}/items/${budget.id}/links`;
    expect(itemLinkListSchema.parse((await call(viewer, "GET", url)).json()).items).toEqual([]);

    const res = await call(office, "PUT", url, { upstreamItemIds: [finance.id, finance.id] });
    expect(res.statusCode, res.body).toBe(200);
    expect(itemLinkListSchema.parse(res.json()).items).toEqual([
      {
        upstreamItemId: finance.id,
        upstreamPlanId: national.id,
        path: ["三", "（四）"],
        text: finance.text,
        origin: "office",
      },
    ]);
    const report = await coverage(office, jiangmen.id);
    const item = report.items.find((i) => i.upstreamId === finance.id);
    expect(item).toMatchObject({ status: "covered", basis: "link" });
    expect(item?.matches).toEqual([expect.objectContaining({ localId: budget.id, linked: true })]);
    expect(report.summary).toMatchObject({ covered: 11, notCovered: 1 });
    expect(await auditActions("plan.item.links_set")).toEqual([expect.objectContaining({ entity_id: budget.id })]);

    // The same set again changes nothing and writes no audit row; a link within the plan itself is refused.
    expect((await call(office, "PUT", url, { upstreamItemIds: [finance.id] })).statusCode).toBe(200);
    expect(await auditActions("plan.item.links_set")).toHaveLength(1);
    const own = await call(office, "PUT", url, { upstreamItemIds: [itemAt(jiangmen, "一（一）").id] });
    expect(own.statusCode).toBe(400);
    expect(own.json().error.message).toMatch(/本方案/);
    const missing = await call(office, "PUT", url, { upstreamItemIds: [finance.id, "no-such-item"] });
    expect(missing.statusCode).toBe(404);
    expect(itemLinkListSchema.parse((await call(office, "GET", url)).json()).items).toHaveLength(1);
    expect((await call(viewer, "PUT", url, { upstreamItemIds: [] })).statusCode).toBe(403);
  });

  it("drafts 江门's plan from the national key points: 18 items, each linked, all covered by link", async () => {
    const res = await call(office, "POST", "/api/plans/draft", {
      upstreamPlanId: national.id,
      jurisdictionId: jm,
      year: 2022,
    });
    expect(res.statusCode, res.body).toBe(201);
    const result = draftPlanResultSchema.parse(res.json());
    draft = result.plan;
    draftSuggestions = result.suggestions;
    expect(draft).toMatchObject({ jurisdictionId: jm, year: 2022, status: "draft", itemCount: 18, unresolvedCount: 0 });
    expect(draft.title).toBe("江门市贯彻落实2019年政务公开工作要点分工方案");
    expect(draft.items.map((i) => [i.path, i.headings, i.text, i.deadlines])).toEqual(
      national.items.map((i) => [i.path, i.headings, i.text, i.deadlines]),
    );
    expect(draft.items.every((i) => i.units.length === 0)).toBe(true);
    expect(Object.keys(draftSuggestions).sort()).toEqual(draft.items.map((i) => i.id).sort());
    expect(await plan(viewer, draft.id)).toEqual(draft);

    // Its document cites the national 文号 and serves the generated text as its file.
    const doc = documentDetailSchema.parse((await call(viewer, "GET", `/api/documents/${draft.documentId}`)).json());
    expect(doc.upstream).toEqual([
      { docNumber: "国办发〔2019〕14号", title: expect.any(String), documentId: national.documentId },
    ]);
    expect(doc.sourceFile.filename).toBe("江门市贯彻落实2019年政务公开工作要点分工方案（系统起草）.txt");
    const source = await call(viewer, "GET", `/api/documents/${draft.documentId}/source`);
    expect(source.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(source.body).toContain("系统起草稿");
    expect(source.body).toContain("一、着眼稳定预期，加强政策解读和回应关切\n（一）深入解读重要政策措施。");

    for (const item of draft.items) {
      const links = itemLinkListSchema.parse(
        (await call(viewer, "GET", `/api/plans/${draft.id}/items/${item.id}/links`)).json(),
      ).items;
      expect(links).toEqual([
        expect.objectContaining({ upstreamPlanId: national.id, path: item.path, origin: "draft" }),
      ]);
    }
    const report = await coverage(office, draft.id);
    expect(report.upstreamPlanId).toBe(national.id);
    expect(report.summary).toEqual({ covered: 18, partly: 0, notCovered: 0, unsure: 0 });
    expect(report.items.every((i) => i.basis === "link")).toBe(true);
    expect(await auditActions("plan.drafted")).toEqual([expect.objectContaining({ entity_id: draft.id })]);

    // The same draft again on the same day is a second plan with a file of its own.
    const again = await call(office, "POST", "/api/plans/draft", {
      upstreamPlanId: national.id,
      jurisdictionId: jm,
      year: 2022,
    });
    expect(again.statusCode, again.body).toBe(201);
    const second = draftPlanResultSchema.parse(again.json()).plan;
    expect(second.id).not.toBe(draft.id);
    expect(second.documentId).not.toBe(draft.documentId);
  });

  it("suggests the units 江门 assigned to the same task in its 2019 table (history), then by remit", async () => {
    // 三（一） 三大攻坚战信息公开 ↔ 江门 2019 七（十九）…（二十一）: read the units 江门 gave those rows.
    const assigned2019 = new Set<string>();
    for (const path of ["七（十九）", "七（二十）", "七（二十一）"]) {
      for (const u of itemAt(jiangmen, path).units) if (u.unitId) assigned2019.add(u.unitId);
    }
    expect(assigned2019.size).toBeGreaterThan(3);
    const item = itemAt(draft, "三（一）");
    const fromDraft = draftSuggestions[item.id] ?? [];
    const res = await call(viewer, "GET", `/api/plans/${draft.id}/items/${item.id}/suggestions`);
    const suggestions = itemSuggestionsSchema.parse(res.json()).items;
    expect(suggestions).toEqual(fromDraft);
    const history = suggestions.filter((s) => s.basis === "history");
    expect(history.length).toBeGreaterThan(0);
    for (const s of history) {
      expect(assigned2019.has(s.unitId)).toBe(true);
      expect(s.reason).toMatch(/^2019年方案 七（(十九|二十|二十一)）.*由其负责（与本项内容相近）$/);
    }
    // Best first, history before remit at the top.
    expect(suggestions[0]?.basis).toBe("history");
    expect(suggestions.map((s) => s.score)).toEqual([...suggestions.map((s) => s.score)].sort((a, b) => b - a));

    // Confirming one through the ordinary item edit assigns it, and it is no longer suggested.
    const chosen = history[0];
    const patch = await call(office, "PATCH", `/api/plans/${draft.id}/items/${item.id}`, {
      version: item.version,
      units: [{ rawName: chosen?.name, role: chosen?.role, unitId: chosen?.unitId }],
    });
    expect(patch.statusCode, patch.body).toBe(200);
    expect(planItemSchema.parse(patch.json()).units.map((u) => u.unitId)).toEqual([chosen?.unitId]);
    const after = itemSuggestionsSchema.parse(
      (await call(viewer, "GET", `/api/plans/${draft.id}/items/${item.id}/suggestions`)).json(),
    ).items;
    expect(after.map((s) => s.unitId)).not.toContain(chosen?.unitId);
  });

  it("keeps an item's links through split and merge", async () => {
    const item = (await plan(office, draft.id)).items.find((i) => label(i.path) === "五（三）");
    const split = await call(office, "POST", `/api/plans/${draft.id}/items/${item?.id}/split`, {
      version: item?.version,
      parts: ["推广基层政务公开试点成果。", "制定推进基层政务公开标准化规范化的指导文件。"],
    });
    expect(split.statusCode, split.body).toBe(200);
    const parts = planDetailSchema.parse(split.json()).items.filter((i) => label(i.path).startsWith("五（三）"));
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      const links = itemLinkListSchema.parse(
        (await call(office, "GET", `/api/plans/${draft.id}/items/${part.id}/links`)).json(),
      ).items;
      expect(links.map((l) => label(l.path))).toEqual(["五（三）"]);
    }
    const merged = await call(office, "POST", `/api/plans/${draft.id}/items/merge`, {
      items: parts.map((p) => ({ id: p.id, version: p.version })),
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect((await coverage(office, draft.id)).summary.covered).toBe(18);
  });

  it("exports and publishes the draft like an imported plan once the office has confirmed its units", async () => {
    const office2019 = itemAt(jiangmen, "十二（三十四）").units.find((u) => u.rawName === "市政府办公室")?.unitId;
    expect(office2019).toBeTruthy();
    for (const item of (await plan(office, draft.id)).items) {
      if (item.units.length > 0) continue;
      const url = `/api/plans/${draft.id}/items/${item.id}/suggestions`;
      const best = itemSuggestionsSchema.parse((await call(office, "GET", url)).json()).items[0];
      const unit = best ? { rawName: best.name, role: best.role, unitId: best.unitId } : undefined;
      const res = await call(office, "PATCH", `/api/plans/${draft.id}/items/${item.id}`, {
        version: item.version,
        units: [unit ?? { rawName: "市政府办公室", role: "lead", unitId: office2019 }],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const confirmed = await plan(office, draft.id);
    expect(confirmed.items.every((i) => i.units.length > 0 && i.units.every((u) => u.unitId))).toBe(true);
    for (const format of ["docx", "xlsx"]) {
      const file = await call(office, "GET", `/api/plans/${draft.id}/export?format=${format}&source=draft`);
      expect(file.statusCode, file.body.slice(0, 200)).toBe(200);
      expect(file.rawPayload.length).toBeGreaterThan(1000);
    }
    const published = await call(office, "POST", `/api/plans/${draft.id}/publish`, { version: confirmed.version });
    expect(published.statusCode, published.body).toBe(201);
    expect((await plan(office, draft.id)).publishedVersion).toBe(1);
  });

  it("suggests by remit where the jurisdiction has no plans yet (湛江)", async () => {
    const res = await call(admin, "POST", "/api/plans/draft", {
      upstreamPlanId: national.id,
      jurisdictionId: zj,
      title: "湛江市2019年政务公开工作要点分工方案（草稿）",
    });
    expect(res.statusCode, res.body).toBe(201);
    const result = draftPlanResultSchema.parse(res.json());
    expect(result.plan).toMatchObject({
      jurisdictionId: zj,
      year: 2019,
      title: "湛江市2019年政务公开工作要点分工方案（草稿）",
    });
    const all = Object.values(result.suggestions).flat();
    expect(all.length).toBeGreaterThan(0);
    expect(all.every((s) => s.basis === "remit" && s.reason.startsWith("职责关键词："))).toBe(true);
    const finance = result.suggestions[itemAt(result.plan, "三（四）").id] ?? [];
    expect(finance[0]).toMatchObject({ name: "湛江市财政局", role: "lead", basis: "remit" });
    const unit = unitSchema.parse((await call(admin, "GET", `/api/org/units/${finance[0]?.unitId}`)).json());
    expect(unit.jurisdictionId).toBe(zj);
    expect(unit.remit).toBeNull();
    expect(unit.remitKeywords).toEqual(expect.arrayContaining(["财政", "预决算"]));

    // The office's own remit keywords replace the derived ones: 湛江's 司法局 now answers for 财政 wording.
    const justice = (await database.db
      .selectFrom("units")
      .select(["id", "version"])
      .where("name", "=", "湛江市司法局")
      .executeTakeFirstOrThrow()) as { id: string; version: number };
    const edit = await call(zjOffice, "PATCH", `/api/org/units/${justice.id}`, {
      version: justice.version,
      remit: "政府债务、债务限额 项目文本",
    });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(unitSchema.parse(edit.json())).toMatchObject({
      remit: "政府债务、债务限额、项目文本",
      remitKeywords: ["政府债务", "债务限额", "项目文本"],
    });
    const again = itemSuggestionsSchema.parse(
      (
        await call(
          zjOffice,
          "GET",
          `/api/plans/${result.plan.id}/items/${itemAt(result.plan, "三（四）").id}/suggestions`,
        )
      ).json(),
    ).items;
    expect(again.find((s) => s.unitId === justice.id)?.reason).toBe("职责关键词：政府债务、债务限额、项目文本");
  });

  it("answers 404 to 湛江's office for 江门's plans, items and upstream items", async () => {
    const item = itemAt(jiangmen, "十（二十八）");
    const urls = [
      `/api/plans/${jiangmen.id}/coverage`,
      `/api/plans/${jiangmen.id}/items/${item.id}/links`,
      `/api/plans/${jiangmen.id}/items/${item.id}/suggestions`,
    ];
    for (const url of urls) expect((await call(zjOffice, "GET", url)).statusCode, url).toBe(404);
    expect((await call(zjOffice, "PUT", urls[1] ?? "", { upstreamItemIds: [] })).statusCode).toBe(404);
    const drafting = await call(zjOffice, "POST", "/api/plans/draft", {
      upstreamPlanId: national.id,
      jurisdictionId: zj,
    });
    expect(drafting.statusCode).toBe(404);
    expect(
      (await call(office, "POST", "/api/plans/draft", { upstreamPlanId: national.id, jurisdictionId: zj })).statusCode,
    ).toBe(404);

    // 湛江's own draft (made by an admin from the plan in 江门): the link to 江门's item is neither shown
    // nor usable, and coverage finds no readable upstream plan.
    const zjPlan = (
      await database.db.selectFrom("plans").select("id").where("jurisdiction_id", "=", zj).executeTakeFirstOrThrow()
    ).id;
    const zjDraft = await plan(zjOffice, zjPlan);
    const zjItem = itemAt(zjDraft, "一（一）");
    const linksUrl = `/api/plans/${zjPlan}/items/${zjItem.id}/links`;
    expect(itemLinkListSchema.parse((await call(zjOffice, "GET", linksUrl)).json()).items).toEqual([]);
    expect(itemLinkListSchema.parse((await call(admin, "GET", linksUrl)).json()).items).toHaveLength(1);
    const foreign = await call(zjOffice, "PUT", linksUrl, { upstreamItemIds: [itemAt(national, "一（一）").id] });
    expect(foreign.statusCode).toBe(404);
    // Replacing its links with none keeps the one it cannot see.
    expect((await call(zjOffice, "PUT", linksUrl, { upstreamItemIds: [] })).statusCode).toBe(200);
    expect(itemLinkListSchema.parse((await call(admin, "GET", linksUrl)).json()).items).toHaveLength(1);
    const report = await coverage(zjOffice, zjPlan);
    expect(report).toMatchObject({ upstreamPlanId: null, upstreamCandidates: [], items: [] });
    expect((await coverage(admin, zjPlan)).summary.covered).toBe(18);
  });
});
