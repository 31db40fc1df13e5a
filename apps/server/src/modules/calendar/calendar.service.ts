import type {
  CalendarDayEntry,
  CalendarYear,
  ResolveDeadlineRequest,
  ResolveDeadlineResponse,
  SetCalendarDayRequest,
} from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import { insertAudit } from "../audit/audit.repository.ts";
import { inTransaction } from "../org/org-context.ts";
import { BUILTIN_SOURCE, builtinDays, builtinYears } from "./builtin-calendar.ts";
import {
  findDayRow,
  listDayRows,
  listYearRows,
  saveDayRow,
  type CalendarDayRow,
  type CalendarYearRow,
  type Db,
} from "./calendar.repository.ts";
import { isValidDate, yearOf } from "./iso-date.ts";
import { buildCalendar, countWorkingDays, resolveDeadline, type WorkCalendar } from "./working-days.ts";

/**
 * The working-day calendar as the rest of Luoshi sees it: the built-in schedule with the office's entries on top.
 * The calendar is national (the State Council sets it for everyone), so writers are office staff and admins of any
 * jurisdiction; the route declares who, and every change leaves an audit row in the same transaction.
 */

export type CalendarWriteOptions = { actorId: string | null; now?: Date };

export const MANUAL_SOURCE = "手工录入";

/** Everything needed for working-day arithmetic: small (a few dozen entries a year), so it is loaded whole. */
export async function loadCalendar(db: Db): Promise<WorkCalendar> {
  return calendarFrom(await listYearRows(db), await listDayRows(db));
}

function calendarFrom(yearRows: readonly CalendarYearRow[], dayRows: readonly CalendarDayRow[]): WorkCalendar {
  return buildCalendar({
    years: [...builtinYears(), ...yearRows.filter((r) => r.complete === 1).map((r) => r.year)],
    days: [...builtinDays(), ...dayRows.map(dayRowToDay)],
  });
}

export async function getCalendarYear(db: Db, year: number): Promise<CalendarYear> {
  const yearRows = await listYearRows(db);
  const dayRows = await listDayRows(db);
  const byDate = new Map<string, CalendarDayEntry>();
  for (const day of builtinDays(year)) byDate.set(day.date, { ...day, source: BUILTIN_SOURCE, origin: "builtin" });
  for (const row of dayRows) if (yearOf(row.date) === year) byDate.set(row.date, dayRowToDay(row));
  const yearRow = yearRows.find((r) => r.year === year && r.complete === 1);
  const builtin = builtinYears().includes(year);
  const cal = calendarFrom(yearRows, dayRows);
  return {
    year,
    covered: yearRow !== undefined || builtin,
    coverage: yearRow ? "office" : builtin ? "builtin" : null,
    coverageSource: yearRow ? yearRow.source : builtin ? BUILTIN_SOURCE : null,
    days: [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date)),
    workingDays: countWorkingDays(year, cal) ?? null,
  };
}

/** Add or change one date: a holiday the notice did not foresee (a local 台风 closure is not one), a correction. */
export async function setCalendarDay(
  db: Db,
  input: SetCalendarDayRequest,
  options: CalendarWriteOptions,
): Promise<CalendarDayEntry> {
  if (!isValidDate(input.date)) throw new AppError("VALIDATION_FAILED", `日期无效：${input.date}`);
  return inTransaction(db, async (trx) => {
    const at = (options.now ?? new Date()).toISOString();
    const previous = await findDayRow(trx, input.date);
    const before = previous ? dayRowToDay(previous) : builtinDayOf(input.date);
    const row: CalendarDayRow = {
      date: input.date,
      kind: input.kind,
      name: input.name,
      source: input.source ?? MANUAL_SOURCE,
      created_by: options.actorId,
      created_at: at,
    };
    await saveDayRow(trx, row);
    const after = dayRowToDay(row);
    await insertAudit(trx, {
      at,
      actorId: options.actorId,
      action: "calendar.day.set",
      entity: "calendar_day",
      entityId: input.date,
      before: before ?? null,
      after,
    });
    return after;
  });
}

export async function resolveDeadlineFor(db: Db, request: ResolveDeadlineRequest): Promise<ResolveDeadlineResponse> {
  return resolveDeadline(request.deadline, request.context, await loadCalendar(db));
}

export function dayRowToDay(row: CalendarDayRow): CalendarDayEntry {
  return { date: row.date, kind: row.kind, name: row.name, source: row.source, origin: "office" };
}

export function builtinDayOf(date: string): CalendarDayEntry | undefined {
  const day = builtinDays(yearOf(date)).find((d) => d.date === date);
  return day && { ...day, source: BUILTIN_SOURCE, origin: "builtin" };
}
