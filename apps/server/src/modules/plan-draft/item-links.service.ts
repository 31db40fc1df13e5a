import type { ItemLink } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import type { Actor } from "../access/scope.ts";
import { SYSTEM_ACTOR, audit, inTransaction, nowIso } from "../org/org-context.ts";
import type { Db } from "../plan/document.repository.ts";
import { getReadablePlan, getWritablePlan } from "../plan/plan-context.ts";
import { itemNotFound } from "../plan/plan-edit.service.ts";
import { findItemRow, findPlanRow } from "../plan/plan.repository.ts";
import {
  deleteItemLinkRows,
  insertItemLinkRows,
  listItemLinkViews,
  listItemRowsByIds,
  type ItemLinkView,
} from "./plan-draft.repository.ts";
import { readableJurisdictions } from "./readable-jurisdictions.ts";

/** Which upstream items a local item implements: read, and replaced as a whole by the office. */

const upstreamItemNotFound = () => new AppError("NOT_FOUND", "上级任务不存在或无权访问");

function presentLink(row: ItemLinkView): ItemLink {
  return {
    upstreamItemId: row.upstream_item_id,
    upstreamPlanId: row.upstream_plan_id,
    // Written by the import or the plan services from the contract's string[].
    path: JSON.parse(row.upstream_path_json) as string[],
    text: row.upstream_text,
    origin: row.origin,
  };
}

/** The item's links the actor may see: one to a plan of a scope the actor cannot read is left out. */
async function readableLinks(db: Db, actor: Actor, itemId: string): Promise<ItemLink[]> {
  const canRead = readableJurisdictions(db, actor);
  const out: ItemLink[] = [];
  for (const row of await listItemLinkViews(db, [itemId])) {
    if (await canRead(row.upstream_jurisdiction_id)) out.push(presentLink(row));
  }
  return out;
}

export async function getItemLinks(db: Db, actor: Actor, input: { planId: string; itemId: string }) {
  const plan = await getReadablePlan(db, actor, input.planId);
  const item = await findItemRow(db, plan.id, input.itemId);
  if (!item) throw itemNotFound();
  return readableLinks(db, actor, item.id);
}

/**
 * Replaces the item's links with `upstreamItemIds`. A link that stays keeps its origin (a drafted link stays
 * "draft"); a new one is the office's; links into scopes the actor cannot read are kept. Every upstream item must be in another plan the actor may read.
 * One audit row with the links before and after; nothing is written when nothing changes.
 */
export async function setItemLinks(
  db: Db,
  actor: Actor,
  input: { planId: string; itemId: string; upstreamItemIds: readonly string[] },
  options: { now?: Date } = {},
): Promise<ItemLink[]> {
  return inTransaction(db, async (trx) => {
    const plan = await getWritablePlan(trx, actor, input.planId);
    const item = await findItemRow(trx, plan.id, input.itemId);
    if (!item) throw itemNotFound();
    const wanted = [...new Set(input.upstreamItemIds)];
    const rows = await listItemRowsByIds(trx, wanted);
    if (rows.length !== wanted.length) throw upstreamItemNotFound();
    const canRead = readableJurisdictions(trx, actor);
    const readablePlans = new Set<string>();
    for (const row of rows) {
      if (row.plan_id === plan.id) throw new AppError("VALIDATION_FAILED", "任务不能关联到本方案自己的任务");
      if (readablePlans.has(row.plan_id)) continue;
      const upstreamPlan = await findPlanRow(trx, row.plan_id);
      if (!upstreamPlan || !(await canRead(upstreamPlan.jurisdiction_id))) throw upstreamItemNotFound();
      readablePlans.add(upstreamPlan.id);
    }
    const before = await listItemLinkViews(trx, [item.id]);
    const existing = new Set(before.map((l) => l.upstream_item_id));
    const added = wanted.filter((id) => !existing.has(id));
    // Links into a scope the actor cannot see were not shown to it, so they are not its to remove.
    const removed: string[] = [];
    for (const link of before) {
      if (wanted.includes(link.upstream_item_id)) continue;
      if (await canRead(link.upstream_jurisdiction_id)) removed.push(link.upstream_item_id);
    }
    if (added.length === 0 && removed.length === 0) return readableLinks(trx, actor, item.id);
    const at = nowIso(options.now);
    await deleteItemLinkRows(trx, item.id, removed);
    await insertItemLinkRows(
      trx,
      added.map((upstreamItemId) => ({
        item_id: item.id,
        upstream_item_id: upstreamItemId,
        origin: "office" as const,
        // The system actor (CLI, seeding) is no user row.
        created_by: actor === SYSTEM_ACTOR ? null : actor.id,
        created_at: at,
      })),
    );
    const after = await listItemLinkViews(trx, [item.id]);
    const summary = (links: readonly ItemLinkView[]) =>
      links.map((l) => ({ upstreamItemId: l.upstream_item_id, planId: l.upstream_plan_id, origin: l.origin }));
    await audit(trx, actor, {
      at,
      action: "plan.item.links_set",
      entity: "plan_item",
      entityId: item.id,
      before: summary(before),
      after: summary(after),
    });
    return readableLinks(trx, actor, item.id);
  });
}
