import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  calendarDaySchema,
  calendarNoticeResultSchema,
  calendarYearSchema,
  resolveDeadlineResponseSchema,
} from "@luoshi/contract";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { findAudit } from "../src/modules/audit/audit.repository.ts";
import { seedTwoCities, signIn, type Client, type TwoCities } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { runCli } from "./support/run-cli.ts";

const NOTICE_2027 = readFileSync(
  new URL("../src/modules/calendar/fixtures/notice-2027-example.txt", import.meta.url),
  "utf8",
);
const FIVE_WORKDAYS = { text: "5个工作日内", kind: "within", amount: 5, unit: "workday" } as const;

describe.each(dialects())("working-day calendar on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let org: TwoCities;
  let office: Client;
  let liaison: Client;
  let viewer: Client;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    org = await seedTwoCities(database.db);
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir, LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000" });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
    office = await signIn(app, org.jm.users.office.username);
    liaison = await signIn(app, org.jm.users.liaison.username);
    viewer = await signIn(app, org.jm.users.viewer.username);
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  const post = (client: Client, url: string, payload: object) =>
    app.inject({ method: "POST", url, headers: client.headers, payload });
  const resolve = async (client: Client, eventDate: string, planYear = 2027) => {
    const res = await post(client, "/api/calendar/resolve", {
      deadline: FIVE_WORKDAYS,
      context: { planYear, eventDate },
    });
    expect(res.statusCode).toBe(200);
    return resolveDeadlineResponseSchema.parse(res.json());
  };

  it("serves a built-in year to every role, with sources and the count of working days", async () => {
    const res = await app.inject({ method: "GET", url: "/api/calendar/2026", headers: liaison.headers });
    expect(res.statusCode).toBe(200);
    const year = calendarYearSchema.parse(res.json());
    expect(year).toMatchObject({ year: 2026, covered: true, coverage: "builtin", workingDays: 248 });
    expect(year.days.find((d) => d.date === "2026-02-14")).toMatchObject({
      kind: "workday",
      name: "春节",
      origin: "builtin",
      source: "chinese-days",
    });
  });

  it("refuses 2027 working-day math before the office adds 2027, and says how to fix it", async () => {
    const result = await resolve(viewer, "2027-03-01");
    expect(result).toMatchObject({ ok: false, code: "CALENDAR_YEAR_MISSING" });
    expect(!result.ok && result.message).toContain("2027年");
    const year = calendarYearSchema.parse(
      (await app.inject({ method: "GET", url: "/api/calendar/2027", headers: viewer.headers })).json(),
    );
    expect(year).toMatchObject({ covered: false, coverage: null, workingDays: null, days: [] });
  });

  it("does not let a liaison write the calendar", async () => {
    const day = await post(liaison, "/api/calendar/days", { date: "2027-01-01", kind: "holiday", name: "元旦" });
    expect(day.statusCode).toBe(403);
    const notice = await post(liaison, "/api/calendar/notice", { text: NOTICE_2027 });
    expect(notice.statusCode).toBe(403);
    expect(await database.db.selectFrom("calendar_days").selectAll().execute()).toEqual([]);
  });

  it("previews a notice with dryRun=true without writing anything", async () => {
    const res = await post(office, "/api/calendar/notice?dryRun=true", { text: NOTICE_2027 });
    expect(res.statusCode).toBe(200);
    const preview = calendarNoticeResultSchema.parse(res.json());
    expect(preview).toMatchObject({ year: 2027, dryRun: true, warnings: [] });
    expect(preview.days.every((d) => d.change === "added")).toBe(true);
    expect(await database.db.selectFrom("calendar_days").selectAll().execute()).toEqual([]);
    expect(await findAudit(database.db, { entity: "calendar_year" })).toEqual([]);
  });

  it("imports the 2027 notice: days stored, year complete, one audit row; then 2027 resolves", async () => {
    const res = await post(office, "/api/calendar/notice", { text: NOTICE_2027 });
    expect(res.statusCode).toBe(200);
    const result = calendarNoticeResultSchema.parse(res.json());
    expect(result.dryRun).toBe(false);
    expect(result.workingDays).toBeGreaterThan(240);

    const audit = await findAudit(database.db, { entity: "calendar_year", entityId: "2027" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "calendar.notice.imported", actor_id: office.userId });

    // 2027-02-04 (Thursday before the Spring Festival): 2/5–2/13 off, then 2/15 … 2/19.
    expect(await resolve(liaison, "2027-02-04")).toEqual({ ok: true, date: "2027-02-19" });
    const year = calendarYearSchema.parse(
      (await app.inject({ method: "GET", url: "/api/calendar/2027", headers: viewer.headers })).json(),
    );
    expect(year).toMatchObject({ covered: true, coverage: "office", coverageSource: result.title });
    expect(year.days.find((d) => d.date === "2027-02-20")).toMatchObject({ kind: "workday", origin: "office" });
  });

  it("lets the office change a day, overriding the built-in data, with the audit row", async () => {
    const res = await post(office, "/api/calendar/days", { date: "2026-03-09", kind: "holiday", name: "测试调整" });
    expect(res.statusCode).toBe(200);
    expect(calendarDaySchema.parse(res.json())).toMatchObject({ origin: "office", source: "手工录入" });
    // 2026-03-06 is a Friday; with Monday 3月9日 off, the first working day after it is 3月10日.
    const result = await post(office, "/api/calendar/resolve", {
      deadline: { ...FIVE_WORKDAYS, amount: 1 },
      context: { planYear: 2026, eventDate: "2026-03-06" },
    });
    expect(result.json()).toEqual({ ok: true, date: "2026-03-10" });
    const audit = await findAudit(database.db, { entity: "calendar_day", entityId: "2026-03-09" });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "calendar.day.set", actor_id: office.userId });
  });

  it("re-importing a notice reports its days as unchanged", async () => {
    const res = await post(office, "/api/calendar/notice?dryRun=true", { text: NOTICE_2027 });
    const preview = calendarNoticeResultSchema.parse(res.json());
    expect(preview.days.every((d) => d.change === "unchanged")).toBe(true);
  });

  it("rejects text that is not a notice with a Chinese message", async () => {
    const res = await post(office, "/api/calendar/notice", { text: "关于做好2027年政务公开工作的通知" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/节假日安排/);
  });
});

