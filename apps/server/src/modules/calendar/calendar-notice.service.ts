import type { CalendarDayEntry, CalendarNoticeResult, NoticeDayChange } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import { insertAudit } from "../audit/audit.repository.ts";
import { findYearRow, listDayRows, saveDayRow, saveYearRow, type Db } from "./calendar.repository.ts";
import { inTransaction } from "../org/org-context.ts";
import { builtinDayOf, dayRowToDay, loadCalendar, type CalendarWriteOptions } from "./calendar.service.ts";
import { parseHolidayNotice, type ParsedNotice } from "./holiday-notice.ts";
import { buildCalendar, countWorkingDays, type WorkCalendar } from "./working-days.ts";

/**
 * Importing the State Council's yearly notice: parse it, show what it adds or changes, and (unless only previewing)
 * store its days, mark its year complete and write one audit row, all in one transaction.
 */

export async function importHolidayNotice(
  db: Db,
  input: { text: string; year?: number | undefined; dryRun: boolean },
  options: CalendarWriteOptions,
): Promise<CalendarNoticeResult> {
  const parsed = parseHolidayNotice(input.text, input.year === undefined ? {} : { year: input.year });
  if (!parsed.ok) throw new AppError("VALIDATION_FAILED", parsed.message);
  const notice = parsed.notice;
  const source = notice.title ?? `${notice.year}年部分节假日安排的通知`;
  return inTransaction(db, async (trx) => {
    const changes = await compareWithStored(trx, notice);
    const result: CalendarNoticeResult = {
      year: notice.year,
      title: notice.title,
      dryRun: input.dryRun,
      days: changes,
      warnings: notice.warnings,
      workingDays: countWorkingDays(notice.year, withNotice(await loadCalendar(trx), notice)) ?? 0,
    };
    if (input.dryRun) return result;
    const at = (options.now ?? new Date()).toISOString();
    for (const day of notice.days) {
      await saveDayRow(trx, { ...day, source, created_by: options.actorId, created_at: at });
    }
    const before = await findYearRow(trx, notice.year);
    await saveYearRow(trx, { year: notice.year, complete: 1, source, created_by: options.actorId, created_at: at });
    await insertAudit(trx, {
      at,
      actorId: options.actorId,
      action: "calendar.notice.imported",
      entity: "calendar_year",
      entityId: String(notice.year),
      before: before ? { complete: before.complete === 1, source: before.source } : null,
      after: { complete: true, source, days: notice.days, warnings: notice.warnings },
    });
    return result;
  });
}

/** Each day of the notice against what the calendar says today (an office entry, else the built-in data). */
async function compareWithStored(db: Db, notice: ParsedNotice): Promise<NoticeDayChange[]> {
  const years = new Set(notice.days.map((d) => Number(d.date.slice(0, 4))));
  const office = new Map<string, CalendarDayEntry>();
  for (const year of years) for (const row of await listDayRows(db, year)) office.set(row.date, dayRowToDay(row));
  return notice.days.map((day) => {
    const current = office.get(day.date) ?? builtinDayOf(day.date);
    const previous = current ? { kind: current.kind, name: current.name, source: current.source } : null;
    const change = !current ? "added" : current.kind === day.kind ? "unchanged" : "changed";
    return { ...day, change, previous };
  });
}

/** The calendar as it will be once the notice is stored: its days on top, its year covered. */
function withNotice(cal: WorkCalendar, notice: ParsedNotice): WorkCalendar {
  return buildCalendar({ years: [...cal.coveredYears, notice.year], days: [...cal.days.values(), ...notice.days] });
}
