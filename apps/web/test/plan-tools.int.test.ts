import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  calendarNoticeResultSchema,
  coverageReportSchema,
  draftPlanResultSchema,
  itemSuggestionsSchema,
  meResponseSchema,
  planDetailSchema,
  publicPlanSchema,
  type CoverageReport,
  type PlanSummary,
  type Role,
} from "@luoshi/contract";
import { loadConfig } from "../../server/src/config.ts";
import { seedStarterRegistry } from "../../server/src/modules/org/org-starter.service.ts";
import { findJurisdictionRowByCode } from "../../server/src/modules/org/org.repository.ts";
import { importFile } from "../../server/src/modules/plan/plan-import.service.ts";
import { publishPlan } from "../../server/src/modules/plan-publish/plan-publish.service.ts";
import { startServer, type RunningServer } from "../../server/src/server.ts";
import { insertTestUser, TEST_PASSWORD } from "../../server/test/support/accounts.ts";
import { formatPath } from "../src/components/plan-format.ts";

/**
 * Issue #4's office tools in a real Chromium against the real server (SQLite in a temp dir, starter registry, the
 * 江门 seeds imported and the 2022 plan published through the services — they are not the point here):
 * 工作日历 (2027 has no data → paste the notice → the days appear, 期限推算 counts over 国庆), 覆盖检查 of 江门's
 * 2019 plan (the counts the API computes are on screen; 记录关联 turns an item covered), 据此起草本地方案 from the
 * national 2019 要点 (全部采纳 the suggested units), and the public page of the published plan on a phone without a
 * login. Every screen gets an axe check and a screenshot in test-results/screenshots/.
 */

