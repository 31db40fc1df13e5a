import type { CalendarDayEntry, Deadline } from "@luoshi/contract";

/**
 * How the working-day calendar reads on screen: where an entry came from, the weekday, the month grids, and the
 * 期限推算 box's reading of a deadline as the plans write it. Pure.
 */

export const KIND_LABELS: Record<CalendarDayEntry["kind"], string> = { holiday: "放假", workday: "调休上班" };

export const BUILTIN_LABEL = "内置（chinese-days）";
export const MANUAL_LABEL = "办公室录入";

/** 内置（chinese-days） / 办公室录入 / the notice's title. */
export function sourceLabel(day: Pick<CalendarDayEntry, "origin" | "source">): string {
  if (day.origin === "builtin") return BUILTIN_LABEL;
  return day.source === "手工录入" ? MANUAL_LABEL : day.source;
}

const WEEKDAYS = ["日", "一", "二", "三", "四", "五", "六"];

/** 周一 … 周日 for an ISO date (read as a calendar day, no time zone involved). */
export function weekdayOf(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `周${WEEKDAYS[new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay()]}`;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * One month as the rows of a wall calendar, weeks starting on Monday (as Chinese calendars print them); null pads
 * the days before the 1st and after the last day.
 */
export function monthWeeks(year: number, month: number): (number | null)[][] {
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (number | null)[] = Array.from({ length: (first + 6) % 7 }, () => null);
  for (let d = 1; d <= days; d++) cells.push(d);
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

export function isWeekend(iso: string): boolean {
  const w = weekdayOf(iso);
  return w === "周六" || w === "周日";
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 5, 十, 十五, 二十, 三十 → numbers (deadlines use small ones). */
function amountOf(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const match = /^([一二两三四五六七八九])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!match || text === "") return undefined;
  const [, tens, ten, ones] = match;
  if (!ten) return tens ? CN_DIGITS[tens] : undefined;
  return (tens ? (CN_DIGITS[tens] ?? 0) : 1) * 10 + (ones ? (CN_DIGITS[ones] ?? 0) : 0);
}

const UNITS: Record<string, NonNullable<Deadline["unit"]>> = {
  工作日: "workday",
  日: "day",
  天: "day",
  月: "month",
  小时: "hour",
};

/**
 * A deadline as typed by a person into the 期限推算 box — “5个工作日内”, “30日内”, “1个月内”, “年底前”, “8月底前”,
 * “2027年3月31日前”, “长期” — as the contract's Deadline, or undefined when it is none of these.
 */
export function readDeadline(input: string): Deadline | undefined {
  const text = input.replace(/\s+/g, "");
  if (!text) return undefined;
  const within = /^([0-9一二两三四五六七八九十]+)个?(工作日|日|天|月|小时)(内|以内|之内)?$/.exec(text);
  if (within) {
    const amount = amountOf(within[1] ?? "");
    const unit = UNITS[within[2] ?? ""];
    return amount && unit ? { text, kind: "within", amount, unit } : undefined;
  }
  const full = /^(\d{4})年(\d{1,2})月(\d{1,2})日(前|之前|以前)?$/.exec(text);
  if (full) {
    const date = isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
    return { text, kind: "by", date };
  }
  if (/^(\d{1,2})月(\d{1,2}日|底|末)?(前|之前|以前)?$/.test(text) || /^(年底|年末|年内)(前|之前)?$/.test(text)) {
    return { text, kind: "by" };
  }
  const yearEnd = /^(\d{4})年(底|末)(前|之前)?$/.exec(text);
  if (yearEnd) return { text, kind: "by", date: isoDate(Number(yearEnd[1]), 12, 31) };
  if (/^(长期|持续|长期坚持|常态化)$/.test(text)) return { text, kind: "standing" };
  return undefined;
}
