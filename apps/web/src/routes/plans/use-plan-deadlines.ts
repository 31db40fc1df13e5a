import { useMemo } from "react";
import type { Deadline, PlanDetail } from "@luoshi/contract";
import { api } from "../../api/client.ts";
import { deadlineKey, type DeadlineResolution } from "../../components/plan-format.ts";
import { useRemote } from "../../components/use-remote.ts";

/**
 * The dates a plan's deadlines fall on, from the server's working-day calendar (POST /api/calendar/resolve), with
 * the plan's year and, for yearly deadlines, the document's 成文日期 as the start. Deadlines counted from an event
 * (“公布后5个工作日内”) and standing ones have no date and say so.
 */
export function usePlanDeadlines(plan: PlanDetail | undefined, issuedOn: string | null | undefined) {
  const distinct = useMemo(() => {
    const map = new Map<string, Deadline>();
    for (const item of plan?.items ?? []) for (const d of item.deadlines) map.set(deadlineKey(d), d);
    return [...map.entries()];
  }, [plan]);
  const year = plan?.year ?? null;
  const remote = useRemote(
    async () => {
      const out = new Map<string, DeadlineResolution>();
      await Promise.all(
        distinct.map(async ([key, deadline]) => {
          if (deadline.kind === "standing" || deadline.kind === "within") {
            // No date to compute: standing tasks have none, the others count from an event (see deadlineText).
            out.set(key, { date: null, note: null });
          } else if (deadline.kind === "by" && deadline.date) {
            out.set(key, { date: deadline.date, note: null });
          } else if (year !== null) {
            const answer = await api.calendar.resolve({
              deadline,
              context: {
                planYear: year,
                ...(deadline.kind === "recurring" && issuedOn ? { eventDate: issuedOn } : {}),
              },
            });
            if (!answer.ok) out.set(key, { date: null, note: null });
            else if ("standing" in answer) out.set(key, { date: null, note: answer.message });
            else out.set(key, { date: answer.date, note: null });
          }
        }),
      );
      return out;
    },
    `deadlines:${plan?.id ?? ""}:${plan?.updatedAt ?? ""}:${issuedOn ?? ""}`,
    "计算完成时限失败",
  );
  return remote.data ?? new Map<string, DeadlineResolution>();
}
