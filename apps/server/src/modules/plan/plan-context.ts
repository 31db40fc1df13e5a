import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { ParsedUnit, PlanDetail, PlanSummary, Resolution, UnresolvedName } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionPath } from "../access/scope.repository.ts";
import { canRead, canWrite, type Actor } from "../access/scope.ts";
import { seesDraftPlans } from "./plan.ts";
import type { Db } from "./document.repository.ts";
import {
  countPlanContents,
  findPlanRow,
  itemRowToItem,
  listItemRows,
  listItemUnitRows,
  planRowToSummary,
  type PlanRow,
} from "./plan.repository.ts";

/** What the plan services share: scope checks, presenting plans, and turning resolutions into unit rows. */

export const documentNotFound = () => new AppError("NOT_FOUND", "文件不存在或无权访问");
export const planNotFound = () => new AppError("NOT_FOUND", "方案不存在或无权访问");

/** Reads of another scope answer "not found", so ids of other offices' documents cannot be probed. */
export async function canReadJurisdiction(db: Db, actor: Actor, jurisdictionId: string): Promise<boolean> {
  return canRead(actor, { jurisdictionPath: await jurisdictionPath(db, jurisdictionId) });
}

export async function assertWriteIn(db: Db, actor: Actor, jurisdictionId: string, notFound: () => AppError) {
  const path = await jurisdictionPath(db, jurisdictionId);
  if (!canRead(actor, { jurisdictionPath: path })) throw notFound();
  if (!canWrite(actor, { jurisdictionPath: path })) throw new AppError("FORBIDDEN", "没有权限修改此方案");
}

/**
 * A plan the actor may see: in scope, and not a draft for those who only see published plans. Liaisons and leaders
 * read published plans of their own jurisdiction or one above it, and only as published: callers present those
 * from the latest version (plan-publish/published-plan.ts), never from the draft rows (see `seesDraftPlans`).
 */
export async function getReadablePlan(db: Db, actor: Actor, planId: string): Promise<PlanRow> {
  const row = await findPlanRow(db, planId);
  if (!row) throw planNotFound();
  if (!seesDraftPlans(actor.roles)) {
    const path = actor.jurisdictionId ? await jurisdictionPath(db, actor.jurisdictionId) : [];
    if (row.published_version === null || !path.includes(row.jurisdiction_id)) throw planNotFound();
    return row;
  }
  if (!(await canReadJurisdiction(db, actor, row.jurisdiction_id))) throw planNotFound();
  return row;
}

export async function getWritablePlan(db: Db, actor: Actor, planId: string): Promise<PlanRow> {
  const row = await findPlanRow(db, planId);
  if (!row) throw planNotFound();
  await assertWriteIn(db, actor, row.jurisdiction_id, planNotFound);
  return row;
}

export async function presentPlans(db: Db, rows: readonly PlanRow[]): Promise<PlanSummary[]> {
  const counts = await countPlanContents(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => planRowToSummary(r, counts.get(r.id) ?? { itemCount: 0, unresolvedCount: 0 }));
}

export async function presentPlanDetail(db: Db, row: PlanRow): Promise<PlanDetail> {
  const items = await listItemRows(db, [row.id]);
  const units = await listItemUnitRows(
    db,
    items.map((i) => i.id),
  );
  const byItem = new Map<string, typeof units>();
  for (const u of units) byItem.set(u.item_id, [...(byItem.get(u.item_id) ?? []), u]);
  const detailItems = items.map((i) => itemRowToItem(i, byItem.get(i.id) ?? []));
  const unresolvedCount = units.filter((u) => !u.unit_id && !u.group_id).length;
  return { ...planRowToSummary(row, { itemCount: items.length, unresolvedCount }), items: detailItems };
}

/** Names no unit or group was found for, once per name, with the plans they occur in and ranked suggestions. */
export async function collectUnresolved(db: Db, planIds: readonly string[]): Promise<UnresolvedName[]> {
  const items = await listItemRows(db, planIds);
  const planOf = new Map(items.map((i) => [i.id, i.plan_id]));
  const units = await listItemUnitRows(db, [...planOf.keys()]);
  const byName = new Map<string, UnresolvedName>();
  for (const u of units) {
    if (u.unit_id || u.group_id) continue;
    const entry = byName.get(u.raw_name) ?? {
      name: u.raw_name,
      occurrences: 0,
      planIds: [],
      // Written by the import from the resolver's ranked list.
      suggestions: JSON.parse(u.suggestions_json) as Resolution["suggestions"],
    };
    entry.occurrences++;
    const planId = planOf.get(u.item_id);
    if (planId && !entry.planIds.includes(planId)) entry.planIds.push(planId);
    byName.set(u.raw_name, entry);
  }
  return [...byName.values()].sort((a, b) => b.occurrences - a.occurrences || a.name.localeCompare(b.name, "zh-CN"));
}

export type ResolveName = (name: string) => Resolution;

/** One row per unit a cell names, keeping the parser's order, role and group flag beside the resolution. */
export function unitRowsFor(
  itemId: string,
  units: readonly (ParsedUnit & { unitId?: string | null; groupId?: string | null })[],
  resolve: ResolveName,
): Insertable<DB["plan_item_units"]>[] {
  return units.map((u, position) => {
    const mapped = u.unitId || u.groupId;
    const resolution = mapped ? undefined : resolve(u.name);
    return {
      id: randomUUID(),
      item_id: itemId,
      position,
      raw_name: u.name,
      role: u.role,
      is_group: u.group ? 1 : 0,
      unit_id: mapped ? (u.unitId ?? null) : (resolution?.unitId ?? null),
      group_id: mapped ? (u.groupId ?? null) : (resolution?.groupId ?? null),
      status: mapped ? "manual" : (resolution?.status ?? "unresolved"),
      suggestions_json: JSON.stringify(resolution?.suggestions ?? []),
    };
  });
}
