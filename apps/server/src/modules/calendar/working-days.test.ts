import { describe, expect, it } from "vitest";
import type { Deadline } from "@luoshi/contract";
import { builtinDays, builtinYears } from "./builtin-calendar.ts";
import {
  addDays,
  addMonths,
  addWorkingDays,
  buildCalendar,
  countWorkingDays,
  isWorkingDay,
  resolveDeadline,
} from "./working-days.ts";

const cal = buildCalendar({ years: builtinYears(), days: builtinDays() });
const d = (text: string, rest: Omit<Deadline, "text">): Deadline => ({ text, ...rest });

describe("isWorkingDay", () => {
  it("follows the 2026 Spring Festival: 2月15日–23日 off, Saturdays 2月14日 and 2月28日 worked", () => {
    expect(isWorkingDay("2026-02-13", cal)).toBe(true);
    expect(isWorkingDay("2026-02-14", cal)).toBe(true); // Saturday, 调休上班
    for (let date = "2026-02-15"; date <= "2026-02-23"; date = addDays(date, 1)) {
      expect(isWorkingDay(date, cal), date).toBe(false);
    }
    expect(isWorkingDay("2026-02-24", cal)).toBe(true);
    expect(isWorkingDay("2026-02-28", cal)).toBe(true);
    expect(isWorkingDay("2026-03-01", cal)).toBe(false); // an ordinary Sunday
  });

  it("throws for a year without data instead of guessing Monday–Friday", () => {
    expect(() => isWorkingDay("2027-03-01", cal)).toThrow(/2027年/);
  });
});

describe("addWorkingDays counts from the day after the event", () => {
  it("skips the Spring Festival: published Friday 2026-02-13, 5个工作日内 → 2026-02-27", () => {
    // 2月14日 (Saturday make-up day) is the 1st, then 24, 25, 26, 27 February.
    expect(addWorkingDays("2026-02-13", 5, cal)).toEqual({ ok: true, date: "2026-02-27" });
  });

  it("counts 国庆 make-up Saturdays: 2025-09-26 + 5 → 2025-10-10, with 9月28日 and 10月11日 worked", () => {
    // 9/28 (Sun, make-up), 9/29, 9/30, then 10/1–8 off, 10/9, 10/10.
    expect(addWorkingDays("2025-09-26", 5, cal)).toEqual({ ok: true, date: "2025-10-10" });
    expect(addWorkingDays("2025-10-10", 1, cal)).toEqual({ ok: true, date: "2025-10-11" });
    expect(addWorkingDays("2026-09-30", 3, cal)).toEqual({ ok: true, date: "2026-10-10" });
  });

  it("never counts the event day itself, even a working day", () => {
    expect(addWorkingDays("2026-03-02", 1, cal)).toEqual({ ok: true, date: "2026-03-03" });
  });

  it("reports CALENDAR_YEAR_MISSING when the count runs into a year without data", () => {
    const result = addWorkingDays("2026-12-28", 5, cal);
    expect(result).toMatchObject({ ok: false, code: "CALENDAR_YEAR_MISSING" });
    expect(!result.ok && result.message).toMatch(/2027年.*luoshi calendar import/);
    // Inside 2026 it still works: 29, 30, 31 December.
    expect(addWorkingDays("2026-12-28", 3, cal)).toEqual({ ok: true, date: "2026-12-31" });
  });
});

describe("addMonths", () => {
  it("keeps the day of month, clamped to the end of a shorter month", () => {
    expect(addMonths("2026-03-15", 1)).toBe("2026-04-15");
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-08-31", 1)).toBe("2026-09-30");
    expect(addMonths("2026-12-15", 1)).toBe("2027-01-15");
  });
});

describe("countWorkingDays", () => {
  it("knows 2026 (261 weekdays − 19 holidays + 6 make-up days = 248) and not 2027", () => {
    expect(countWorkingDays(2026, cal)).toBe(248);
    expect(countWorkingDays(2027, cal)).toBeUndefined();
  });
});

