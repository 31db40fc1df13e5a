/**
 * Calendar-date arithmetic on "YYYY-MM-DD" strings. Deadlines are whole days in China's one time zone, so dates
 * are computed in UTC and never pass through local time (a server in another zone must not shift a day).
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type YearMonthDay = { year: number; month: number; day: number };

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}

export function formatDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${pad2(month)}-${pad2(day)}`;
}

/** The parts of a real calendar date; undefined for malformed strings and days that do not exist (2026-02-30). */
export function parseDate(date: string): YearMonthDay | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

export function isValidDate(date: string): boolean {
  return parseDate(date) !== undefined;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const toUtc = (date: string): number => {
  const p = parseDate(date);
  if (!p) throw new RangeError(`不是有效日期：${date}`);
  return Date.UTC(p.year, p.month - 1, p.day);
};
const fromUtc = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: string, n: number): string {
  return fromUtc(toUtc(date) + n * DAY_MS);
}

/**
 * The same day `n` months later, clamped to the end of a shorter month: 征集结束 on 1月31日 + 1个月 → 2月28日/29日
 * (the rule 民法典 第二百零二条 gives for periods counted in months).
 */
export function addMonths(date: string, n: number): string {
  const p = parseDate(date);
  if (!p) throw new RangeError(`不是有效日期：${date}`);
  const index = p.year * 12 + (p.month - 1) + n;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return formatDate(year, month, Math.min(p.day, daysInMonth(year, month)));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(toUtc(date)).getUTCDay();
}

export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
