import type { Transaction } from "kysely";
import type {
  ItemUnitInput,
  PlanItem,
  UnitMappingRequest,
  UnitMappingResult,
  UpdatePlanItemRequest,
} from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionPath, jurisdictionSubtree } from "../access/scope.repository.ts";
import { audit, inTransaction, nowIso, type Actor } from "../org/org-context.ts";
import { nameKey } from "../org/org-names.ts";
import { createResolver } from "../org/org-resolve.ts";
import { loadRegistrySnapshot } from "../org/org-resolve.service.ts";
import { addAlias } from "../org/org-units.service.ts";
import { findGroupRow, findUnitRow, loadUnits } from "../org/org.repository.ts";
import { resolutionDate } from "./plan.ts";
import { getWritablePlan, presentPlans, unitRowsFor, type ResolveName } from "./plan-context.ts";
import { documentRowToParsedParts, findDocumentRow, type Db } from "./document.repository.ts";
import {
  bumpItemVersions,
  deleteItemUnitRows,
  findItemRow,
  insertItemUnitRows,
  itemRowToItem,
  listItemUnitRows,
  listOccurrencesInPlan,
  mapItemUnitRows,
  touchPlan,
  updateItemRow,
  type PlanRow,
} from "./plan.repository.ts";

/** The office's corrections to an imported plan before it is published: unit mappings and item edits. */

export const itemNotFound = () => new AppError("NOT_FOUND", "任务不存在或无权访问");
export const staleItem = () => new AppError("CONFLICT", "任务已被他人修改，请刷新后重试");

/**
 * Maps every occurrence of a raw name in the plan to one unit or one group. With `saveAsAlias` the name also
 * becomes an alias of the unit, so the next import resolves it by itself.
 */
export async function mapUnitName(
  db: Db,
  actor: Actor,
  input: UnitMappingRequest & { planId: string },
  options: { now?: Date } = {},
): Promise<UnitMappingResult> {
  return inTransaction(db, async (trx) => {
    // Scope first: a plan of another office is "not found" whatever the body says.
    const plan = await getWritablePlan(trx, actor, input.planId);
    if (!input.unitId === !input.groupId) {
      throw new AppError("VALIDATION_FAILED", "请指定一个单位（unitId）或一个分组（groupId），二者选一");
    }
    if (input.saveAsAlias && !input.unitId) {
      throw new AppError("VALIDATION_FAILED", "只有映射到单位时才能保存为别名");
    }
    await assertTargetInView(trx, plan.jurisdiction_id, { unitId: input.unitId, groupId: input.groupId });
    const occurrences = await listOccurrencesInPlan(trx, plan.id, input.rawName);
    if (occurrences.length === 0) throw new AppError("NOT_FOUND", `方案中没有“${input.rawName}”这一单位名称`);
    const at = nowIso(options.now);
    await mapItemUnitRows(
      trx,
      occurrences.map((o) => o.id),
      { unitId: input.unitId ?? null, groupId: input.groupId ?? null },
    );
    await bumpItemVersions(trx, [...new Set(occurrences.map((o) => o.item_id))]);
    await touchPlan(trx, plan.id, at);
    let aliasSaved = false;
    if (input.saveAsAlias && input.unitId)
      aliasSaved = await saveAlias(trx, actor, input.unitId, input.rawName, options);
    await audit(trx, actor, {
      at,
      action: "plan.units.mapped",
      entity: "plan",
      entityId: plan.id,
      after: { rawName: input.rawName, unitId: input.unitId ?? null, groupId: input.groupId ?? null, aliasSaved },
    });
    const [summary] = await presentPlans(trx, [{ ...plan, version: plan.version + 1, updated_at: at }]);
    return { updated: occurrences.length, aliasSaved, plan: summaryOrFail(summary) };
  });
}

/** An alias the unit already answers to is not an error: the mapping is what was asked for. */
async function saveAlias(trx: Transaction<DB>, actor: Actor, unitId: string, name: string, options: { now?: Date }) {
  const row = await findUnitRow(trx, unitId);
  const unit = row ? (await loadUnits(trx, [row]))[0] : undefined;
  if (!unit || unit.names.some((n) => nameKey(n.name) === nameKey(name))) return false;
  await addAlias(trx, actor, { id: unitId, name }, options);
  return true;
}

