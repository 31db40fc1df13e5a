import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importResultSchema, planDetailSchema, type PlanItem } from "@luoshi/contract";
import { seedPath } from "../../server/test/support/sample-files.ts";
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
 * The office's corrections before and after publishing, in a real Chromium against the real server: the plan
 * list, editing an item (text, units and roles), a stale edit answered in Chinese, split, merge, exports, a second
 * version with its change list, and the change notice a liaison then reads. Seed 001 (江门) is imported over HTTP
 * here — importing through the UI is the acceptance test's business (plans.int.test.ts).
 */

describe.skipIf(!hasChromium)("plan editing in Chromium", () => {
  let env: TestServer;
  let browser: Browser;
  let page: Browser["page"];
  let api: Api;
  let planId = "";
  let planTitle = "";

  const row = (path: string) => page.locator("tr", { has: page.getByRole("button", { name: `编辑任务 ${path}` }) });
  const total = (n: number) => page.getByText(`共 ${n} 项任务`);
  const planNow = async () => planDetailSchema.parse(await api.get(`/api/plans/${planId}`));
  const itemAt = (items: PlanItem[], path: string) => items.find((i) => i.path.join("") === path.replace("、", ""));

  beforeAll(async () => {
    buildWebIfStale();
    env = await startTestServer([
      { username: "jm-office", role: "office", jurisdictionCode: "440700" },
      { username: "jm-sfj", role: "liaison", jurisdictionCode: "440700", unitName: "江门市司法局" },
    ]);
    api = await apiAs(env.server.url, "jm-office");
    const seed = seedPath("001");
    const result = importResultSchema.parse(
      await api.send("POST", "/api/imports", {
        jurisdictionId: env.jurisdictions["440700"],
        filename: basename(seed),
        contentBase64: readFileSync(seed).toString("base64"),
      }),
    );
    const plan = result.plans[0];
    if (!plan) throw new Error("seed 001 gave no plan");
    planId = plan.id;
    planTitle = plan.title ?? "";
    browser = await launchBrowser(env.server.url);
    page = browser.page;
  });

  afterAll(async () => {
    await browser?.close();
    await env?.close();
  });

  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page) {
      await page.screenshot({ path: join(SHOTS, `failed-editing-${ctx.task.name.slice(0, 20)}.png`), fullPage: true });
    }
  });

  it("says so when the same file is imported again, and lists the plan and its document under 计划", async () => {
    await signIn(browser, "jm-office");
    await page.goto("/plans/import");
    await page.locator('input[type="file"]').setInputFiles(seedPath("001"));
    await page.getByRole("button", { name: /开始导入/ }).click();
    await expect.poll(() => page.getByText("该文件此前已导入过").isVisible()).toBe(true);
    await expect.poll(() => page.getByText("此前已导入，未重复保存").isVisible()).toBe(true);

    await page.getByRole("navigation", { name: "主导航" }).getByText("计划", { exact: true }).click();
    await page.waitForURL("**/plans");
    const planRow = page.locator("tr", { has: page.getByRole("link", { name: planTitle, exact: true }) });
    await expect.poll(() => planRow.textContent()).toContain("草稿");
    expect(await planRow.textContent()).toContain("59");
    await checkScreen(page, "plans-list");
    await page.getByRole("tab", { name: /公文/ }).click();
    await expect.poll(() => page.getByRole("cell", { name: "江府办〔2022〕7号" }).isVisible()).toBe(true);
    await page.getByRole("tab", { name: /分工方案/ }).click();
    await planRow.getByRole("link", { name: planTitle, exact: true }).click();
    await page.waitForURL(`**/plans/${planId}`);
    await expect.poll(() => total(59).isVisible()).toBe(true);
  });

  it("edits an item's text and units, with the roles shown in the table", async () => {
    await page.getByRole("button", { name: "编辑任务 一（一）1" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText("编辑任务 一（一）1").isVisible()).toBe(true);
    await dialog.getByLabel("任务内容").fill("依托政府信息公开平台完善我市行政规章库（已修订）");
    await dialog.getByRole("button", { name: /添加责任单位/ }).click();
    await chooseOption(page, dialog.getByLabel("第 3 个单位：对应单位"), "江门市财政局");
    await expect.poll(() => dialog.getByLabel("第 3 个单位：原文名称").inputValue()).toBe("市财政局");
    await chooseOption(page, dialog.getByLabel("第 3 个单位：角色"), "配合", null);
    await checkScreen(page, "plan-item-edit");
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText("已保存任务 一（一）1").isVisible()).toBe(true);
    await expect.poll(() => row("一（一）1").textContent()).toContain("（已修订）");
    expect(await row("一（一）1").textContent()).toContain("配合｜市财政局");
  });

  it("answers an edit of an item someone changed meanwhile with a Chinese message and the fresh content", async () => {
    await page.getByRole("button", { name: "编辑任务 一（一）2" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("任务内容").fill("我的修改");
    // Meanwhile another office user saves the same item.
    const stale = itemAt((await planNow()).items, "一（一）2");
    if (!stale) throw new Error("item 一（一）2 missing");
    await api.send("PATCH", `/api/plans/${planId}/items/${stale.id}`, {
      version: stale.version,
      text: "他人刚保存的内容",
    });
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    const warning = page.locator(".ant-modal-confirm", { hasText: "内容已被他人修改" });
    await expect.poll(() => warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toContain("任务已被他人修改");
    await checkScreen(page, "plan-item-conflict", { axe: false });
    await warning.getByRole("button", { name: /知道了/ }).click();
    await expect.poll(() => row("一（一）2").textContent()).toContain("他人刚保存的内容");
  });

  it("splits an item into parts and merges selected items", async () => {
    const before = itemAt((await planNow()).items, "一（二）4");
    const sentences = (before?.text ?? "").split(/(?<=[。；;])/).filter((s) => s.trim()).length;
    expect(sentences).toBeGreaterThan(1);
    await page.getByRole("button", { name: "拆分任务 一（二）4" }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByRole("button", { name: `拆分为 ${sentences} 项` }).isVisible()).toBe(true);
    await checkScreen(page, "plan-item-split");
    await dialog.getByRole("button", { name: `拆分为 ${sentences} 项` }).click();
    await expect.poll(() => page.getByText(`已将任务 一（二）4 拆分为 ${sentences} 项`).isVisible()).toBe(true);
    await expect.poll(() => total(59 + sentences - 1).isVisible()).toBe(true);

    await page.getByRole("checkbox", { name: "选择任务 一（一）1" }).check();
    await page.getByRole("checkbox", { name: "选择任务 一（一）2" }).check();
    await page.getByRole("button", { name: /合并所选任务（2）/ }).click();
    const confirm = page.locator(".ant-modal-confirm", { hasText: "合并 2 项任务" });
    await confirm.getByRole("button", { name: /合\s*并/ }).click();
    await expect.poll(() => page.getByText("已合并 2 项任务").isVisible()).toBe(true);
    await expect.poll(() => total(59 + sentences - 2).isVisible()).toBe(true);
    // The kept item now carries the other one's text too.
    await expect.poll(() => row("一（一）1").textContent()).toContain("他人刚保存的内容");
  });

  it("exports the table as CSV for Excel and the draft as .xlsx and .docx", async () => {
    for (const [label, extension] of [
      ["导出 CSV（当前筛选结果）", ".csv"],
      ["导出 Excel（草稿）", ".xlsx"],
      ["导出 Word（草稿）", ".docx"],
    ] as const) {
      const downloading = page.waitForEvent("download");
      await page.getByRole("button", { name: /导\s*出/ }).hover();
      await page.getByRole("menuitem", { name: label }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`${planTitle}${extension === ".csv" ? "" : "（草稿）"}${extension}`);
      if (extension === ".csv") {
        const text = readFileSync(await download.path(), "utf8");
        expect(text.startsWith("\uFEFF序号,所属,任务,责任单位,完成时限,未识别单位")).toBe(true);
        expect(text).toContain("市财政局（配合）");
      }
    }
  });

  it("publishes, edits, publishes version 2 with its change list, and the liaison reads the change notice", async () => {
    await page.getByRole("button", { name: /发布方案/ }).click();
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /确认发布/ })
      .click();
    const first = page.locator(".ant-modal-confirm", { hasText: "已发布第 1 版" });
    await expect.poll(() => first.isVisible()).toBe(true);
    await first.getByRole("button", { name: /知道了/ }).click();

    await page.getByRole("tab", { name: "任务表" }).click();
    await page.getByRole("button", { name: "编辑任务 一（三）8" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("任务内容").fill("认真贯彻落实司法部关于行政复议案件审理的指导意见（第二版）");
    await dialog.getByRole("button", { name: /保\s*存/ }).click();
    await expect.poll(() => page.getByText("有未发布的修改").first().isVisible()).toBe(true);

    await page.getByRole("button", { name: /发布新版本（第 2 版）/ }).click();
    await page.getByRole("dialog").getByLabel("版本说明").fill("调整第8项表述");
    await page
      .getByRole("dialog")
      .getByRole("button", { name: /确认发布/ })
      .click();
    const second = page.locator(".ant-modal-confirm", { hasText: "已发布第 2 版" });
    await expect.poll(() => second.isVisible()).toBe(true);
    await second.getByRole("button", { name: /知道了/ }).click();
    const v2 = page.locator(".ant-card", { hasText: "第 2 版" }).first();
    await expect.poll(() => v2.textContent()).toContain("与第 1 版相比（1 项变化）");
    expect(await v2.textContent()).toContain("（第二版）");
    expect(await v2.textContent()).toContain("江门市司法局");
    await checkScreen(page, "plan-versions-2");

    // The office looks at a unit's list the way the unit sees it.
    await page.getByRole("navigation", { name: "主导航" }).getByText("单位任务", { exact: true }).click();
    await page.waitForURL("**/my");
    await chooseOption(page, page.getByLabel("选择单位"), "江门市司法局", "市司法局");
    await expect.poll(() => page.locator(".cell-path").count()).toBeGreaterThan(0);
    const officeView = await page.locator(".ant-table-tbody .cell-path").allInnerTexts();
    await checkScreen(page, "unit-tasks-office", { axe: false });
    await signOut(page);

    await signIn(browser, "jm-sfj");
    await page.getByRole("navigation", { name: "主导航" }).getByText("本单位任务", { exact: true }).click();
    await expect.poll(() => page.locator(".ant-table-tbody .cell-path").allInnerTexts()).toEqual(officeView);
    await page.getByRole("tab", { name: /变更通知/ }).click();
    const notice = page.locator(".ant-card", { hasText: "第 2 版" }).first();
    await expect.poll(() => notice.textContent()).toContain("调整第8项表述");
    expect(await notice.textContent()).toContain("（第二版）");
    await checkScreen(page, "unit-notices-2");
    await page.getByRole("button", { name: /全部标为已读（2）/ }).click();
    await expect.poll(() => page.getByText("未读", { exact: true }).count()).toBe(0);
    await signOut(page);
  });

  it("had no page errors", () => {
    // The stale edit above is answered 409 on purpose; the browser logs every failed request.
    expect(browser.errors().filter((e) => !/status of 409/.test(e))).toEqual([]);
  });
});
