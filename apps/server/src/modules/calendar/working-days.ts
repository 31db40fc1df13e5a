import type { Deadline } from "@luoshi/contract";
import { addDays, addMonths, daysInMonth, formatDate, parseDate, weekday, yearOf } from "./iso-date.ts";

export { addDays, addMonths } from "./iso-date.ts";

/**
 * The Chinese working-day calendar (工作日): Monday–Friday, minus statutory holidays (法定节假日 and the days moved
 * next to them, 放假调休), plus the official make-up working days (调休上班, usually a Saturday or Sunday). Pure:
 * the service assembles a calendar from the built-in data and the office's own entries.
 */

export type DayKind = "holiday" | "workday";
export type CalendarDay = { date: string; kind: DayKind; name: string };

export type WorkCalendar = {
  /** Years whose whole schedule is known. Outside them working days cannot be counted, only guessed. */
  coveredYears: ReadonlySet<number>;
  /** The exceptions to Monday–Friday, by date. */
  days: ReadonlyMap<string, CalendarDay>;
};

export function buildCalendar(input: { years: Iterable<number>; days: Iterable<CalendarDay> }): WorkCalendar {
  const days = new Map<string, CalendarDay>();
  // Later entries win, so callers list the built-in data first and the office's overrides after it.
  for (const day of input.days) days.set(day.date, day);
  return { coveredYears: new Set(input.years), days };
}

export type ResolveErrorCode =
  "CALENDAR_YEAR_MISSING" | "EVENT_DATE_REQUIRED" | "DEADLINE_INCOMPLETE" | "DEADLINE_UNRESOLVABLE" | "INVALID_DATE";
export type ResolveFailure = { ok: false; code: ResolveErrorCode; message: string };
export type DateResult = { ok: true; date: string } | ResolveFailure;
export type Resolution = DateResult | { ok: true; date: null; standing: true; message: string };

export function calendarYearMissing(year: number): ResolveFailure {
  return {
    ok: false,
    code: "CALENDAR_YEAR_MISSING",
    message:
      `尚无${year}年的节假日安排，无法按工作日计算。请在国务院办公厅发布《关于${year}年部分节假日安排的通知》后，` +
      `将通知全文导入工作日历（命令 luoshi calendar import 通知.txt，或在系统“工作日历”中粘贴通知），` +
      `或录入${year}年的全部节假日和调休上班日并标记该年已完整。`,
  };
}

/** Thrown by isWorkingDay for a year without data; the functions returning results turn it into a value. */
export class CalendarYearMissingError extends Error {
  readonly code = "CALENDAR_YEAR_MISSING";
  constructor(readonly year: number) {
    super(calendarYearMissing(year).message);
    this.name = "CalendarYearMissingError";
  }
}

export function hasYear(cal: WorkCalendar, year: number): boolean {
  return cal.coveredYears.has(year);
}

export function isWorkingDay(date: string, cal: WorkCalendar): boolean {
  const year = yearOf(date);
  if (!hasYear(cal, year)) throw new CalendarYearMissingError(year);
  const exception = cal.days.get(date);
  if (exception) return exception.kind === "workday";
  const dow = weekday(date);
  return dow !== 0 && dow !== 6;
}

/**
 * The `n`th working day after `eventDate`. The event's own day never counts, even when it is a working day
 * (“公布后5个工作日内”: a policy published on Friday 2月13日 before the Spring Festival has until 2月27日).
 */
export function addWorkingDays(eventDate: string, n: number, cal: WorkCalendar): DateResult {
  if (!parseDate(eventDate)) return invalidDate(eventDate);
  let date = eventDate;
  let counted = 0;
  try {
    while (counted < n) {
      date = addDays(date, 1);
      if (isWorkingDay(date, cal)) counted++;
    }
  } catch (error) {
    if (error instanceof CalendarYearMissingError) return calendarYearMissing(error.year);
    throw error;
  }
  return { ok: true, date };
}

/** How many working days a covered year has (about 250). */
export function countWorkingDays(year: number, cal: WorkCalendar): number | undefined {
  if (!hasYear(cal, year)) return undefined;
  let count = 0;
  for (let date = formatDate(year, 1, 1); yearOf(date) === year; date = addDays(date, 1)) {
    if (isWorkingDay(date, cal)) count++;
  }
  return count;
}

export type ResolveContext = { planYear: number; eventDate?: string | undefined };