const CHROMIUM = process.env.LUOSHI_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = join(import.meta.dirname, "../../..");
const SHOTS = join(ROOT, "test-results/screenshots");
const SEEDS = join(ROOT, "../shared/seeds");
const NOTICE_2027 = join(ROOT, "apps/server/src/modules/calendar/fixtures/notice-2027-example.txt");
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-sync"];

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === "true") {
  throw new Error(`CI=true but no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
}
const seedFile = (prefix: string): string | undefined =>
  existsSync(SEEDS) ? readdirSync(SEEDS).find((f) => f.startsWith(`${prefix}_`)) : undefined;
const hasSeeds = Boolean(seedFile("000") && seedFile("001"));
if (!hasSeeds) console.warn(`[luoshi] 未找到样例文件（${SEEDS}）：跳过计划工具浏览器测试`);

describe.skipIf(!hasChromium || !hasSeeds)("plan tools in Chromium: calendar, coverage, drafting, public page", () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  const pageErrors: string[] = [];
  const plans = { jm2019: "", national2019: "", jm2022: "" };

  beforeAll(async () => {
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-web-if-stale.ts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);

    dataDir = mkdtempSync(join(tmpdir(), "luoshi-plan-tools-"));
    mkdirSync(SHOTS, { recursive: true });
    server = await startServer(
      loadConfig({ LUOSHI_DATA_DIR: dataDir, LUOSHI_PORT: "0", LUOSHI_ADMIN_PASSWORD: "Admin-Pass-2026!" }),
      () => undefined,
    );
    const db = server.database.db;
    await seedStarterRegistry(db);
    const jm = (await findJurisdictionRowByCode(db, "440700"))?.id;
    if (!jm) throw new Error("starter registry lacks 江门市");
    const officeId = await insertTestUser(db, { username: "jm-office", roles: ["office"], jurisdictionId: jm });
    const actor = { id: officeId, roles: ["office"] as Role[], jurisdictionId: jm, unitId: null };

    // Seed 000: 江门's 2019 plan with the provincial notice and the national 要点 it forwards; seed 001: 江门 2022.
    const imported: PlanSummary[] = [];
    for (const prefix of ["000", "001"]) {
      const file = seedFile(prefix) as string;
      const bytes = readFileSync(join(SEEDS, file));
      imported.push(...(await importFile(db, actor, { jurisdictionId: jm, filename: file, bytes })).plans);
    }
    const largest = (filter: (p: PlanSummary) => boolean) =>
      imported.filter(filter).sort((a, b) => b.itemCount - a.itemCount)[0];
    plans.jm2019 = largest((p) => p.year === 2019 && /江门/.test(p.title ?? ""))?.id ?? "";
    plans.national2019 = largest((p) => p.title === "2019年政务公开工作要点")?.id ?? "";
    const jm2022 = largest((p) => p.year === 2022);
    plans.jm2022 = jm2022?.id ?? "";
    expect(Object.values(plans).every(Boolean), JSON.stringify(plans)).toBe(true);
    await publishPlan(db, actor, { planId: plans.jm2022, version: jm2022?.version ?? 0 });

    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
    context = await browser.newContext({
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      viewport: { width: 1440, height: 900 },
      baseURL: server.url,
      acceptDownloads: true,
    });
    page = await context.newPage();
    watch(page);

    // Signed in through the API: the login screen is covered by the shell test.
    const login = await page.request.post("/api/auth/login", {
      data: { username: "jm-office", password: TEST_PASSWORD },
    });
    expect(login.status()).toBe(200);
    meResponseSchema.parse(await login.json());
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page) {
      await page.screenshot({ path: join(SHOTS, `failed-tools-${ctx.task.name.slice(0, 20)}.png`), fullPage: true });
    }
  });

  function watch(p: Page): void {
    p.on("pageerror", (error) => pageErrors.push(error.message));
    p.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(msg.text());
    });
  }

  /**
   * Screenshot and axe check of a screen. `scope` narrows axe to part of the page (a dialog, or all but the year grid
   * when the grid was checked in another state), or `axe: false` for a later state of a screen already checked whose
   * new elements use the same components: axe over long tables takes seconds on a busy machine.
   */
  async function checkScreen(
    name: string,
    options: { on?: Page; include?: string[]; exclude?: string; axe?: false } = {},
  ): Promise<void> {
    const on = options.on ?? page;
    // Let antd's enter animations finish so the screenshot and the contrast check see the settled page.
    await on.waitForTimeout(400);
    const dialogOpen = await on.getByRole("dialog").first().isVisible();
    await on.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !dialogOpen });
    if (options.axe === false) return;
    let axe = new AxeBuilder({ page: on }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]);
    for (const selector of options.include ?? []) axe = axe.include(selector);
    if (options.exclude) axe = axe.exclude(options.exclude);
    const results = await axe.analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const report = bad.map(
      (v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
    );
    expect(report, `axe on ${name}`).toEqual([]);
  }

  async function apiGet<T>(url: string, schema: { parse: (v: unknown) => T }): Promise<T> {
    const res = await page.request.get(url);
    expect(res.status(), `${url}: ${await res.text()}`).toBe(200);
    return schema.parse(await res.json());
  }

  const countOf = (report: CoverageReport, status: CoverageReport["items"][number]["status"]) =>
    report.items.filter((i) => i.status === status).length;

  /** The number a 统计 card shows under its title. */
  const statistic = (title: string) =>
    page
      .locator(".ant-statistic")
      .filter({ has: page.getByText(title, { exact: true }) })
      .locator(".ant-statistic-content-value");

  it("工作日历: 2027 has no data; pasting the State Council notice adds its days", async () => {
    await page.goto("/calendar?year=2027");
    await expect.poll(() => page.getByRole("heading", { name: "工作日历" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("2027年无数据：尚未录入该年的节假日安排").isVisible()).toBe(true);

    // Without the year's schedule, working days cannot be counted.
    await page.getByLabel("时限").fill("5个工作日内");
    await page.getByLabel("起算日期").fill("2027-09-30");
    await page.getByLabel("起算日期").press("Enter");
    await page.getByRole("button", { name: /推\s*算/ }).click();
    const answer = page.locator(".ant-card").filter({ hasText: "期限推算" }).getByRole("status");
    await expect.poll(() => answer.textContent()).toMatch(/尚无2027年的节假日安排/);
    expect(await answer.textContent()).not.toContain("截止");
    await checkScreen("calendar-2027-empty", { exclude: "[data-testid=year-grid]" });

    // What the preview must list: the server's own dry run of the fixture.
    const text = readFileSync(NOTICE_2027, "utf8");
    const csrf = meResponseSchema.parse(await (await page.request.get("/api/auth/me")).json()).csrfToken;
    const dry = calendarNoticeResultSchema.parse(
      await (
        await page.request.post("/api/calendar/notice?dryRun=true", {
          data: { text },
          headers: { "x-csrf-token": csrf },
        })
      ).json(),
    );
    expect(dry.days.length).toBeGreaterThan(30);
    expect((await apiGet("/api/calendar/2027", { parse: (v) => v as { covered: boolean } })).covered).toBe(false);

    await page.getByRole("button", { name: "粘贴放假通知" }).first().click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("通知全文").fill(text);
    await dialog.getByRole("button", { name: /预\s*览/ }).click();
    await expect
      .poll(() => dialog.getByText(`共 ${dry.days.length} 天：新增 ${dry.days.length} 天`).isVisible())
      .toBe(true);
    await expect.poll(() => dialog.getByText(`${dry.workingDays} 天`, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => dialog.getByRole("cell", { name: "2027-10-01" }).isVisible()).toBe(true);
    await checkScreen("calendar-notice-preview", { include: [".ant-modal"] });
    await dialog.getByRole("button", { name: /确认导入/ }).click();
    await expect.poll(() => page.getByText(/已导入2027年放假安排/).isVisible()).toBe(true);

    const holidays = dry.days.filter((d) => d.kind === "holiday").length;
    await expect
      .poll(() =>
        page
          .getByText(
            `2027年已有完整的节假日安排：放假 ${holidays} 天，调休上班 ${dry.days.length - holidays} 天，全年工作日 ${dry.workingDays} 天`,
          )
          .isVisible(),
      )
      .toBe(true);
    // The month grid marks 国庆 (1–7 Oct) as days off and Saturday 9 Oct as a make-up working day.
    await expect.poll(() => page.getByRole("button", { name: /^2027-10-01 国庆节 放假/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("button", { name: /^2027-10-09 国庆节 调休上班/ }).isVisible()).toBe(true);
    // One month with days off, a make-up working day and plain weekends stands for all twelve.
    await checkScreen("calendar-2027-imported", {
      include: [".ant-alert", "[data-testid=year-grid] > .ant-card:nth-child(10)"],
    });

    // 5 working days from 30 Sep: 8 Oct, Sat 9 Oct (调休), 11, 12, 13 Oct.
    await page.getByRole("button", { name: /推\s*算/ }).click();
    await expect.poll(() => answer.textContent()).toContain("截止 2027-10-13（周三）");

    // One day by hand: shown with its source in the list.
    await page.getByRole("button", { name: /^2027-12-31/ }).click();
    const dayDialog = page.getByRole("dialog");
    await dayDialog.getByLabel("名称").fill("年终调整");
    await checkScreen("calendar-day-dialog", { include: [".ant-modal"] });
    await dayDialog.getByRole("button", { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText("已保存：2027-12-31 年终调整（放假）").isVisible()).toBe(true);
    await page.getByText("列表", { exact: true }).click();
    const row = page.getByRole("row").filter({ hasText: "2027-12-31" });
    await expect.poll(() => row.textContent()).toContain("办公室录入");
    const noticeRow = page.getByRole("row").filter({ hasText: "2027-10-01" });
    await expect.poll(() => noticeRow.textContent()).toContain("国务院办公厅关于2027年部分节假日安排的通知");
    await checkScreen("calendar-2027-list");

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /导出 CSV/ }).click();
    expect((await downloading).suggestedFilename()).toBe("工作日历-2027.csv");
  });

  it("覆盖检查: 江门's 2019 plan against the national 要点, and 记录关联 turns an item covered", async () => {
    const url = `/api/plans/${plans.jm2019}/coverage?upstreamPlanId=${plans.national2019}`;
    const before: CoverageReport = await apiGet(url, coverageReportSchema);
    expect(before.items.length).toBeGreaterThan(10);

    await page.goto(`/plans/${plans.jm2019}/coverage?upstream=${plans.national2019}`);
    await expect.poll(() => page.getByRole("heading", { name: "覆盖检查" }).isVisible()).toBe(true);
    await expect.poll(() => statistic("上级条目").textContent()).toBe(String(before.items.length));
    expect(await statistic("已覆盖").textContent()).toBe(String(before.summary.covered));
    expect(await statistic("部分覆盖").textContent()).toBe(String(before.summary.partly));
    expect(await statistic("未覆盖").textContent()).toBe(String(before.summary.notCovered));
    expect(await statistic("待确认").textContent()).toBe(String(before.summary.unsure));
    await checkScreen("coverage");

    // An upstream item the plan does not fully take up, with a suggested local item to link.
    const target = before.items.find((i) => i.status !== "covered" && i.suggestions.length > 0);
    expect(target, "an item with suggestions").toBeDefined();
    if (!target) return;
    const suggestion = target.suggestions[0];
    if (!suggestion) return;
    // The count on top filters the table to that status.
    const statusLabel = target.status === "partly" ? "部分覆盖" : "未覆盖";
    await page.getByRole("button", { name: new RegExp(`^${statusLabel} \\d+ 项，点击筛选`) }).click();
    await expect.poll(() => page.getByText(`显示 ${countOf(before, target.status)} 项`).isVisible()).toBe(true);
    const row = page.getByRole("row").filter({ hasText: target.text.slice(0, 20) });
    await row
      .getByRole("button", {
        name: `记录关联：本地 ${formatPath(suggestion.path)} 落实上级 ${formatPath(target.path)}`,
      })
      .click();
    await expect.poll(() => page.getByText(/^已记录：本地/).isVisible()).toBe(true);

    const after = await apiGet(url, coverageReportSchema);
    const linked = after.items.find((i) => i.upstreamId === target.upstreamId);
    expect(linked?.status).toBe("covered");
    expect(linked?.basis).toBe("link");
    await page.locator(".ant-segmented-item", { hasText: "全部" }).click();
    const updated = page.getByRole("row").filter({ hasText: target.text.slice(0, 20) });
    await expect.poll(() => updated.textContent()).toContain("已记录关联");
    expect(await updated.textContent()).toContain("已覆盖");
    await expect.poll(() => statistic("已覆盖").textContent()).toBe(String(after.summary.covered));
    expect(after.summary.covered).toBe(before.summary.covered + 1);
    await checkScreen("coverage-linked", { axe: false });

    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /导出报告/ }).click();
    expect((await downloading).suggestedFilename()).toMatch(/^覆盖检查-.*\.csv$/);
  });

  it("据此起草本地方案: drafts 江门's plan from the national 2019 要点 and accepts the suggested units", async () => {
    const upstream = await apiGet(`/api/plans/${plans.national2019}`, planDetailSchema);
    await page.goto(`/plans/${plans.national2019}/draft`);
    await expect.poll(() => page.getByRole("heading", { name: "据此起草本地方案" }).isVisible()).toBe(true);
    await page.getByLabel("年度").fill("2020");
    await page.getByLabel("方案标题").fill("江门市2020年政务公开工作要点分工方案（草稿）");
    await checkScreen("draft-form");
    const drafting = page.waitForResponse(
      (r) => r.url().endsWith("/api/plans/draft") && r.request().method() === "POST",
    );
    await page.getByRole("button", { name: /生成草稿/ }).click();
    const result = draftPlanResultSchema.parse(await (await drafting).json());
    await page.waitForURL(/\/draft\?draft=/);
    const draftId = new URL(page.url()).searchParams.get("draft") ?? "";
    expect(draftId).toBe(result.plan.id);
    await expect
      .poll(() =>
        page
          .getByText(`已生成方案草稿“江门市2020年政务公开工作要点分工方案（草稿）”：${upstream.items.length} 项任务`)
          .isVisible(),
      )
      .toBe(true);
    // Suggestions carry their reason.
    await expect
      .poll(() =>
        page
          .getByText(/（(往年分工|职责匹配)：/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await checkScreen("draft-review");

    const suggested = Object.values(result.suggestions).flat().length;
    expect(suggested).toBeGreaterThan(0);
    await page.getByRole("button", { name: /全部采纳/ }).click();
    await expect.poll(() => page.getByText(/已全部采纳：\d+ 项任务/).isVisible(), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.locator(".ant-segmented-item", { hasText: "待确认 0" }).count()).toBe(1);
    await checkScreen("draft-accepted", { axe: false });

    // Every suggestion made at drafting is now a unit of its item, mapped to the registry with the suggested role,
    // and the server suggests it no more.
    const draft = await apiGet(`/api/plans/${draftId}`, planDetailSchema);
    for (const item of draft.items) {
      for (const s of result.suggestions[item.id] ?? []) {
        const unit = item.units.find((u) => u.unitId === s.unitId);
        expect(unit?.role, `${formatPath(item.path)}: ${s.name}`).toBe(s.role);
      }
    }
    const first = draft.items.find((i) => (result.suggestions[i.id] ?? []).length > 0);
    const again = await apiGet(`/api/plans/${draftId}/items/${first?.id}/suggestions`, itemSuggestionsSchema);
    const acceptedIds = new Set((result.suggestions[first?.id ?? ""] ?? []).map((s) => s.unitId));
    expect(again.items.filter((s) => acceptedIds.has(s.unitId))).toEqual([]);

    await page.getByRole("button", { name: /完成，打开方案/ }).click();
    await page.waitForURL((u) => u.pathname === `/plans/${draftId}`);
  });

  it("shows a published plan to the public on a phone, without a login", async () => {
    const phone = await browser.newContext({
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      baseURL: server.url,
    });
    const mobile = await phone.newPage();
    watch(mobile);
    try {
      const expected = publicPlanSchema.parse(
        await (await mobile.request.get(`/api/public/plans/${plans.jm2022}`)).json(),
      );
      await mobile.goto("/public/plans?jurisdiction=440700");
      await expect.poll(() => mobile.getByRole("link", { name: expected.title ?? "" }).isVisible()).toBe(true);
      await checkScreen("public-plans-phone", { on: mobile });

      await mobile.getByRole("link", { name: expected.title ?? "" }).click();
      await mobile.waitForURL(`**/public/plans/${plans.jm2022}`);
      await expect
        .poll(() => mobile.getByRole("heading", { level: 1, name: expected.title ?? "" }).isVisible())
        .toBe(true);
      for (const text of [
        expected.docNumber ?? "",
        `第${expected.versionNumber}版`,
        expected.publishedAt.slice(0, 10),
      ]) {
        await expect
          .poll(() => mobile.getByText(text, { exact: true }).first().isVisible(), { message: text })
          .toBe(true);
      }
      await expect.poll(() => mobile.getByText("本方案向社会公开，接受社会监督。").isVisible()).toBe(true);
      // Items under their top headings, each with its units.
      const headings = [...new Set(expected.items.map((i) => i.headings[0]).filter(Boolean))];
      expect(await mobile.getByRole("heading", { level: 2 }).count()).toBe(headings.length);
      const first = expected.items[0];
      const lead = first?.units[0]?.name ?? "";
      await expect.poll(() => mobile.getByText(first?.text ?? "").isVisible()).toBe(true);
      expect(await mobile.locator("li").first().textContent()).toContain(lead);
      // Nothing wider than the phone.
      expect(await mobile.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await checkScreen("public-plan-phone", { on: mobile });

      // A deep link opened directly (the server answers the SPA for /public/*).
      await mobile.reload();
      await expect.poll(() => mobile.getByText("本方案向社会公开，接受社会监督。").isVisible()).toBe(true);

      // A reader looks up one unit's items.
      await mobile.getByLabel("按责任单位或关键词查找").fill("司法局");
      const withUnit = expected.items.filter((i) =>
        [i.text, ...i.headings, ...i.units.map((u) => u.name), ...i.deadlines].some((s) => s.includes("司法局")),
      );
      await expect.poll(() => mobile.getByText(`找到 ${withUnit.length} 项任务`).isVisible()).toBe(true);

      // Not signed in: the API refuses the office's routes.
      expect((await mobile.request.get(`/api/plans/${plans.jm2022}`)).status()).toBe(401);
    } finally {
      await phone.close();
    }
    expect(pageErrors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
  });
});
