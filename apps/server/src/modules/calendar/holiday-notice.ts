import { addDays, formatDate, parseDate, weekday } from "./iso-date.ts";
import type { CalendarDay } from "./working-days.ts";

/**
 * Reads the State Council General Office's yearly notice (国务院办公厅关于XXXX年部分节假日安排的通知) into holidays
 * and make-up working days. Pure: text in, days and warnings out; expected failures are values.
 *
 * Each arrangement is one numbered item: “二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，
 * 共9天。2月14日（周六）、2月28日（周六）上班。” A date without a year takes the notice's year, a range end without a
 * month takes the start's month, and a range may cross months (5月31日至6月2日) or years (2022年12月31日至2023年1月2日).
 */

export type NoticeWarning = {
  code: "WEEKDAY_MISMATCH" | "COUNT_MISMATCH" | "ITEM_UNPARSED" | "DUPLICATE_DATE";
  message: string;
};
export type ParsedNotice = { year: number; title: string | null; days: CalendarDay[]; warnings: NoticeWarning[] };
export type NoticeResult =
  | { ok: true; notice: ParsedNotice }
  | { ok: false; code: "NOTICE_YEAR_MISSING" | "NOTICE_EMPTY" | "NOTICE_YEAR_MISMATCH"; message: string };

const TITLE = /国务院办公厅关于\s*(\d{4})\s*年部分节假日安排的通知/;
const YEAR_IN_PREAMBLE = /现将\s*(\d{4})\s*年/;
// “一、元旦：” — the name stops at the colon; “各地区、各部门” never matches because 区 is not a numeral.
const ITEM = /([一二三四五六七八九十]+)、\s*([^：:\n。，]{1,30}?)\s*[：:]/g;
const DATE = /(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日(?:\s*[（(]([^）)]*)[）)])?/g;
const RANGE_JOINER = /^\s*(?:至|到|—|－|-|～|~)\s*$/;
const WEEKDAYS = "日一二三四五六";

type Token = { date: string; note: string; start: number; end: number };
type Item = { name: string; body: string };

export function parseHolidayNotice(text: string, options: { year?: number } = {}): NoticeResult {
  const normalized = normalize(text);
  const title = TITLE.exec(normalized);
  const stated = Number(title?.[1] ?? YEAR_IN_PREAMBLE.exec(normalized)?.[1] ?? NaN);
  const year = Number.isNaN(stated) ? options.year : stated;
  if (year === undefined) {
    return {
      ok: false,
      code: "NOTICE_YEAR_MISSING",
      message: "通知中未找到年份（如“关于2027年部分节假日安排的通知”），请保留标题或指定年份",
    };
  }
  if (options.year !== undefined && options.year !== year) {
    return { ok: false, code: "NOTICE_YEAR_MISMATCH", message: `通知是${year}年的安排，与指定的${options.year}年不符` };
  }
  const items = findItems(normalized);
  if (items.length === 0) {
    return { ok: false, code: "NOTICE_EMPTY", message: "未找到节假日安排条目（应如“一、元旦：1月1日放假，共1天。”）" };
  }
  const warnings: NoticeWarning[] = [];
  const byDate = new Map<string, CalendarDay>();
  for (const item of items) {
    const days = parseItem(item, year, warnings);
    if (days.length === 0) {
      warnings.push({
        code: "ITEM_UNPARSED",
        message: `“${item.name}”一项未找到放假或上班日期：${item.body.slice(0, 60)}`,
      });
    }
    for (const day of days) {
      const previous = byDate.get(day.date);
      if (previous) {
        warnings.push({
          code: "DUPLICATE_DATE",
          message: `${day.date} 在“${previous.name}”和“${day.name}”中都出现，以后者为准`,
        });
      }
      byDate.set(day.date, day);
    }
  }
  const days = [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
  return { ok: true, notice: { year, title: title?.[0] ?? null, days, warnings } };
}

/** Full-width digits and 星期X appear in notices copied from some sites; the grammar below expects 0-9 and 周X. */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/星期([日天一二三四五六])/g, "周$1")
    .replace(/\r\n?/g, "\n");
}

function findItems(text: string): Item[] {
  const headers = [...text.matchAll(ITEM)];
  return headers.map((m, i) => {
    const from = (m.index ?? 0) + m[0].length;
    const to = headers[i + 1]?.index ?? text.length;
    // One item per line in the published layout; the closing paragraph on the next line is not part of it.
    const body = text.slice(from, to).split("\n")[0] ?? "";
    return { name: (m[2] ?? "").trim(), body };
  });
}

/** “…放假…” sentences give holidays (the dates before 放假), “…上班” sentences give make-up working days. */
function parseItem(item: Item, year: number, warnings: NoticeWarning[]): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const sentence of item.body.split(/[。；;]/)) {
    const off = sentence.indexOf("放假");
    if (off >= 0) {
      const holidays = holidayDates(sentence.slice(0, off), year, item.name, warnings);
      const total = /共\s*(\d+)\s*天/.exec(sentence.slice(off));
      if (total && Number(total[1]) !== holidays.length) {
        warnings.push({
          code: "COUNT_MISMATCH",
          message: `“${item.name}”写明共${total[1]}天，按日期计为${holidays.length}天`,
        });
      }
      days.push(...holidays.map((date) => ({ date, kind: "holiday" as const, name: item.name })));
    } else if (/上班/.test(sentence)) {
      const before = sentence.slice(0, sentence.lastIndexOf("上班"));
      const tokens = dateTokens(before, year, item.name, warnings);
      days.push(...tokens.map((t) => ({ date: t.date, kind: "workday" as const, name: item.name })));
    }
  }
  return days;
}

function holidayDates(segment: string, year: number, name: string, warnings: NoticeWarning[]): string[] {
  const tokens = dateTokens(segment, year, name, warnings);
  const dates: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    const next = tokens[i + 1];
    if (next && RANGE_JOINER.test(segment.slice(token.end, next.start))) {
      for (let d = token.date; d <= next.date; d = addDays(d, 1)) dates.push(d);
      i++;
    } else {
      dates.push(token.date);
    }
  }
  return dates;
}

/** Dates in order, each missing year or month taken from the date before it (or the notice's year). */
function dateTokens(segment: string, noticeYear: number, name: string, warnings: NoticeWarning[]): Token[] {
  const tokens: Token[] = [];
  let year = noticeYear;
  let month: number | undefined;
  for (const m of segment.matchAll(DATE)) {
    const explicitMonth = m[2] === undefined ? undefined : Number(m[2]);
    if (m[1] !== undefined) year = Number(m[1]);
    // A range end earlier in the year than its start (12月30日至1月1日 without years) belongs to the next year.
    else if (explicitMonth !== undefined && month !== undefined && explicitMonth < month) year++;
    month = explicitMonth ?? month;
    if (month === undefined) continue;
    const date = formatDate(year, month, Number(m[3]));
    if (!parseDate(date)) continue;
    const note = m[4] ?? "";
    checkWeekday(date, note, name, warnings);
    const start = m.index ?? 0;
    tokens.push({ date, note, start, end: start + m[0].length });
  }
  return tokens;
}

function checkWeekday(date: string, note: string, name: string, warnings: NoticeWarning[]): void {
  const stated = /周([日天一二三四五六])/.exec(note)?.[1];
  if (stated === undefined) return;
  const actual = WEEKDAYS[weekday(date)] as string;
  if ((stated === "天" ? "日" : stated) !== actual) {
    warnings.push({
      code: "WEEKDAY_MISMATCH",
      message: `“${name}”中 ${date} 注明周${stated}，实为周${actual}，请核对年份和日期`,
    });
  }
}
