// The package's published data file: its functions answer one date at a time, the schedule itself is needed here.
import data from "chinese-days/dist/chinese-days.json" with { type: "json" };
import type { CalendarDay } from "./working-days.ts";

/**
 * The built-in schedule: the `chinese-days` package, maintained from the State Council's notices (2004 onward).
 * Values look like "Spring Festival,春节,4": English name, Chinese name, holiday number. Its holidays include the
 * weekend days inside each 放假 range, exactly as the notices count them.
 */

export const BUILTIN_SOURCE = "chinese-days";

type Entries = Record<string, string>;
const schedule = data as { holidays: Entries; workdays: Entries };

function toDays(entries: Entries, kind: CalendarDay["kind"]): CalendarDay[] {
  return Object.entries(entries).map(([date, value]) => ({ date, kind, name: value.split(",")[1] ?? value }));
}

const BUILTIN_DAYS: readonly CalendarDay[] = [
  ...toDays(schedule.holidays, "holiday"),
  ...toDays(schedule.workdays, "workday"),
].sort((a, b) => a.date.localeCompare(b.date));

const BUILTIN_YEARS: readonly number[] = [...new Set(BUILTIN_DAYS.map((d) => Number(d.date.slice(0, 4))))].sort(
  (a, b) => a - b,
);

/** Every year the package knows completely: it adds a year only once that year's notice is out. */
export function builtinYears(): readonly number[] {
  return BUILTIN_YEARS;
}

export function builtinDays(year?: number): readonly CalendarDay[] {
  return year === undefined ? BUILTIN_DAYS : BUILTIN_DAYS.filter((d) => d.date.startsWith(`${year}-`));
}
