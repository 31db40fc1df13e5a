import type { Kysely, Selectable, Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";

/** Every query on the office's calendar tables. */

export type Db = Kysely<DB> | Transaction<DB>;
export type CalendarDayRow = Selectable<DB["calendar_days"]>;
export type CalendarYearRow = Selectable<DB["calendar_years"]>;

/** The office's entries, all of them or those of one year (dates are ISO text, so a prefix range selects a year). */
export async function listDayRows(db: Db, year?: number): Promise<CalendarDayRow[]> {
  let q = db.selectFrom("calendar_days").selectAll();
  if (year !== undefined) q = q.where("date", ">=", `${year}-01-01`).where("date", "<=", `${year}-12-31`);
  return q.orderBy("date").execute();
}

export async function findDayRow(db: Db, date: string): Promise<CalendarDayRow | undefined> {
  return db.selectFrom("calendar_days").selectAll().where("date", "=", date).executeTakeFirst();
}

/** Insert or replace the entry for one date (select-then-write: the same code on SQLite and PostgreSQL). */
export async function saveDayRow(trx: Transaction<DB>, row: CalendarDayRow): Promise<void> {
  const updated = await trx
    .updateTable("calendar_days")
    .set({ kind: row.kind, name: row.name, source: row.source, created_by: row.created_by, created_at: row.created_at })
    .where("date", "=", row.date)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await trx.insertInto("calendar_days").values(row).execute();
}

export async function listYearRows(db: Db): Promise<CalendarYearRow[]> {
  return db.selectFrom("calendar_years").selectAll().orderBy("year").execute();
}

export async function findYearRow(db: Db, year: number): Promise<CalendarYearRow | undefined> {
  return db.selectFrom("calendar_years").selectAll().where("year", "=", year).executeTakeFirst();
}

export async function saveYearRow(trx: Transaction<DB>, row: CalendarYearRow): Promise<void> {
  const updated = await trx
    .updateTable("calendar_years")
    .set({ complete: row.complete, source: row.source, created_by: row.created_by, created_at: row.created_at })
    .where("year", "=", row.year)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) await trx.insertInto("calendar_years").values(row).execute();
}
