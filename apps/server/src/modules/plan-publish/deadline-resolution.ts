import type { Deadline, ResolvedDeadline } from "@luoshi/contract";
import { resolveDeadline, type WorkCalendar } from "../calendar/working-days.ts";

/**
 * The dates a published item's deadlines fall on, from the working-day calendar. Pure. Never a guess: a deadline
 * that cannot be dated keeps `resolvedDate: null` and says why in `note` (长期任务, counted from an event, a year
 * without calendar data, a plan without a year).
 *
 * A recurring deadline (“每年的1月31日前”) is the next occurrence on or after the plan's 成文日期: a plan issued in
 * July 2022 next asks for the annual report on 2023-01-31, not on a January day that had passed when it was issued.
 * Deadlines counted from an event (“公布后5个工作日内”) have no date until the event does.
 */
export function resolveItemDeadlines(
  deadlines: readonly Deadline[],
  context: { planYear: number | null; issuedOn: string | null },
  calendar: WorkCalendar,
): ResolvedDeadline[] {
  return deadlines.map((deadline) => {
    const eventDate = deadline.kind === "recurring" ? (context.issuedOn ?? undefined) : undefined;
    const year = context.planYear ?? yearOfExplicitDate(deadline);
    const needsYear = (deadline.kind === "by" && !deadline.date) || (deadline.kind === "recurring" && !eventDate);
    if (year === null && needsYear) {
      return { ...deadline, resolvedDate: null, note: `方案未注明年度，无法确定“${deadline.text}”的日期` };
    }
    // Standing and event-based deadlines, and the ones carrying their own date, do not read the year.
    const result = resolveDeadline(deadline, { planYear: year ?? 0, eventDate }, calendar);
    if (!result.ok) return { ...deadline, resolvedDate: null, note: result.message };
    if (result.date === null) return { ...deadline, resolvedDate: null, note: result.message };
    return { ...deadline, resolvedDate: result.date, note: null };
  });
}

function yearOfExplicitDate(deadline: Deadline): number | null {
  return deadline.kind === "by" && deadline.date ? Number(deadline.date.slice(0, 4)) : null;
}
