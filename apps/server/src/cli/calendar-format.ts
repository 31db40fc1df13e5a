import type { CalendarDayEntry, CalendarNoticeResult, CalendarYear, NoticeDayChange } from "@luoshi/contract";
import { weekday } from "../modules/calendar/iso-date.ts";

/** Plain-text views of the calendar for the terminal: one line per day, Chinese first. */

const WEEKDAYS = "日一二三四五六";
const KIND = { holiday: "放假", workday: "调休上班" } as const;
const CHANGE = { added: "新增", changed: "改动", unchanged: "不变" } as const;

const weekdayOf = (date: string) => `周${WEEKDAYS[weekday(date)] ?? ""}`;

export function formatCalendarYear(cal: CalendarYear): string {
  const coverage =
    cal.coverage === null
      ? `尚未录入完整安排：无法按工作日计算（导入通知：luoshi calendar import 通知.txt）`
      : `完整（来源：${cal.coverageSource ?? cal.coverage}）`;
  const lines = [`${cal.year}年工作日历 / Working-day calendar ${cal.year}：${coverage}`, ...cal.days.map(formatDay)];
  lines.push(
    cal.workingDays === null
      ? "全年工作日数：未知 / working days: unknown"
      : `全年工作日数 / working days: ${cal.workingDays}`,
    "",
  );
  return lines.join("\n");
}

function formatDay(day: CalendarDayEntry): string {
  const origin = day.origin === "builtin" ? "内置" : "录入";
  return `  ${day.date} ${weekdayOf(day.date)}  ${KIND[day.kind]}  ${day.name}  [${origin}：${day.source}]`;
}

export function formatNoticeResult(result: CalendarNoticeResult): string {
  const counts = (change: NoticeDayChange["change"]) => result.days.filter((d) => d.change === change).length;
  const head = result.dryRun ? "预览（未写入）/ Preview (nothing written)" : "已导入 / Imported";
  return [
    `${head}：${result.title ?? `${result.year}年节假日安排`}`,
    ...result.days.map(
      (d) =>
        `  ${CHANGE[d.change]}  ${d.date} ${weekdayOf(d.date)}  ${KIND[d.kind]}  ${d.name}` +
        (d.change === "changed" && d.previous ? `（原为${KIND[d.previous.kind]}，${d.previous.source}）` : ""),
    ),
    ...result.warnings.map((w) => `  注意 / warning [${w.code}]：${w.message}`),
    `新增 ${counts("added")}、改动 ${counts("changed")}、不变 ${counts("unchanged")}；` +
      `${result.year}年全年工作日 ${result.workingDays} 天` +
      (result.dryRun ? "" : `；${result.year}年已标记为完整`),
    "",
  ].join("\n");
}
