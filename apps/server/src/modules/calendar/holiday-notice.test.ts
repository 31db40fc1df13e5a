import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { builtinDays } from "./builtin-calendar.ts";
import { parseHolidayNotice, type ParsedNotice } from "./holiday-notice.ts";

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8");

function parsed(text: string, options: { year?: number } = {}): ParsedNotice {
  const result = parseHolidayNotice(text, options);
  if (!result.ok) throw new Error(result.message);
  return result.notice;
}
const dates = (notice: ParsedNotice, kind: "holiday" | "workday") =>
  notice.days.filter((d) => d.kind === kind).map((d) => d.date);

describe("parseHolidayNotice", () => {
  it("reads the 2026 notice exactly as chinese-days has it (validating the parser against the package)", () => {
    const notice = parsed(fixture("notice-2026.txt"));
    expect(notice.year).toBe(2026);
    expect(notice.title).toBe("国务院办公厅关于2026年部分节假日安排的通知");
    expect(notice.warnings).toEqual([]);
    const simplify = (days: readonly { date: string; kind: string }[]) => days.map((d) => `${d.date} ${d.kind}`).sort();
    expect(simplify(notice.days)).toEqual(simplify(builtinDays(2026)));
  });

  it("reads the 2025 notice: a single-day 元旦, ranges across months, 国庆节、中秋节 together", () => {
    const notice = parsed(fixture("notice-2025.txt"));
    expect(notice.year).toBe(2025);
    expect(notice.warnings).toEqual([]);
    expect(dates(notice, "workday")).toEqual(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]);
    expect(dates(notice, "holiday")).toHaveLength(1 + 8 + 3 + 5 + 3 + 8);
    expect(dates(notice, "holiday")).toEqual(
      expect.arrayContaining(["2025-01-01", "2025-05-31", "2025-06-01", "2025-06-02"]),
    );
    expect(notice.days.find((d) => d.date === "2025-10-06")?.name).toBe("国庆节、中秋节");
    const simplify = (days: readonly { date: string; kind: string }[]) => days.map((d) => `${d.date} ${d.kind}`).sort();
    expect(simplify(notice.days)).toEqual(simplify(builtinDays(2025)));
  });

  it("takes explicit years of a range across the new year (2023 notice wording)", () => {
    const notice = parsed(
      "国务院办公厅关于2023年部分节假日安排的通知\n一、元旦：2022年12月31日至2023年1月2日放假调休，共3天。\n",
    );
    expect(dates(notice, "holiday")).toEqual(["2022-12-31", "2023-01-01", "2023-01-02"]);
  });

  it("accepts 星期X, one line for everything, and ignores dates that are neither 放假 nor 上班 (2024 wording)", () => {
    const notice = parsed(
      "现将2024年元旦、春节放假调休日期的具体安排通知如下。一、元旦：1月1日放假，与周末连休。" +
        "二、春节：2月10日至17日放假调休，共8天。2月4日（星期日）、2月18日（星期日）上班。" +
        "鼓励各单位结合带薪年休假等制度落实，安排职工在除夕（2月9日）休息。",
    );
    expect(notice.year).toBe(2024);
    expect(dates(notice, "holiday")).toHaveLength(9);
    expect(dates(notice, "holiday")).not.toContain("2024-02-09");
    expect(dates(notice, "workday")).toEqual(["2024-02-04", "2024-02-18"]);
    expect(notice.warnings).toEqual([]);
  });

  it("warns when a stated weekday or day count does not match the dates", () => {
    const notice = parsed("关于2026年部分节假日安排的通知\n一、元旦：1月1日（周五）至3日放假，共4天。\n", {
      year: 2026,
    });
    expect(notice.warnings.map((w) => w.code)).toEqual(["WEEKDAY_MISMATCH", "COUNT_MISMATCH"]);
  });

  it("returns failures as values: no year, no items, a year other than the one asked for", () => {
    expect(parseHolidayNotice("一、元旦：1月1日放假。")).toMatchObject({ ok: false, code: "NOTICE_YEAR_MISSING" });
    expect(parseHolidayNotice("一、元旦：1月1日放假。", { year: 2030 })).toMatchObject({ ok: true });
    expect(parseHolidayNotice("国务院办公厅关于2027年部分节假日安排的通知")).toMatchObject({
      ok: false,
      code: "NOTICE_EMPTY",
    });
    expect(parseHolidayNotice(fixture("notice-2026.txt"), { year: 2027 })).toMatchObject({
      ok: false,
      code: "NOTICE_YEAR_MISMATCH",
    });
  });

  it("reads the invented 2027 example without warnings", () => {
    const notice = parsed(fixture("notice-2027-example.txt"));
    expect(notice.year).toBe(2027);
    expect(notice.warnings).toEqual([]);
    expect(dates(notice, "workday")).toEqual([
      "2027-01-31",
      "2027-02-20",
      "2027-04-25",
      "2027-05-08",
      "2027-09-26",
      "2027-10-09",
    ]);
  });
});