/** A plan names units of its own registry view: its jurisdiction, those above and those below. */
async function assertTargetInView(
  db: Db,
  jurisdictionId: string,
  target: { unitId?: string | null | undefined; groupId?: string | null | undefined },
): Promise<void> {
  const above = await jurisdictionPath(db, jurisdictionId);
  if (target.unitId) {
    const unit = await findUnitRow(db, target.unitId);
    const view = new Set([...above, ...(await jurisdictionSubtree(db, jurisdictionId))]);
    if (!unit || !view.has(unit.jurisdiction_id))
      throw new AppError("VALIDATION_FAILED", "所选单位不在本区划的单位名录中");
  }
  if (target.groupId) {
    const group = await findGroupRow(db, target.groupId);
    if (!group || !above.includes(group.jurisdiction_id)) {
      throw new AppError("VALIDATION_FAILED", "所选分组不在本区划的单位名录中");
    }
  }
}

/** Resolves names the way the import did: against the registry of the plan's jurisdiction on its document's date. */
export async function planResolver(db: Db, plan: PlanRow): Promise<ResolveName> {
  const doc = await findDocumentRow(db, plan.document_id);
  const date = doc ? resolutionDate({ date: doc.date, printed: documentRowToParsedParts(doc).printed }) : null;
  const resolver = createResolver(await loadRegistrySnapshot(db, plan.jurisdiction_id), plan.jurisdiction_id);
  return (name) => resolver(name, date);
}

/** Replaces an item's unit rows; a unit given with an id is the office's mapping, others are resolved. */
export async function replaceItemUnits(
  trx: Transaction<DB>,
  plan: PlanRow,
  itemId: string,
  units: readonly ItemUnitInput[],
): Promise<void> {
  for (const u of units) await assertTargetInView(trx, plan.jurisdiction_id, u);
  const resolve = await planResolver(trx, plan);
  await deleteItemUnitRows(trx, [itemId]);
  await insertItemUnitRows(
    trx,
    unitRowsFor(
      itemId,
      units.map((u) => ({ ...u, name: u.rawName, group: u.isGroup ?? false })),
      resolve,
    ),
  );
}

export async function updatePlanItem(
  db: Db,
  actor: Actor,
  input: UpdatePlanItemRequest & { planId: string; itemId: string },
  options: { now?: Date } = {},
): Promise<PlanItem> {
  return inTransaction(db, async (trx) => {
    const plan = await getWritablePlan(trx, actor, input.planId);
    const item = await findItemRow(trx, plan.id, input.itemId);
    if (!item) throw itemNotFound();
    if (item.version !== input.version) throw staleItem();
    const before = itemRowToItem(item, await listItemUnitRows(trx, [item.id]));
    const units = input.units;
    const patch = {
      ...(input.text === undefined ? {} : { text: input.text }),
      ...(input.criteria === undefined ? {} : { criteria: input.criteria || null }),
      // The printed cell no longer describes edited units; keep it readable as what the office chose.
      ...(units === undefined ? {} : { units_text: units.map((u) => u.rawName).join("、") || null }),
    };
    if (!(await updateItemRow(trx, item.id, input.version, patch))) throw staleItem();
    if (units) await replaceItemUnits(trx, plan, item.id, units);
    const at = nowIso(options.now);
    await touchPlan(trx, plan.id, at);
    const updated = await findItemRow(trx, plan.id, item.id);
    if (!updated) throw itemNotFound();
    const after = itemRowToItem(updated, await listItemUnitRows(trx, [item.id]));
    await audit(trx, actor, { at, action: "plan.item.updated", entity: "plan_item", entityId: item.id, before, after });
    return after;
  });
}

function summaryOrFail<T>(value: T | undefined): T {
  if (value === undefined) throw new AppError("INTERNAL_ERROR", "方案读取失败");
  return value;
}
