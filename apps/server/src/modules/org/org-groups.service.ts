import { randomUUID } from "node:crypto";
import type { Transaction } from "kysely";
import type { CreateGroupRequest, UnitGroup } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionSubtree } from "../access/scope.repository.ts";
import {
  assertReadJurisdiction,
  assertWriteJurisdiction,
  audit,
  defaultJurisdiction,
  inTransaction,
  nowIso,
  type Actor,
} from "./org-context.ts";
import {
  findGroupRow,
  findGroupRowByName,
  findUnitRow,
  insertGroupRow,
  listGroupRows,
  loadGroups,
  replaceMembers,
  updateGroupRow,
  type Db,
} from "./org.repository.ts";

/**
 * Groups a document names instead of units (各县（市、区）政府, 市政府各部门, 各直属机构 …). The office defines them per
 * jurisdiction; a per-item group (市有关单位) has no fixed members: the office names them on each item.
 */

const notFound = () => new AppError("NOT_FOUND", "单位分组不存在或无权访问");

export async function listGroups(db: Db, actor: Actor, input: { jurisdictionId?: string | undefined }) {
  const jurisdictionId = defaultJurisdiction(actor, input.jurisdictionId);
  await assertReadJurisdiction(db, actor, jurisdictionId);
  return loadGroups(db, await listGroupRows(db, [jurisdictionId]));
}

export async function getGroup(db: Db, actor: Actor, id: string): Promise<UnitGroup> {
  const row = await findGroupRow(db, id);
  if (!row) throw notFound();
  await assertReadJurisdiction(db, actor, row.jurisdiction_id);
  return (await loadGroups(db, [row]))[0] as UnitGroup;
}

export async function createGroup(
  db: Db,
  actor: Actor,
  input: CreateGroupRequest,
  options: { now?: Date } = {},
): Promise<UnitGroup> {
  return inTransaction(db, async (trx) => {
    await assertWriteJurisdiction(trx, actor, input.jurisdictionId);
    if (await findGroupRowByName(trx, input.jurisdictionId, input.name)) {
      throw new AppError("CONFLICT", `本区划已有名为“${input.name}”的分组`);
    }
    const memberIds = input.memberIds ?? [];
    await assertMembersInScope(trx, input.jurisdictionId, memberIds);
    const at = nowIso(options.now);
    const id = randomUUID();
    await insertGroupRow(trx, {
      id,
      jurisdiction_id: input.jurisdictionId,
      name: input.name,
      per_item: input.perItem ? 1 : 0,
      version: 1,
      created_at: at,
      updated_at: at,
    });
    await replaceMembers(trx, id, memberIds);
    const group = await reload(trx, id);
    await audit(trx, actor, { at, action: "org.group.created", entity: "unit_group", entityId: id, after: group });
    return group;
  });
}

export async function setGroupMembers(
  db: Db,
  actor: Actor,
  input: { id: string; version: number; memberIds: string[]; perItem?: boolean },
  options: { now?: Date } = {},
): Promise<UnitGroup> {
  return inTransaction(db, async (trx) => {
    const row = await findGroupRow(trx, input.id);
    if (!row) throw notFound();
    await assertWriteJurisdiction(trx, actor, row.jurisdiction_id);
    if (row.version !== input.version) throw new AppError("CONFLICT", "单位分组已被他人修改，请刷新后重试");
    await assertMembersInScope(trx, row.jurisdiction_id, input.memberIds);
    const before = await reload(trx, row.id);
    const at = nowIso(options.now);
    const perItem = input.perItem === undefined ? row.per_item : input.perItem ? 1 : 0;
    if (!(await updateGroupRow(trx, row.id, row.version, { per_item: perItem, updated_at: at }))) {
      throw new AppError("CONFLICT", "单位分组已被他人修改，请刷新后重试");
    }
    await replaceMembers(trx, row.id, input.memberIds);
    const after = await reload(trx, row.id);
    await audit(trx, actor, {
      at,
      action: "org.group.members_set",
      entity: "unit_group",
      entityId: row.id,
      before,
      after,
    });
    return after;
  });
}

/** Members come from the group's jurisdiction or below (a city group lists county governments). */
async function assertMembersInScope(trx: Transaction<DB>, jurisdictionId: string, memberIds: readonly string[]) {
  const allowed = new Set(await jurisdictionSubtree(trx, jurisdictionId));
  for (const id of new Set(memberIds)) {
    const unit = await findUnitRow(trx, id);
    if (!unit || !allowed.has(unit.jurisdiction_id)) {
      throw new AppError("VALIDATION_FAILED", `成员单位不存在或不属于本区划：${id}`);
    }
  }
}

async function reload(db: Db, id: string): Promise<UnitGroup> {
  const row = await findGroupRow(db, id);
  if (!row) throw notFound();
  return (await loadGroups(db, [row]))[0] as UnitGroup;
}
