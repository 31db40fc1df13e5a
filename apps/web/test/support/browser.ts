import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { chromium, type BrowserContext, type Locator, type Page } from "playwright-core";
import { expect } from "vitest";
import { meResponseSchema } from "@luoshi/contract";
import { loadConfig } from "../../../server/src/config.ts";
import { seedStarterRegistry } from "../../../server/src/modules/org/org-starter.service.ts";
import {
  findJurisdictionRowByCode,
  findUnitRowsByOfficialName,
} from "../../../server/src/modules/org/org.repository.ts";
import { startServer, type RunningServer } from "../../../server/src/server.ts";
import { insertTestUser, TEST_PASSWORD } from "../../../server/test/support/accounts.ts";

/**
 * What the plan screens' browser tests share: the real server on SQLite in a temp dir with the starter registry
 * and ready-made accounts, a Debian Chromium, screenshots with an axe check, signing in and out through the UI,
 * and a plain HTTP client for setting things up or asking the registry.
 */

export const CHROMIUM = process.env.LUOSHI_CHROMIUM ?? "/usr/bin/chromium";
export const ROOT = join(import.meta.dirname, "../../../..");
export const SHOTS = join(ROOT, "test-results/screenshots");

export const hasChromium = existsSync(CHROMIUM);
if (!hasChromium && process.env.CI === "true") {
  throw new Error(`CI=true but no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
}

/** The server serves apps/web/dist; build it when a source is newer (a no-op when up to date). */
export function buildWebIfStale(): void {
  const build = spawnSync(process.execPath, ["--import", "tsx", "scripts/build-web-if-stale.ts"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  if (build.status !== 0) throw new Error(`web build failed:\n${build.stdout}\n${build.stderr}`);
}

export type Account =
  | { username: string; role: "office"; jurisdictionCode: string }
  | { username: string; role: "liaison"; jurisdictionCode: string; unitName: string };

export type TestServer = {
  server: RunningServer;
  /** Jurisdiction ids by code, unit ids by official name (for the accounts' units). */
  jurisdictions: Record<string, string>;
  units: Record<string, string>;
  close: () => Promise<void>;
};

/** The server with the starter registry and the given accounts (password TEST_PASSWORD, already changed). */
export async function startTestServer(accounts: readonly Account[]): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), "luoshi-web-plans-"));
  const server = await startServer(
    loadConfig({ LUOSHI_DATA_DIR: dataDir, LUOSHI_PORT: "0", LUOSHI_ADMIN_PASSWORD: "Admin-Pass-2026!" }),
    () => undefined,
  );
  const db = server.database.db;
  await seedStarterRegistry(db);
  const jurisdictions: Record<string, string> = {};
  const units: Record<string, string> = {};
  for (const account of accounts) {
    const jurisdiction = await findJurisdictionRowByCode(db, account.jurisdictionCode);
    if (!jurisdiction) throw new Error(`starter registry lacks ${account.jurisdictionCode}`);
    jurisdictions[account.jurisdictionCode] = jurisdiction.id;
    let unitId: string | null = null;
    if (account.role === "liaison") {
      const unit = (await findUnitRowsByOfficialName(db, jurisdiction.id, account.unitName))[0];
      if (!unit) throw new Error(`starter registry lacks ${account.unitName}`);
      units[account.unitName] = unitId = unit.id;
    }
    await insertTestUser(db, {
      username: account.username,
      roles: [account.role],
      jurisdictionId: jurisdiction.id,
      unitId,
    });
  }
  return {
    server,
    jurisdictions,
    units,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type Browser = {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions and console errors, minus the 401 a signed-out page load answers. */
  errors: () => string[];
  close: () => Promise<void>;
};

export async function launchBrowser(baseURL: string): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  const profileDir = mkdtempSync(join(tmpdir(), "luoshi-chromium-"));
  const context = await chromium.launchPersistentContext(profileDir, {
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
    baseURL,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const seen: string[] = [];
  page.on("pageerror", (error) => seen.push(error.message));
  page.on("console", (msg) => {
    if (msg.type() === "error") seen.push(msg.text());
  });
  return {
    context,
    page,
    // Signed-out page loads ask /api/auth/me first and get a 401: that is how the UI learns nobody is signed in.
    errors: () => seen.filter((e) => !/401|Unauthorized/.test(e)),
    close: async () => {
      await context.close();
      rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

/**
 * A screenshot in test-results/screenshots/ for a person to look at and, unless `axe: false` (a screen of a kind
 * already checked), an axe check (WCAG 2.1 A/AA) without serious or critical violations. Axe takes seconds on a
 * small machine, so long tables are best checked filtered down.
 */
export async function checkScreen(
  page: Page,
  name: string,
  options: { axe?: boolean; fullPage?: boolean } = {},
): Promise<void> {
  // Let antd's enter animations finish so the screenshot and the contrast check see the settled page.
  await page.waitForTimeout(400);
  // A full-page shot of an open dialog draws the mask over the first viewport only; shoot the viewport then.
  const dialogOpen = await page.getByRole("dialog").first().isVisible();
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: !dialogOpen && options.fullPage !== false });
  if (options.axe === false) return;
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = bad.map(
    (v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`,
  );
  expect(report, `axe on ${name}`).toEqual([]);
}

/** Signs in through the login form and starts from 工作台. */
export async function signIn(browser: Browser, username: string): Promise<void> {
  const { page } = browser;
  // A step that failed earlier may have left someone signed in.
  await browser.context.clearCookies();
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码").fill(TEST_PASSWORD);
  await page.getByRole("button", { name: /登\s*录/ }).click();
  // The login page returns to where the last session was; start every user from 工作台.
  await page.waitForURL((url) => url.pathname !== "/login");
  await page.goto("/");
  await expect.poll(() => page.getByRole("heading", { name: "工作台" }).isVisible()).toBe(true);
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "用户菜单" }).click();
  await page.getByRole("menuitem", { name: "退出登录" }).click();
  await page.waitForURL("**/login");
}

export type Api = {
  get: (url: string) => Promise<unknown>;
  send: (method: "POST" | "PATCH", url: string, body: unknown) => Promise<unknown>;
};

/** A plain HTTP client signed in as `username` (its own session): for setup and for the registry's answers. */
export async function apiAs(baseURL: string, username: string): Promise<Api> {
  const login = await fetch(`${baseURL}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: TEST_PASSWORD }),
  });
  if (!login.ok) throw new Error(`login ${username}: ${login.status}`);
  const me = meResponseSchema.parse(await login.json());
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
  const call = async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${baseURL}${url}`, {
      method,
      headers: {
        cookie,
        "x-csrf-token": me.csrfToken,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<unknown>;
  };
  return { get: (url) => call("GET", url), send: (method, url, body) => call(method, url, body) };
}

/**
 * Picks an option of an antd Select — typing `search` first when the select has a search box (pass null when
 * it has none) — and clicks the option once the dropdown has finished its opening animation (a click during the
 * animation can be lost).
 */
export async function chooseOption(
  page: Page,
  combobox: Locator,
  option: string,
  search: string | null = option,
): Promise<void> {
  await combobox.click();
  if (search !== null) await combobox.fill(search);
  const settled = page.locator('.ant-select-dropdown:visible:not([class*="-appear"]):not([class*="-enter"])');
  await settled.locator(".ant-select-item-option", { hasText: option }).first().click();
  await expect.poll(() => page.locator('.ant-select-dropdown:visible[class*="-leave"]').count()).toBe(0);
}
