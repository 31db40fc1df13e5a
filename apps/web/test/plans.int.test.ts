import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resolveNamesResponseSchema, unitGroupListSchema, type ParsedPlan, type UnitRole } from "@luoshi/contract";
import { parseBytes } from "@luoshi/parser";
import { seedPath } from "../../server/test/support/sample-files.ts";
import { UNIT_ROLE_LABELS } from "../src/components/labels.ts";
import { formatPath } from "../src/components/plan-format.ts";
import {
  apiAs,
  buildWebIfStale,
  checkScreen,
  chooseOption,
  hasChromium,
  launchBrowser,
  SHOTS,
  signIn,
  signOut,
  startTestServer,
  type Api,
  type Browser,
  type TestServer,
} from "./support/browser.ts";

/**
 * Issue #4 acceptance in a real Chromium against the real server (SQLite in a temp dir, starter registry):
 * an office user imports a seed plan through the UI, maps the names the registry does not know, publishes; then a
 * liaison of a unit named in it signs in and sees exactly the items that assign the unit, with the right roles.
 * Once for 江门 (seed 001, 江门市司法局) and once for 湛江 (seed 004, 湛江市发展和改革局). The expected items are
 * computed from the parser's output of the seed and the registry's answers, never written down here.
 */

/** Strongest first, as the server keeps one role per unit and item (named directly beats via a group). */
const ROLE_STRENGTH: readonly UnitRole[] = ["lead", "assist", "responsible", "supervise"];
const strongest = (roles: UnitRole[]): UnitRole | undefined =>
  [...roles].sort((a, b) => ROLE_STRENGTH.indexOf(a) - ROLE_STRENGTH.indexOf(b))[0];

