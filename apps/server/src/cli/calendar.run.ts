import type { CalendarNoticeResult, CalendarYear } from "@luoshi/contract";
import { decodeText } from "@luoshi/parser";
import { loadConfig } from "../config.ts";
import { openDatabase, type Database } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { AppError } from "../http/app-error.ts";
import { importHolidayNotice } from "../modules/calendar/calendar-notice.service.ts";
import { getCalendarYear } from "../modules/calendar/calendar.service.ts";
import { CliError } from "./cli-error.ts";
import { formatCalendarYear, formatNoticeResult } from "./calendar-format.ts";
import { writeStdout } from "./output.ts";
import { readInputFile } from "./read-input.ts";
import { parseCommandArgs } from "./usage.ts";

const USAGE =
  "用法：luoshi calendar import <通知.txt> [--dry-run] [--year 年份] [--json] | luoshi calendar show <年份> [--json]";
/** A notice is a page of text; anything far larger is the wrong file. */
const MAX_NOTICE_BYTES = 1024 * 1024;

export async function runCalendar(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === "import") return runImport(rest);
  if (sub === "show") return runShow(rest);
  throw new CliError("USAGE_ERROR", USAGE);
}

async function runImport(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, {
    "dry-run": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    year: { type: "string" },
  });
  const [file, ...extra] = positionals;
  if (file === undefined || extra.length > 0) throw new CliError("USAGE_ERROR", USAGE);
  const year = values.year === undefined ? undefined : parseYear(values.year);
  const text = decodeNotice(await readInputFile(file, MAX_NOTICE_BYTES));
  // The result lists every day as added / changed / unchanged against the calendar before the write, so one
  // call both shows what the notice adds and stores it. The CLI acts as the system: the audit row has no user.
  const result = await withDatabase((database) =>
    importHolidayNotice(database.db, { text, year, dryRun: values["dry-run"] }, { actorId: null }),
  );
  await writeStdout(
    values.json ? JSON.stringify(result) + "\n" : formatNoticeResult(result satisfies CalendarNoticeResult),
  );
  return 0;
}

async function runShow(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, { json: { type: "boolean", default: false } });
  const [yearText, ...extra] = positionals;
  if (yearText === undefined || extra.length > 0) throw new CliError("USAGE_ERROR", USAGE);
  const year = parseYear(yearText);
  const calendar = await withDatabase((database) => getCalendarYear(database.db, year));
  await writeStdout(
    values.json ? JSON.stringify(calendar) + "\n" : formatCalendarYear(calendar satisfies CalendarYear),
  );
  return 0;
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) throw new CliError("USAGE_ERROR", `年份应为四位数字：${text}`);
  return Number(text);
}

/** Notices saved from a browser are UTF-8; saved from older Windows tools, GB18030 or UTF-16: the parser's reading. */
function decodeNotice(bytes: Uint8Array): string {
  const decoded = decodeText(bytes);
  if (!decoded.ok) throw new CliError(decoded.error.code, decoded.error.message);
  return decoded.text;
}

async function withDatabase<T>(fn: (database: Database) => Promise<T>): Promise<T> {
  const database = openDatabase({ ...loadConfig(), applicationName: "luoshi-cli" });
  try {
    await migrateToLatest(database.db);
    return await fn(database);
  } catch (error) {
    if (error instanceof AppError) throw new CliError(error.code, error.message);
    throw error;
  } finally {
    await database.close();
  }
}
