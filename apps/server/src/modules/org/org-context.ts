import type { Transaction } from "kysely";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionPath, jurisdictionSubtree } from "../access/scope.repository.ts";
import { assertCanRead, assertCanWrite, canRead, type Actor } from "../access/scope.ts";
import { insertAudit } from "../audit/audit.repository.ts";
import { findJurisdictionRow, type Db } from "./org.repository.ts";

/** What every org service shares: the acting user, one transaction per change, scope checks, audit rows. */

export type { Actor };

/** Seeding and other system work: may do anything, and is recorded in the audit log without a user. */
export const SYSTEM_ACTOR: Actor = { id: "system", roles: ["admin"], jurisdictionId: null, unitId: null };

/** Runs `fn` in the caller's transaction, or opens one: a change and its audit row commit together. */
export async function inTransaction<T>(db: Db, fn: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return fn(db as Transaction<DB>);
  return db.transaction().execute(fn);
}

export async function assertReadJurisdiction(db: Db, actor: Actor, jurisdictionId: string): Promise<void> {
  const row = await findJurisdictionRow(db, jurisdictionId);
  if (!row) throw new AppError("NOT_FOUND", "行政区划不存在或无权访问");
  assertCanRead(actor, { jurisdictionPath: await jurisdictionPath(db, jurisdictionId) });
}

export async function assertWriteJurisdiction(db: Db, actor: Actor, jurisdictionId: string): Promise<void> {
  const row = await findJurisdictionRow(db, jurisdictionId);
  if (!row) throw new AppError("NOT_FOUND", "行政区划不存在或无权访问");
  assertCanWrite(actor, { jurisdictionPath: await jurisdictionPath(db, jurisdictionId) });
}

export async function assertReadUnit(db: Db, actor: Actor, unit: { id: string; jurisdiction_id: string }) {
  assertCanRead(actor, { jurisdictionPath: await jurisdictionPath(db, unit.jurisdiction_id), unitId: unit.id });
}

export async function assertWriteUnit(db: Db, actor: Actor, unit: { id: string; jurisdiction_id: string }) {
  assertCanWrite(actor, { jurisdictionPath: await jurisdictionPath(db, unit.jurisdiction_id), unitId: unit.id });
}

/** The jurisdiction ids below (and including) `jurisdictionId` that the actor may read. */
export async function readableSubtree(db: Db, actor: Actor, jurisdictionId: string): Promise<string[]> {
  const ids = await jurisdictionSubtree(db, jurisdictionId);
  const out: string[] = [];
  for (const id of ids) if (canRead(actor, { jurisdictionPath: await jurisdictionPath(db, id) })) out.push(id);
  return out;
}

/** The jurisdiction a list defaults to: the one asked for, else the actor's own. */
export function defaultJurisdiction(actor: Actor, requested: string | undefined): string {
  const id = requested ?? actor.jurisdictionId;
  if (!id) throw new AppError("VALIDATION_FAILED", "请指定行政区划（jurisdictionId）");
  return id;
}

export async function audit(
  trx: Transaction<DB>,
  actor: Actor,
  entry: { action: string; entity: string; entityId: string | null; before?: unknown; after?: unknown; at: string },
): Promise<void> {
  await insertAudit(trx, { ...entry, actorId: actor === SYSTEM_ACTOR ? null : actor.id });
}

export const nowIso = (now?: Date) => (now ?? new Date()).toISOString();
