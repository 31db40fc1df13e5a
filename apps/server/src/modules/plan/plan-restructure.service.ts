import { randomUUID } from "node:crypto";
import type { Deadline, MergePlanItemsRequest, PlanDetail, SplitPlanItemRequest } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import { audit, inTransaction, nowIso, type Actor } from "../org/org-context.ts";
import { copyItemLinks, redirectUpstreamLinks } from "../plan-draft/plan-draft.repository.ts";
import { deadlinesIn, splitPath } from "./plan.ts";
import { getWritablePlan, presentPlanDetail } from "./plan-context.ts";
import { itemNotFound, staleItem } from "./plan-edit.service.ts";
import type { Db } from "./document.repository.ts";
import {
  deleteItemRows,
  deleteItemUnitRows,
  findItemRow,
  insertItemRows,
  insertItemUnitRows,
  listItemRows,
  listItemUnitRows,
  setItemPosition,
  shiftItemPositions,
  touchPlan,
  updateItemRow,
} from "./plan.repository.ts";

/**
 * Splitting and merging items: a table row that held two tasks, or one task the parser cut at a page break.
 * Real documents need both before a plan is published; the result is the whole plan, renumbered.
 */

export async function splitPlanItem(
  db: Db,
  actor: Actor,
  input: SplitPlanItemRequest & { planId: string; itemId: string },
  options: { now?: Date } = {},
): Promise<PlanDetail> {
  return inTransaction(db, async (trx) => {
    const plan = await getWritablePlan(trx, actor, input.planId);
    const item = await findItemRow(trx, plan.id, input.itemId);
    if (!item) throw itemNotFound();
    if (item.version !== input.version) throw staleItem();
    // Written by the import or by these services from the contract's types.
    const deadlines = JSON.parse(item.deadlines_json) as Deadline[];
    const path = JSON.parse(item.path_json) as string[];
    const units = await listItemUnitRows(trx, [item.id]);
    const [first, ...rest] = input.parts;
    const updated = await updateItemRow(trx, item.id, item.version, {
      text: first ?? item.text,
      deadlines_json: JSON.stringify(deadlinesIn(first ?? "", deadlines)),
    });
    if (!updated) throw staleItem();
    await shiftItemPositions(trx, plan.id, item.position, rest.length);
    const newItems = rest.map((text, i) => ({
      id: randomUUID(),
      plan_id: plan.id,
      position: item.position + 1 + i,
      path_json: JSON.stringify(splitPath(path, i + 2)),
      headings_json: item.headings_json,
      text,
      criteria: item.criteria,
      units_text: item.units_text,
      deadlines_json: JSON.stringify(deadlinesIn(text, deadlines)),
      version: 1,
    }));
    await insertItemRows(trx, newItems);
    // Each part keeps the responsible units of the row it came from, resolution included.
    await insertItemUnitRows(
      trx,
      newItems.flatMap((n) => units.map((u) => ({ ...u, id: randomUUID(), item_id: n.id }))),
    );
    await copyItemLinks(trx, { from: [item.id], to: newItems.map((n) => n.id) });
    const at = nowIso(options.now);
    await touchPlan(trx, plan.id, at);
    await audit(trx, actor, {
      at,
      action: "plan.item.split",
      entity: "plan_item",
      entityId: item.id,
      before: { text: item.text },
      after: { parts: input.parts, newItemIds: newItems.map((n) => n.id) },
    });
    return presentPlanDetail(trx, { ...plan, version: plan.version + 1, updated_at: at });
  });
}

export async function mergePlanItems(
  db: Db,
  actor: Actor,
  input: MergePlanItemsRequest & { planId: string },
  options: { now?: Date } = {},
): Promise<PlanDetail> {
  return inTransaction(db, async (trx) => {
    const plan = await getWritablePlan(trx, actor, input.planId);
    if (new Set(input.items.map((i) => i.id)).size !== input.items.length) {
      throw new AppError("VALIDATION_FAILED", "合并的任务不能重复");
    }
    const rows = [];
    for (const ref of input.items) {
      const row = await findItemRow(trx, plan.id, ref.id);
      if (!row) throw itemNotFound();
      if (row.version !== ref.version) throw staleItem();
      rows.push(row);
    }
    rows.sort((a, b) => a.position - b.position);
    const [keep, ...folded] = rows;
    if (!keep) throw itemNotFound();
    const units = await listItemUnitRows(
      trx,
      rows.map((r) => r.id),
    );
    const join = (values: (string | null)[]) => values.filter((v): v is string => !!v).join("\n") || null;
    const merged = await updateItemRow(trx, keep.id, keep.version, {
      text: rows.map((r) => r.text).join("\n"),
      criteria: join(rows.map((r) => r.criteria)),
      units_text: join([...new Set(rows.map((r) => r.units_text))]),
      deadlines_json: JSON.stringify(rows.flatMap((r) => JSON.parse(r.deadlines_json) as Deadline[])),
    });
    if (!merged) throw staleItem();
    // The merged item answers to every unit of its parts, once per name and role, in the parts' order.
    const seen = new Set<string>();
    const keptUnits = [];
    for (const row of rows) {
      for (const u of units.filter((x) => x.item_id === row.id).sort((a, b) => a.position - b.position)) {
        const key = `${u.raw_name}|${u.role}`;
        if (seen.has(key)) continue;
        seen.add(key);
        keptUnits.push({ ...u, id: randomUUID(), item_id: keep.id, position: keptUnits.length });
      }
    }
    // Before the folded items go (their links with them): the kept item implements what they implemented, and
    // local items that implemented a folded item now implement the kept one.
    await copyItemLinks(trx, { from: folded.map((r) => r.id), to: [keep.id] });
    await redirectUpstreamLinks(trx, { from: folded.map((r) => r.id), to: keep.id });
    await deleteItemRows(
      trx,
      folded.map((r) => r.id),
    );
    await deleteItemUnitRows(trx, [keep.id]);
    await insertItemUnitRows(trx, keptUnits);
    // Close the gaps the folded items left, keeping the plan's order.
    const remaining = await listItemRows(trx, [plan.id]);
    for (const [position, row] of remaining.entries()) {
      if (row.position !== position) await setItemPosition(trx, row.id, position);
    }
    const at = nowIso(options.now);
    await touchPlan(trx, plan.id, at);
    await audit(trx, actor, {
      at,
      action: "plan.items.merged",
      entity: "plan_item",
      entityId: keep.id,
      before: rows.map((r) => ({ id: r.id, text: r.text })),
      after: { id: keep.id, removed: folded.map((r) => r.id) },
    });
    return presentPlanDetail(trx, { ...plan, version: plan.version + 1, updated_at: at });
  });
}
