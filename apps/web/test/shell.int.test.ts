import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../server/src/config.ts";
import { seedStarterRegistry } from "../../server/src/modules/org/org-starter.service.ts";
import { startServer, type RunningServer } from "../../server/src/server.ts";

/**
 * The critical flow of the admin UI in a real Chromium against the real server (SQLite in a temp dir):
 * first login with the generated admin password → forced 修改密码 → 工作台 → 组织机构 → 用户管理 (create a user,
 * see the one-time password) → 审计日志 → 退出登录. Each screen gets an axe check (no serious or critical
 * violations) and a screenshot in test-results/screenshots/ for a person to look at.
 */

const CHROMIUM = process.env.LUOSHI_CHROMIUM ?? "/usr/bin/chromium";
const ROOT = join(import.meta.dirname, "../../..");
const SHOTS = join(ROOT, "test-results/screenshots");
const NEW_PASSWORD = "Luoshi-Office-2026";

const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === "true") {
  throw new Error(`CI=true but no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
}
if (!hasChromium) console.warn(`[luoshi] 未找到 Chromium（${CHROMIUM}）：跳过浏览器测试`);

describe.skipIf(!hasChromium)("web shell in Chromium", () => {
  let server: RunningServer;
  let context: BrowserContext;
  let page: Page;
  let dataDir: string;
  let profileDir: string;
  let adminPassword = "";
  const pageErrors: string[] = [];

  beforeAll(async () => {
    // The server serves apps/web/dist; build it when a source is newer (a no-op when up to date).
    const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-web-if-stale.ts"], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);

    dataDir = mkdtempSync(join(tmpdir(), "luoshi-web-"));
    profileDir = mkdtempSync(join(tmpdir(), "luoshi-chromium-"));
    mkdirSync(SHOTS, { recursive: true });
    // No LUOSHI_ADMIN_PASSWORD: the server generates one and requires a change at first login, the real first run.
    server = await startServer(loadConfig({ LUOSHI_DATA_DIR: dataDir, LUOSHI_PORT: "0" }), (line) => {
      const match = /初始密码.*：(\S+)$/.exec(line);
      if (match?.[1]) adminPassword = match[1];
    });
    await seedStarterRegistry(server.database.db);

    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      locale: "zh-CN",
      timezoneId: "Asia/Shanghai",
      viewport: { width: 1440, height: 900 },
      baseURL: server.url,
      acceptDownloads: true,
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => pageErrors.push(error.message));
    page.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(msg.text());
    });
  });

  afterAll(async () => {
    await context?.close();
    await server?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  // A failed step leaves a picture of what the browser showed.
  afterEach(async (ctx) => {
    if (ctx.task.result?.state === "fail" && page) {
      await page.screenshot({ path: join(SHOTS, `failed-${ctx.task.name.slice(0, 20)}.png`), fullPage: true });
    }
  });

  async function checkScreen(name: string): Promise<void> {
    // Let antd's enter animations finish so the screenshot and the contrast check see the settled page.
    await page.waitForTimeout(400);
    // A full-page shot of an open dialog draws the mask over the first viewport only; shoot the viewport then.
    const dialogOpen = await page.getByRole("dialog").isVisible();
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !dialogOpen });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const report = bad.map(
      (v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
    );
    expect(report, `axe on ${name}`).toEqual([]);
  }

  it("asks for login, shows the server's Chinese error, and forces the password change", async () => {
    await page.goto("/");
    await page.waitForURL("**/login");
    await expect.poll(() => page.getByRole("heading", { name: "登录" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("政务公开工作要点落实系统").isVisible()).toBe(true);
    await checkScreen("login");

    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码").fill("wrong-password-1");
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toContain("用户名或密码错误");
    await checkScreen("login-error");

    expect(adminPassword).not.toBe("");
    await page.getByLabel("密码").fill(adminPassword);
    await page.getByRole("button", { name: /登\s*录/ }).click();
    await page.waitForURL("**/password");
    await expect.poll(() => page.getByText("首次登录须先修改初始密码").isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/至少 10 位/).isVisible()).toBe(true);
    await checkScreen("change-password");

    await page.getByLabel("当前密码").fill(adminPassword);
    await page.getByLabel("新密码", { exact: true }).fill("short");
    await page.getByLabel("确认新密码").fill("short");
    await page.getByRole("button", { name: "确认修改" }).click();
    await expect.poll(() => page.getByText("密码至少 10 位").isVisible()).toBe(true);

    await page.getByLabel("新密码", { exact: true }).fill(NEW_PASSWORD);
    await page.getByLabel("确认新密码").fill(NEW_PASSWORD);
    await page.getByRole("button", { name: "确认修改" }).click();
    await page.waitForURL((url) => url.pathname === "/");
  });

  it("shows the 工作台 with the navigation, later capabilities disabled", async () => {
    await expect.poll(() => page.getByRole("heading", { name: "工作台" }).isVisible()).toBe(true);
    const nav = page.getByRole("navigation", { name: "主导航" });
    for (const label of ["工作台", "组织机构", "用户管理", "审计日志", "计划", "台账", "考核"]) {
      await expect.poll(() => nav.getByText(label, { exact: true }).isVisible(), { message: label }).toBe(true);
    }
    await expect.poll(() => nav.getByRole("menuitem", { name: /台账/ }).getAttribute("aria-disabled")).toBe("true");
    await expect.poll(() => nav.getByRole("menuitem", { name: /计划/ }).getAttribute("aria-disabled")).not.toBe("true");
    await expect.poll(() => page.getByText("系统管理员").first().isVisible()).toBe(true);
    await checkScreen("dashboard");
  });

  it("opens 组织机构: the jurisdiction tree, the units table and the groups tab", async () => {
    await page.getByRole("navigation", { name: "主导航" }).getByText("组织机构", { exact: true }).click();
    await page.waitForURL("**/org");
    await expect.poll(() => page.getByRole("heading", { name: "组织机构" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("行政区划", { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("treeitem").first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("tree").textContent()).toContain("广东省");
    await expect.poll(() => page.getByRole("cell", { name: "广东省人民政府办公厅" }).isVisible()).toBe(true);
    await checkScreen("org");

    // The export is a real .xlsx from the server.
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /导出 Excel/ }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);

    await page.getByRole("treeitem").filter({ hasText: "江门市" }).first().click();
    await page.getByRole("tab", { name: "单位分组" }).click();
    await expect.poll(() => page.getByRole("button", { name: /新建分组/ }).isVisible()).toBe(true);
    await page.getByRole("radio", { name: "选择分组 市政府各部门" }).check();
    await expect.poll(() => page.getByText("市政府各部门：成员单位").isVisible()).toBe(true);
    await checkScreen("org-groups");

    await page.getByRole("tab", { name: "单位", exact: true }).click();
    await page.getByRole("button", { name: /新建单位/ }).click();
    const dialog = page.getByRole("dialog");
    await expect.poll(() => dialog.getByText("新建单位").isVisible()).toBe(true);
    await dialog.getByLabel("单位全称").fill("江门市数据管理局");
    await dialog.getByLabel("简称").fill("市数据局");
    await checkScreen("org-unit-dialog");
    await dialog.getByRole("button", { name: /创\s*建/ }).click();
    await expect.poll(() => page.getByText("已新建单位：江门市数据管理局").isVisible()).toBe(true);
    await page.getByLabel("搜索单位名称、简称或别名").fill("市数据局");
    await expect.poll(() => page.getByRole("cell", { name: "江门市数据管理局" }).isVisible()).toBe(true);
  });

  it("creates a user in 用户管理 and shows the one-time initial password", async () => {
    await page.getByRole("navigation", { name: "主导航" }).getByText("用户管理", { exact: true }).click();
    await page.waitForURL("**/users");
    await expect.poll(() => page.getByRole("cell", { name: "admin", exact: true }).isVisible()).toBe(true);
    await checkScreen("users");

    await page.getByRole("button", { name: /新建用户/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("用户名").fill("liaison.zhang");
    await dialog.getByLabel("姓名").fill("张联络");
    await dialog.getByLabel("单位联络员").check();
    await dialog.getByRole("button", { name: /创\s*建/ }).click();
    await expect.poll(() => dialog.getByText("单位联络员和单位负责人须指定所属单位").first().isVisible()).toBe(true);
    await dialog.getByLabel("所属单位").fill("数据管理局");
    // antd keeps a hidden listbox for screen readers; the visible option is the .ant-select-item.
    await page.locator(".ant-select-item-option", { hasText: "江门市数据管理局" }).click();
    await checkScreen("users-create");
    await dialog.getByRole("button", { name: /创\s*建/ }).click();

    const box = page.getByTestId("initial-password");
    await expect.poll(() => box.isVisible()).toBe(true);
    expect((await box.textContent())?.trim()).toMatch(/\S{10,}/);
    await expect.poll(() => page.getByText("初始密码只显示这一次").isVisible()).toBe(true);
    await checkScreen("users-initial-password");
    await page.getByRole("button", { name: "我已记下，关闭" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "张联络" }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText("待修改初始密码").first().isVisible()).toBe(true);
  });

  it("lists the changes in 审计日志", async () => {
    await page.getByRole("navigation", { name: "主导航" }).getByText("审计日志", { exact: true }).click();
    await page.waitForURL("**/audit");
    await expect.poll(() => page.getByRole("cell", { name: "创建用户" }).first().isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("cell", { name: "修改密码" }).first().isVisible()).toBe(true);
    // Dates as the office writes them.
    await expect
      .poll(() =>
        page
          .getByText(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await checkScreen("audit");
  });

  it("signs out from the user menu", async () => {
    await page.getByRole("button", { name: "用户菜单" }).click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await page.waitForURL("**/login");
    const me = await page.request.get("/api/auth/me");
    expect(me.status()).toBe(401);
    expect(pageErrors.filter((e) => !/401|Unauthorized/.test(e))).toEqual([]);
  });
});
