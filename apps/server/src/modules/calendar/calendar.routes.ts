import type { FastifyInstance } from "fastify";
import {
  calendarDaySchema,
  calendarNoticeQuerySchema,
  calendarNoticeRequestSchema,
  calendarNoticeResultSchema,
  calendarYearParamsSchema,
  calendarYearSchema,
  resolveDeadlineRequestSchema,
  resolveDeadlineResponseSchema,
  setCalendarDayRequestSchema,
  type Role,
} from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { ALL_ROLES } from "../../http/session-hook.ts";
import { importHolidayNotice } from "./calendar-notice.service.ts";
import { getCalendarYear, resolveDeadlineFor, setCalendarDay } from "./calendar.service.ts";

/*
 * POST /api/calendar/resolve answers 200 with `{ ok: false, code, message }` when a deadline cannot be resolved
 * (CALENDAR_YEAR_MISSING, EVENT_DATE_REQUIRED …): that is an answer about the deadline, not a failed request.
 */

/** The schedule is national; the offices keep it up to date for everyone, as do admins. */
const WRITERS: readonly Role[] = ["admin", "office"];
const TAG = "calendar";

export function registerCalendarRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "GET",
    url: "/api/calendar/:year",
    summary: "某年的工作日历（节假日、调休上班日及来源，全年工作日数）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    params: calendarYearParamsSchema,
    response: calendarYearSchema,
    handler: async ({ params }) => getCalendarYear(ctx.db, params.year),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/calendar/days",
    summary: "新增或修改某一天（节假日或调休上班日，优先于内置数据）",
    tag: TAG,
    access: { roles: WRITERS },
    body: setCalendarDayRequestSchema,
    response: calendarDaySchema,
    handler: async ({ body, user }) => setCalendarDay(ctx.db, body, { actorId: requireUser(user).id }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/calendar/notice",
    summary: "导入国务院办公厅节假日安排通知（?dryRun=true 仅预览；导入后该年标记为完整）",
    tag: TAG,
    access: { roles: WRITERS },
    query: calendarNoticeQuerySchema,
    body: calendarNoticeRequestSchema,
    response: calendarNoticeResultSchema,
    handler: async ({ body, query, user }) =>
      importHolidayNotice(ctx.db, { ...body, dryRun: query.dryRun }, { actorId: requireUser(user).id }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/calendar/resolve",
    summary: "计算时限的截止日期（按工作日历；相对时限需起算日期）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    body: resolveDeadlineRequestSchema,
    response: resolveDeadlineResponseSchema,
    handler: async ({ body }) => resolveDeadlineFor(ctx.db, body),
  });
}
