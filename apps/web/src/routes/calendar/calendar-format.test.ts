import { describe, expect, it } from "vitest";
import { monthWeeks, readDeadline, sourceLabel, weekdayOf } from "./calendar-format.ts";

describe("calendar display", () => {
  it("names the source of a day the way the office does", () => {
    expect(sourceLabel({ origin: "builtin", source: "chinese-days" })).toBe("内置（chinese-days）");
    expect(sourceLabel({ origin: "office", source: "手工录入" })).toBe("办公室录入");
    expect(sourceLabel({ origin: "office", source: "国务院办公厅关于2027年部分节假日安排的通知" })).toBe(
      "国务院办公厅关于2027年部分节假日安排的通知",
    );
  });

  it("prints weekdays and Monday-first month grids", () => {
    expect(weekdayOf("2027-10-01")).toBe("周五");
    expect(weekdayOf("2026-11-22")).toBe("周日");
    // October 2027 starts on a Friday: four blanks, then 1, 2, 3 in the first week.
    const weeks = monthWeeks(2027, 10);
    expect(weeks[0]).toEqual([null, null, null, null, 1, 2, 3]);
    expect(weeks.flat().filter((d) => d !== null)).toHaveLength(31);
    expect(weeks.every((w) => w.length === 7)).toBe(true);
    // February 2027 starts on a Monday and fills exactly four weeks.
    expect(monthWeeks(2027, 2)).toHaveLength(4);
  });
});

describe("reading a deadline typed into 期限推算", () => {
  it("reads relative periods in working days, days, months", () => {
    expect(readDeadline("5个工作日内")).toEqual({ text: "5个工作日内", kind: "within", amount: 5, unit: "workday" });
    expect(readDeadline("二十个工作日内")).toMatchObject({ amount: 20, unit: "workday" });
    expect(readDeadline("十五日内")).toMatchObject({ amount: 15, unit: "day" });
    expect(readDeadline("1个月内")).toMatchObject({ amount: 1, unit: "month" });
  });

  it("reads end dates and standing tasks", () => {
    expect(readDeadline("年底前")).toEqual({ text: "年底前", kind: "by" });
    expect(readDeadline("8月底前")).toEqual({ text: "8月底前", kind: "by" });
    expect(readDeadline("2027年3月31日前")).toEqual({ text: "2027年3月31日前", kind: "by", date: "2027-03-31" });
    expect(readDeadline("2028年底前")).toMatchObject({ kind: "by", date: "2028-12-31" });
    expect(readDeadline("长期")).toEqual({ text: "长期", kind: "standing" });
  });

  it("refuses what it cannot read", () => {
    expect(readDeadline("")).toBeUndefined();
    expect(readDeadline("尽快")).toBeUndefined();
    expect(readDeadline("0个工作日内")).toBeUndefined();
  });
});
