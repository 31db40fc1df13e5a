import { describe, expect, it } from "vitest";
import { buildCalendar } from "../calendar/working-days.ts";
import { resolveItemDeadlines } from "./deadline-resolution.ts";

const calendar = buildCalendar({ years: [2022], days: [] });

describe("deadlines of a published item", () => {
  it("dates absolute deadlines in the plan's year and recurring ones after the plan was issued", () => {
    const resolved = resolveItemDeadlines(
      [
        { text: "2022年底前", kind: "by", date: "2022-12-31" },
        { text: "9月底前", kind: "by" },
        { text: "每年的 1 月 31 日前", kind: "recurring", month: 1, day: 31 },
      ],
      { planYear: 2022, issuedOn: "2022-07-18" },
      calendar,
    );
    expect(resolved.map((d) => [d.resolvedDate, d.note])).toEqual([
      ["2022-12-31", null],
      ["2022-09-30", null],
      ["2023-01-31", null],
    ]);
  });

  it("never guesses: standing, event-based and yearless deadlines keep a note instead of a date", () => {
    const resolved = resolveItemDeadlines(
      [
        { text: "长期坚持", kind: "standing" },
        { text: "公布后5个工作日内", kind: "within", amount: 5, unit: "workday" },
        { text: "8月底前", kind: "by" },
        { text: "2024年底前", kind: "by", date: "2024-12-31" },
      ],
      { planYear: null, issuedOn: null },
      calendar,
    );
    expect(resolved.map((d) => d.resolvedDate)).toEqual([null, null, null, "2024-12-31"]);
    expect(resolved[0]?.note).toContain("长期");
    expect(resolved[1]?.note).toContain("起算日期");
    expect(resolved[2]?.note).toBe("方案未注明年度，无法确定“8月底前”的日期");
  });
});