describe("resolveDeadline", () => {
  const ctx = { planYear: 2026 };

  it("uses a by-deadline's date, or the plan's year when the parser had none", () => {
    expect(resolveDeadline(d("2020年底前", { kind: "by", date: "2020-12-31" }), ctx, cal)).toEqual({
      ok: true,
      date: "2020-12-31",
    });
    expect(resolveDeadline(d("年底前", { kind: "by" }), ctx, cal)).toEqual({ ok: true, date: "2026-12-31" });
    expect(resolveDeadline(d("年内", { kind: "by" }), ctx, cal)).toEqual({ ok: true, date: "2026-12-31" });
    expect(resolveDeadline(d("2月底前", { kind: "by" }), ctx, cal)).toEqual({ ok: true, date: "2026-02-28" });
    expect(resolveDeadline(d("6月15日前", { kind: "by" }), ctx, cal)).toEqual({ ok: true, date: "2026-06-15" });
    expect(resolveDeadline(d("尽快", { kind: "by" }), ctx, cal)).toMatchObject({
      ok: false,
      code: "DEADLINE_UNRESOLVABLE",
    });
  });

  it("puts a recurring deadline in the plan's year, or at its next occurrence after the event", () => {
    const annual = d("每年的 1 月 31 日前", { kind: "recurring", month: 1, day: 31 });
    expect(resolveDeadline(annual, ctx, cal)).toEqual({ ok: true, date: "2026-01-31" });
    expect(resolveDeadline(annual, { ...ctx, eventDate: "2026-03-01" }, cal)).toEqual({ ok: true, date: "2027-01-31" });
    expect(resolveDeadline(annual, { ...ctx, eventDate: "2026-01-31" }, cal)).toEqual({ ok: true, date: "2026-01-31" });
    const leap = d("每年2月29日前", { kind: "recurring", month: 2, day: 29 });
    expect(resolveDeadline(leap, { planYear: 2027 }, cal)).toEqual({ ok: true, date: "2027-02-28" });
  });

  it("counts within-deadlines from the event in each unit", () => {
    const at = { ...ctx, eventDate: "2026-02-13" };
    expect(resolveDeadline(d("5个工作日内", { kind: "within", amount: 5, unit: "workday" }), at, cal)).toEqual({
      ok: true,
      date: "2026-02-27",
    });
    expect(resolveDeadline(d("7日内", { kind: "within", amount: 7, unit: "day" }), at, cal)).toEqual({
      ok: true,
      date: "2026-02-20",
    });
    const month = d("征集结束后1个月内", { kind: "within", amount: 1, unit: "month" });
    expect(resolveDeadline(month, { ...ctx, eventDate: "2026-01-31" }, cal)).toEqual({ ok: true, date: "2026-02-28" });
    expect(resolveDeadline(d("24小时内", { kind: "within", amount: 24, unit: "hour" }), at, cal)).toEqual({
      ok: true,
      date: "2026-02-14",
    });
  });

  it("asks for the event date of a relative deadline, and for calendar data only when working days are needed", () => {
    const five = d("5个工作日内", { kind: "within", amount: 5, unit: "workday" });
    expect(resolveDeadline(five, ctx, cal)).toMatchObject({ ok: false, code: "EVENT_DATE_REQUIRED" });
    expect(resolveDeadline(five, { planYear: 2027, eventDate: "2027-03-01" }, cal)).toMatchObject({
      ok: false,
      code: "CALENDAR_YEAR_MISSING",
    });
    const sevenDays = d("7日内", { kind: "within", amount: 7, unit: "day" });
    expect(resolveDeadline(sevenDays, { planYear: 2027, eventDate: "2027-03-01" }, cal)).toEqual({
      ok: true,
      date: "2027-03-08",
    });
    expect(resolveDeadline(d("2027年底前", { kind: "by", date: "2027-12-31" }), { planYear: 2027 }, cal)).toEqual({
      ok: true,
      date: "2027-12-31",
    });
  });

  it("says plainly that a standing task has no date", () => {
    expect(resolveDeadline(d("长期坚持", { kind: "standing" }), ctx, cal)).toMatchObject({
      ok: true,
      date: null,
      standing: true,
    });
  });

  it("rejects an impossible event date", () => {
    const five = d("5个工作日内", { kind: "within", amount: 5, unit: "workday" });
    expect(resolveDeadline(five, { ...ctx, eventDate: "2026-02-30" }, cal)).toMatchObject({
      ok: false,
      code: "INVALID_DATE",
    });
  });

  it("lets office entries override the built-in data and extend the covered years", () => {
    const extended = buildCalendar({
      years: [...builtinYears(), 2027],
      days: [...builtinDays(), { date: "2027-01-01", kind: "holiday", name: "元旦" }],
    });
    expect(addWorkingDays("2026-12-31", 1, extended)).toEqual({ ok: true, date: "2027-01-04" });
    const override = buildCalendar({
      years: builtinYears(),
      days: [...builtinDays(), { date: "2026-03-09", kind: "holiday", name: "测试" }],
    });
    expect(addWorkingDays("2026-03-06", 1, override)).toEqual({ ok: true, date: "2026-03-10" });
  });
});