/** A deadline as the parser emits it → the last day to act on, in the plan's year or after its event. */
export function resolveDeadline(deadline: Deadline, context: ResolveContext, cal: WorkCalendar): Resolution {
  if (context.eventDate !== undefined && !parseDate(context.eventDate)) return invalidDate(context.eventDate);
  switch (deadline.kind) {
    case "by":
      return resolveBy(deadline, context.planYear);
    case "recurring":
      return resolveRecurring(deadline, context);
    case "within":
      return resolveWithin(deadline, context.eventDate, cal);
    case "standing":
      return { ok: true, date: null, standing: true, message: `“${deadline.text}”为长期任务，没有截止日期` };
  }
}

function resolveBy(deadline: Deadline, planYear: number): DateResult {
  if (deadline.date) return parseDate(deadline.date) ? { ok: true, date: deadline.date } : invalidDate(deadline.date);
  // The parser leaves the date out when the document's year was unknown (“8月底前”, “年底前”): the plan's year fills it.
  const text = deadline.text.replace(/\s+/g, "");
  const dayOfMonth = /(\d{1,2})月(\d{1,2})日/.exec(text);
  if (dayOfMonth) return dateIn(planYear, Number(dayOfMonth[1]), Number(dayOfMonth[2]), deadline.text);
  const month = /(\d{1,2})月/.exec(text);
  if (month) {
    const m = Number(month[1]);
    return m >= 1 && m <= 12
      ? { ok: true, date: formatDate(planYear, m, daysInMonth(planYear, m)) }
      : unresolvable(deadline);
  }
  if (/年底|年末|年内/.test(text)) return { ok: true, date: formatDate(planYear, 12, 31) };
  return unresolvable(deadline);
}

function resolveRecurring(deadline: Deadline, context: ResolveContext): DateResult {
  const { month, day } = deadline;
  if (month === undefined || day === undefined) return incomplete(deadline, "缺少月、日");
  if (context.eventDate === undefined) return clampedDate(context.planYear, month, day);
  // The next occurrence on or after the event: on the day itself the yearly deadline has not passed yet.
  const year = yearOf(context.eventDate);
  const thisYear = clampedDate(year, month, day);
  if (thisYear.ok && thisYear.date >= context.eventDate) return thisYear;
  return clampedDate(year + 1, month, day);
}

function resolveWithin(deadline: Deadline, eventDate: string | undefined, cal: WorkCalendar): DateResult {
  const { amount, unit } = deadline;
  if (amount === undefined || unit === undefined) return incomplete(deadline, "缺少数量或单位");
  if (eventDate === undefined) {
    return {
      ok: false,
      code: "EVENT_DATE_REQUIRED",
      message: `“${deadline.text}”从某一事件起算（如文件公布、征集结束），请提供起算日期`,
    };
  }
  switch (unit) {
    case "workday":
      return addWorkingDays(eventDate, amount, cal);
    case "day":
      return { ok: true, date: addDays(eventDate, amount) };
    case "month":
      return { ok: true, date: addMonths(eventDate, amount) };
    case "hour":
      // Only dates are tracked: N hours from some moment of the event day end at the latest N/24 days later.
      return { ok: true, date: addDays(eventDate, Math.ceil(amount / 24)) };
  }
}

/** 2月29日 in a year without one means the last day of February. */
function clampedDate(year: number, month: number, day: number): DateResult {
  if (month < 1 || month > 12 || day < 1 || day > 31) return invalidDate(`${year}-${month}-${day}`);
  return { ok: true, date: formatDate(year, month, Math.min(day, daysInMonth(year, month))) };
}

function dateIn(year: number, month: number, day: number, text: string): DateResult {
  const date = formatDate(year, month, day);
  return parseDate(date) ? { ok: true, date } : invalidDate(text);
}

const invalidDate = (value: string): ResolveFailure => ({
  ok: false,
  code: "INVALID_DATE",
  message: `日期无效：${value}（应为 YYYY-MM-DD 格式的实际日期）`,
});

const incomplete = (deadline: Deadline, what: string): ResolveFailure => ({
  ok: false,
  code: "DEADLINE_INCOMPLETE",
  message: `时限“${deadline.text}”信息不完整（${what}），无法计算日期`,
});

const unresolvable = (deadline: Deadline): ResolveFailure => ({
  ok: false,
  code: "DEADLINE_UNRESOLVABLE",
  message: `无法从“${deadline.text}”确定截止日期，请人工填写`,
});