describe.skipIf(!hasChromium)("plans in Chromium: import, map, publish, unit view", () => {
  let env: TestServer;
  let browser: Browser;
  let page: Browser["page"];
  const JM = () => env.jurisdictions["440700"] as string;
  const ZJ = () => env.jurisdictions["440800"] as string;
  const SFJ = () => env.units["江门市司法局"] as string;
  const FGJ = () => env.units["湛江市发展和改革局"] as string;

  beforeAll(async () => {
    buildWebIfStale();
    // The accounts are not the point here: made directly, password already changed.
    env = await startTestServer([
      { username: "jm-office", role: "office", jurisdictionCode: "440700" },
      { username: "zj-office", role: "office", jurisdictionCode: "440800" },
      { username: "jm-sfj", role: "liaison", jurisdictionCode: "440700", unitName: "江门市司法局" },
      { username: "zj-fgj", role: "liaison", jurisdictionCode: "440800", unitName: "湛江市发展和改革局" },
    ]);
    browser = await launchBrowser(env.server.url);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  // A failed step leaves a picture of what the browser showed.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page) {
      await page.screenshot({ path: join(SHOTS, `failed-plans-${ctx.task.name.slice(0, 20)}.png`), fullPage: true });
    }
  });

  /**
   * What a unit must see for a seed: the parser's items whose units resolve (registry, on the document's date) to
   * the unit, or to a group with the unit as a member, or to a name the test mapped to it in the UI; one role per
   * item, the strongest of those naming the unit directly, else of the groups.
   */
  async function expectedFor(options: {
    seedPrefix: string;
    jurisdictionId: string;
    unitId: string;
    mapped: ReadonlyMap<string, string>;
    api: Api;
  }): Promise<{ plan: ParsedPlan; items: Map<string, UnitRole>; unresolvedItems: number }> {
    const parsed = await parseBytes(readFileSync(seedPath(options.seedPrefix)), {
      filename: basename(seedPath(options.seedPrefix)),
    });
    if (!parsed.ok) throw new Error(parsed.error.message);
    const candidates = parsed.output.documents.flatMap((doc) => doc.plans.map((plan) => ({ doc, plan })));
    const chosen = candidates.sort((a, b) => b.plan.items.length - a.plan.items.length)[0];
    if (!chosen) throw new Error(`no plan in seed ${options.seedPrefix}`);
    const names = [...new Set(chosen.plan.items.flatMap((i) => i.units.map((u) => u.name)))];
    const { results } = resolveNamesResponseSchema.parse(
      await options.api.send("POST", "/api/org/resolve", {
        jurisdictionId: options.jurisdictionId,
        date: chosen.doc.date,
        names,
      }),
    );
    const resolution = new Map(results.map((r) => [r.name, r]));
    const { items: groups } = unitGroupListSchema.parse(
      await options.api.get(`/api/org/groups?jurisdictionId=${options.jurisdictionId}`),
    );
    const memberOf = new Set(groups.filter((g) => !g.perItem && g.memberIds.includes(options.unitId)).map((g) => g.id));
    const items = new Map<string, UnitRole>();
    let unresolvedItems = 0;
    for (const item of chosen.plan.items) {
      if (item.units.some((u) => resolution.get(u.name)?.status === "unresolved" && !options.mapped.has(u.name))) {
        unresolvedItems += 1;
      }
      const direct: UnitRole[] = [];
      const viaGroup: UnitRole[] = [];
      for (const unit of item.units) {
        const r = resolution.get(unit.name);
        const unitId = r?.unitId ?? options.mapped.get(unit.name);
        if (unitId === options.unitId) direct.push(unit.role);
        else if (r?.groupId && memberOf.has(r.groupId)) viaGroup.push(unit.role);
      }
      const role = strongest(direct) ?? strongest(viaGroup);
      if (role) items.set(formatPath(item.path), role);
    }
    return { plan: chosen.plan, items, unresolvedItems };
  }

  /** Imports a seed through 导入文件 and waits for the result. */
  async function importSeed(seedPrefix: string, shotPrefix: string): Promise<void> {
    const seed = basename(seedPath(seedPrefix));
    await page.getByRole("navigation", { name: "主导航" }).getByText("计划", { exact: true }).click();
    await page.waitForURL("**/plans");
    await expect.poll(() => page.getByRole("heading", { name: "计划" }).isVisible()).toBe(true);
    await page.getByRole("button", { name: /导入文件/ }).click();
    await page.waitForURL("**/plans/import");
    await page.locator('input[type="file"]').setInputFiles(seedPath(seed));
    await expect.poll(() => page.getByRole("cell", { name: seed }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("等待导入").isVisible()).toBe(true);
    await checkScreen(page, `${shotPrefix}-import`, { axe: shotPrefix === "plans-jm" });
    await page.getByRole("button", { name: /开始导入/ }).click();
    await expect.poll(() => page.getByText(`导入结果：${seed}`).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.getByText("完成", { exact: true }).isVisible()).toBe(true);
    await checkScreen(page, `${shotPrefix}-import-result`);
  }

  async function openPlan(title: string): Promise<void> {
    await page.getByRole("link", { name: title, exact: true }).first().click();
    await page.waitForURL(/\/plans\/[^/]+$/);
    await expect.poll(() => page.getByRole("heading", { name: title }).isVisible()).toBe(true);
  }

  /** Maps every unresolved name to its best suggestion through the UI; returns name → unit id for the oracle. */
  async function mapUnresolved(api: Api, jurisdictionId: string, shot: string): Promise<Map<string, string>> {
    await page.getByRole("tab", { name: /未识别单位/ }).click();
    const mapped = new Map<string, string>();
    const cards = page.locator(".ant-card").filter({ has: page.getByRole("button", { name: /映\s*射/ }) });
    const none = page.getByText("没有未识别的单位名称");
    await expect.poll(async () => (await none.isVisible()) || (await cards.count()) > 0).toBe(true);
    if (await none.isVisible()) {
      await checkScreen(page, shot);
      return mapped;
    }
    await checkScreen(page, shot);
    while ((await cards.count()) > 0) {
      const card = cards.first();
      const rawName = ((await card.locator(".ant-card-head-title").innerText()).match(/“(.+)”/) ?? [])[1] ?? "";
      const { results } = resolveNamesResponseSchema.parse(
        await api.send("POST", "/api/org/resolve", { jurisdictionId, names: [rawName] }),
      );
      const best = results[0]?.suggestions[0];
      expect(best, `a suggestion for ${rawName}`).toBeDefined();
      if (!best) return mapped;
      await chooseOption(page, card.getByRole("combobox"), best.name);
      await card.getByRole("button", { name: /映\s*射/ }).click();
      await expect.poll(() => page.getByText(`已将“${rawName}”`).first().isVisible()).toBe(true);
      mapped.set(rawName, best.unitId);
      await expect.poll(() => cards.filter({ hasText: `“${rawName}”` }).count()).toBe(0);
    }
    return mapped;
  }

  async function publish(note: string, shotPrefix: string): Promise<void> {
    await page.getByRole("button", { name: /发布方案/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("版本说明").fill(note);
    await checkScreen(page, `${shotPrefix}-publish-dialog`, { axe: shotPrefix === "plans-jm" });
    await dialog.getByRole("button", { name: /确认发布/ }).click();
    const done = page.locator(".ant-modal-confirm", { hasText: "已发布第 1 版" });
    await expect.poll(() => done.isVisible(), { timeout: 20_000 }).toBe(true);
    await done.getByRole("button", { name: /知道了/ }).click();
    await expect.poll(() => page.getByText("已发布 v1").first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText(note).isVisible()).toBe(true);
    await checkScreen(page, `${shotPrefix}-versions`, { axe: shotPrefix === "plans-jm" });
  }

  /** The liaison's 本单位任务 table as { 序号 → role label }. */
  async function readUnitTable(): Promise<Map<string, string>> {
    // One round trip for the whole table (innerText: what the user sees).
    const pairs = await page
      .locator(".ant-table-tbody tr.ant-table-row")
      .evaluateAll((rows) =>
        rows.map((row) => [
          (row.querySelector(".cell-path") as HTMLElement | null)?.innerText.trim() ?? "",
          (row.querySelector(".cell-role .ant-tag") as HTMLElement | null)?.innerText.trim() ?? "",
        ]),
      );
    return new Map(pairs.map(([path = "", role = ""]) => [path, role]));
  }

  async function checkLiaison(
    username: string,
    expected: Map<string, UnitRole>,
    unitName: string,
    shotPrefix: string,
  ): Promise<void> {
    await signIn(browser, username);
    const nav = page.getByRole("navigation", { name: "主导航" });
    await expect.poll(() => nav.getByText("计划", { exact: true }).count()).toBe(0);
    await nav.getByText("本单位任务", { exact: true }).click();
    await page.waitForURL("**/my");
    await expect.poll(() => page.getByText(`共 ${expected.size} 项`, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(unitName, { exact: true }).first().isVisible()).toBe(true);
    const shown = await readUnitTable();
    const want = new Map([...expected].map(([path, role]) => [path, UNIT_ROLE_LABELS[role]]));
    expect(Object.fromEntries(shown)).toEqual(Object.fromEntries(want));
    await checkScreen(page, `${shotPrefix}-unit-tasks`, { axe: shotPrefix === "plans-jm" });

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /下载本单位任务清单/ }).hover();
    await page.getByRole("menuitem", { name: /Word/ }).first().click();
    expect((await downloading).suggestedFilename()).toMatch(/\.docx$/);

    await page.getByRole("tab", { name: /变更通知/ }).click();
    await expect.poll(() => page.getByText(`本单位共 ${expected.size} 项任务`).isVisible()).toBe(true);
    await checkScreen(page, `${shotPrefix}-unit-notices`, { axe: shotPrefix === "plans-jm" });
    await page.getByRole("button", { name: "标为已读" }).click();
    await expect.poll(() => page.getByText("已读", { exact: true }).isVisible()).toBe(true);
    await signOut(page);
  }

  it("江门: the office imports seed 001, maps its unknown names and publishes; 市司法局 sees its items", async () => {
    const api = await apiAs(env.server.url, "jm-office");
    await signIn(browser, "jm-office");
    await importSeed("001", "plans-jm");
    // The result names the document with its 文号 and the plan found in it.
    await expect.poll(() => page.getByRole("cell", { name: "江府办〔2022〕7号" }).isVisible()).toBe(true);
    const { plan } = await expectedFor({
      seedPrefix: "001",
      jurisdictionId: JM(),
      unitId: SFJ(),
      mapped: new Map(),
      api,
    });
    const title = plan.title ?? "";
    await openPlan(title);
    await expect.poll(() => page.getByText(`共 ${plan.items.length} 项任务`).isVisible()).toBe(true);
    await checkScreen(page, "plans-jm-detail", { axe: false, fullPage: false });

    // Filter by unit: only the items naming 市司法局 (directly) remain.
    await chooseOption(page, page.getByLabel("按责任单位筛选"), "江门市司法局");
    const named = plan.items.filter((i) => i.units.some((u) => u.name === "市司法局")).length;
    await expect.poll(() => page.getByText(`共 ${named} 项任务`).isVisible()).toBe(true);
    await checkScreen(page, "plans-jm-detail-filtered");
    await page.getByRole("tab", { name: "按标题查看" }).click();
    await expect.poll(() => page.getByRole("tree").isVisible()).toBe(true);
    await checkScreen(page, "plans-jm-tree");

    const mapped = await mapUnresolved(api, JM(), "plans-jm-unresolved");
    await publish("2022年分工方案首次发布", "plans-jm");
    await signOut(page);

    const { items } = await expectedFor({
      seedPrefix: "001",
      jurisdictionId: JM(),
      unitId: SFJ(),
      mapped,
      api,
    });
    expect(items.size).toBeGreaterThan(0);
    await checkLiaison("jm-sfj", items, "江门市司法局", "plans-jm");
  });

  it("湛江: seed 004 publishes only after its unknown name is mapped; 市发展改革局 sees its items", async () => {
    const seed = basename(seedPath("004"));
    const api = await apiAs(env.server.url, "zj-office");
    await signIn(browser, "zj-office");
    await importSeed("004", "plans-zj");
    await expect.poll(() => page.getByRole("cell", { name: "湛府办函〔2019〕59号" }).isVisible()).toBe(true);
    // The unknown name is listed with the result, and the plan cannot be published before it is mapped.
    await expect.poll(() => page.getByRole("button", { name: "去映射" }).isVisible()).toBe(true);
    const probe = await expectedFor({
      seedPrefix: "004",
      jurisdictionId: ZJ(),
      unitId: FGJ(),
      mapped: new Map(),
      api,
    });
    await openPlan(probe.plan.title ?? "");
    await expect.poll(() => page.getByRole("button", { name: /发布方案/ }).isDisabled()).toBe(true);
    await expect.poll(() => page.getByRole("columnheader", { name: "评价标准" }).isVisible()).toBe(true);
    await checkScreen(page, "plans-zj-detail", { axe: false, fullPage: false });
    await page.getByText("只看含未识别单位的任务").click();
    expect(probe.unresolvedItems).toBeGreaterThan(0);
    await expect.poll(() => page.getByText(`共 ${probe.unresolvedItems} 项任务`).isVisible()).toBe(true);
    await checkScreen(page, "plans-zj-detail-unresolved");

    const mapped = await mapUnresolved(api, ZJ(), "plans-zj-unresolved");
    expect(mapped.size).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole("button", { name: /发布方案/ }).isDisabled()).toBe(false);
    await publish("2019年分工方案（已映射未识别单位）", "plans-zj");

    // The source document: metadata, and the original file comes back.
    await page.getByRole("tab", { name: "任务表" }).click();
    await page.getByRole("link", { name: "湛府办函〔2019〕59号" }).click();
    await page.waitForURL("**/documents/*");
    await expect.poll(() => page.getByText("湛江市人民政府办公室", { exact: true }).first().isVisible()).toBe(true);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /下载原文件/ }).click();
    expect((await downloading).suggestedFilename()).toBe(seed);
    await checkScreen(page, "plans-zj-document");
    await signOut(page);

    const { items } = await expectedFor({
      seedPrefix: "004",
      jurisdictionId: ZJ(),
      unitId: FGJ(),
      mapped,
      api,
    });
    // The items naming the mapped name are the unit's now, with the role they give it there.
    const viaMapping = probe.plan.items.filter((i) => i.units.some((u) => mapped.get(u.name) === FGJ()));
    expect(viaMapping.length).toBeGreaterThan(0);
    for (const item of viaMapping) {
      const role = item.units.find((u) => mapped.has(u.name))?.role;
      expect(items.get(formatPath(item.path))).toBe(role);
    }
    await checkLiaison("zj-fgj", items, "湛江市发展和改革局", "plans-zj");
  });

  it("had no page errors", () => {
    expect(browser.errors()).toEqual([]);
  });
});
