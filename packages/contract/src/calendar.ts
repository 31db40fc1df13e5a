import { z } from "zod";
import { deadlineSchema } from "./parse-output.ts";

/**
 * The working-day calendar (工作日历): statutory holidays and make-up working days per year, built in from the
 * `chinese-days` package and extended by the office (usually by pasting the State Council's yearly notice).
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日期格式为 YYYY-MM-DD");

export const calendarDayKindSchema = z.enum(["holiday", "workday"]);
export type CalendarDayKind = z.infer<typeof calendarDayKindSchema>;

export const calendarDaySchema = z.object({
  date: isoDate,
  /** holiday: 放假（含调休）; workday: 调休上班 on a weekend day. */
  kind: calendarDayKindSchema,
  name: z.string(),
  /** Where the entry came from: the notice's title, “手工录入”, or “chinese-days” for the built-in data. */
  source: z.string(),
  /** builtin: the package's data; office: entered here (overrides the built-in entry for that date). */
  origin: z.enum(["builtin", "office"]),
});
export type CalendarDayEntry = z.infer<typeof calendarDaySchema>;

export const calendarYearParamsSchema = z.object({ year: z.coerce.number().int().min(1949).max(2200) });

export const calendarYearSchema = z.object({
  year: z.number().int(),
  /** Whether working days can be counted in this year; null coverage means they cannot. */
  covered: z.boolean(),
  coverage: z.enum(["builtin", "office"]).nullable(),
  coverageSource: z.string().nullable(),
  days: z.array(calendarDaySchema),
  workingDays: z.number().int().nullable(),
});
export type CalendarYear = z.infer<typeof calendarYearSchema>;

export const setCalendarDayRequestSchema = z.object({
  date: isoDate,
  kind: calendarDayKindSchema,
  name: z.string().trim().min(1, "请填写名称（如“春节”）").max(50),
  source: z.string().trim().min(1).max(200).optional(),
});
export type SetCalendarDayRequest = z.infer<typeof setCalendarDayRequestSchema>;

export const calendarNoticeRequestSchema = z.object({
  text: z.string().min(1, "请粘贴通知全文").max(200_000),
  /** Only needed when the pasted text lacks the title and preamble that name the year. */
  year: z.number().int().min(1949).max(2200).optional(),
});
export type CalendarNoticeRequest = z.infer<typeof calendarNoticeRequestSchema>;

export const calendarNoticeQuerySchema = z.object({
  dryRun: z
    .enum(["true", "false", "1", "0"])
    .optional()
    .transform((v) => v === "true" || v === "1"),
});

export const noticeDayChangeSchema = z.object({
  date: isoDate,
  kind: calendarDayKindSchema,
  name: z.string(),
  change: z.enum(["added", "changed", "unchanged"]),
  previous: z.object({ kind: calendarDayKindSchema, name: z.string(), source: z.string() }).nullable(),
});
export type NoticeDayChange = z.infer<typeof noticeDayChangeSchema>;

export const calendarNoticeResultSchema = z.object({
  year: z.number().int(),
  title: z.string().nullable(),
  dryRun: z.boolean(),
  days: z.array(noticeDayChangeSchema),
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
  /** Working days in the year once the notice is applied. */
  workingDays: z.number().int(),
});
export type CalendarNoticeResult = z.infer<typeof calendarNoticeResultSchema>;

export const resolveDeadlineRequestSchema = z.object({
  deadline: deadlineSchema,
  context: z.object({
    planYear: z.number().int().min(1949).max(2200),
    /** The day the period starts from (文件公布、征集结束 …); required for relative deadlines (“5个工作日内”). */
    eventDate: isoDate.optional(),
  }),
});
export type ResolveDeadlineRequest = z.infer<typeof resolveDeadlineRequestSchema>;

export const resolveDeadlineResponseSchema = z.union([
  z.object({ ok: z.literal(true), date: isoDate }),
  z.object({ ok: z.literal(true), date: z.null(), standing: z.literal(true), message: z.string() }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type ResolveDeadlineResponse = z.infer<typeof resolveDeadlineResponseSchema>;