describe.each(dialects())("luoshi calendar on %s", (dialect) => {
  let database: TestDatabase;
  let env: NodeJS.ProcessEnv;
  const noticePath = fileURLToPath(
    new URL("../src/modules/calendar/fixtures/notice-2027-example.txt", import.meta.url),
  );

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    env = { ...process.env, LUOSHI_DATA_DIR: database.dataDir, LUOSHI_DATABASE_URL: database.url ?? "" };
  });
  afterAll(async () => {
    await database.drop();
  });

  it("imports a saved notice (preview first), marks the year complete and shows it", async () => {
    const before = await runCli(["calendar", "show", "2027", "--json"], { env });
    expect(before.code, before.stderr).toBe(0);
    expect(calendarYearSchema.parse(JSON.parse(before.stdout))).toMatchObject({ covered: false });

    const preview = await runCli(["calendar", "import", noticePath, "--dry-run"], { env });
    expect(preview.code, preview.stderr).toBe(0);
    expect(preview.stdout).toContain("预览");
    expect(await database.db.selectFrom("calendar_years").selectAll().execute()).toEqual([]);

    const run = await runCli(["calendar", "import", noticePath], { env });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/新增 35.*2027年已标记为完整/);
    const audit = await findAudit(database.db, { entity: "calendar_year", entityId: "2027" });
    expect(audit).toMatchObject([{ action: "calendar.notice.imported", actor_id: null }]);

    const shown = await runCli(["calendar", "show", "2027"], { env });
    expect(shown.stdout).toContain("2027-02-20 周六  调休上班  春节");
    expect(shown.stdout).toMatch(/全年工作日数 \/ working days: \d{3}/);
  });

  it("fails with the JSON error body on a bad year or a file that is not a notice", async () => {
    const bad = await runCli(["calendar", "show", "27"], { env });
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error.code).toBe("USAGE_ERROR");
    const notNotice = await runCli(["calendar", "import", fileURLToPath(import.meta.url)], { env });
    expect(notNotice.code).toBe(2);
    expect(JSON.parse(notNotice.stderr).error.code).toBe("VALIDATION_FAILED");
  });
});
