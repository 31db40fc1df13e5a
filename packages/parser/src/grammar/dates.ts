import { chineseToNumber } from "./cn-numerals.ts";

const NUM = "(\\d{1,4}|[零〇○一二三四五六七八九十]+)";
const DATE_LINE = new RegExp(`^${NUM}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*日$`);
const PRINTED_LINE = new RegExp(`^(.*?)\\s*${NUM}\\s*年\\s*${NUM}\\s*月\\s*${NUM}\\s*日\\s*印\\s*发$`);

export function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function lastDayOfMonth(year: number, month: number): string | undefined {
  return isoDate(year, month, daysInMonth(year, month));
}

function toIso(y: string, m: string, d: string): string | undefined {
  const year = chineseToNumber(y);
  const month = chineseToNumber(m);
  const day = chineseToNumber(d);
  if (year === undefined || month === undefined || day === undefined || year < 1900 || year > 2200) return undefined;
  return isoDate(year, month, day);
}

/** A line that is only a date, as 成文日期 is printed: "2022 年 7 月 18 日", "二〇一九年四月十七日". */
export function readDateLine(line: string): string | undefined {
  const m = DATE_LINE.exec(line.trim());
  return m?.[1] && m[2] && m[3] ? toIso(m[1], m[2], m[3]) : undefined;
}

/** 印发机关和印发日期: "江门市人民政府办公室秘书科 2022年7月25日印发" (the organ may stand on the line before). */
export function readPrintedLine(line: string): { by: string | null; date: string | undefined } | undefined {
  const m = PRINTED_LINE.exec(line.trim());
  if (!m?.[2] || !m[3] || !m[4]) return undefined;
  const by = (m[1] ?? "").trim();
  return { by: by.length > 0 ? by : null, date: toIso(m[2], m[3], m[4]) };
}
