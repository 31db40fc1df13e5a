import type { UnitRole, UnitSuggestion } from "@luoshi/contract";
import type { Actor } from "../access/scope.ts";
import { listUnitRows } from "../org/org.repository.ts";
import { isValidOn } from "../org/org-names.ts";
import { remitKeywords } from "../org/unit-remit.ts";
import type { Db } from "../plan/document.repository.ts";
import { getReadablePlan } from "../plan/plan-context.ts";
import { itemNotFound } from "../plan/plan-edit.service.ts";
import { findItemRow, listItemRows, listItemUnitRows, type ItemRow } from "../plan/plan.repository.ts";
import { listHistoryPlanRows } from "./plan-draft.repository.ts";
import { suggestUnits, type CandidateUnit, type HistoryItem } from "./unit-suggestions.ts";
import { toCoverageItem } from "./plan-items.ts";

/** Loads what suggestUnits needs from storage: the jurisdiction's earlier plans and its current units. */

export async function suggestUnitsForItems(
  db: Db,
  options: {
    jurisdictionId: string;
    /** The year being planned: history is taken from earlier years (all years when null). */
    year: number | null;
    /** The plan itself and its upstream plan: not history. */
    excludePlanIds: readonly string[];
    items: readonly ItemRow[];
    today: string;
  },
): Promise<Map<string, UnitSuggestion[]>> {
  const units = await currentUnits(db, options.jurisdictionId, options.today);
  const history = await loadHistory(db, { ...options, unitIds: new Set(units.map((u) => u.unitId)) });
  const suggestions = suggestUnits({ targets: options.items.map(toCoverageItem), history, units });
  // A unit the item already names needs no suggesting.
  const assigned = await listItemUnitRows(
    db,
    options.items.map((i) => i.id),
  );
  const taken = new Set(assigned.map((u) => `${u.item_id}|${u.unit_id}`));
  for (const [itemId, list] of suggestions) {
    suggestions.set(
      itemId,
      list.filter((s) => !taken.has(`${itemId}|${s.unitId}`)),
    );
  }
  return suggestions;
}

/** GET /api/plans/:id/items/:itemId/suggestions: the item is compared within its whole plan. */
export async function getItemSuggestions(
  db: Db,
  actor: Actor,
  input: { planId: string; itemId: string },
  options: { now?: Date } = {},
): Promise<UnitSuggestion[]> {
  const plan = await getReadablePlan(db, actor, input.planId);
  const item = await findItemRow(db, plan.id, input.itemId);
  if (!item) throw itemNotFound();
  const suggestions = await suggestUnitsForItems(db, {
    jurisdictionId: plan.jurisdiction_id,
    year: plan.year,
    excludePlanIds: [plan.id, plan.drafted_from_plan_id ?? ""],
    items: await listItemRows(db, [plan.id]),
    today: (options.now ?? new Date()).toISOString().slice(0, 10),
  });
  return suggestions.get(item.id) ?? [];
}

async function currentUnits(db: Db, jurisdictionId: string, today: string): Promise<CandidateUnit[]> {
  const rows = await listUnitRows(db, { jurisdictionIds: [jurisdictionId] });
  return rows
    .filter((u) => isValidOn({ validFrom: u.valid_from, validTo: u.valid_to }, today))
    .map((u) => ({ unitId: u.id, name: u.name, keywords: remitKeywords(u) }));
}

async function loadHistory(
  db: Db,
  options: { jurisdictionId: string; year: number | null; excludePlanIds: readonly string[]; unitIds: Set<string> },
): Promise<HistoryItem[]> {
  const plans = await listHistoryPlanRows(db, {
    jurisdictionId: options.jurisdictionId,
    beforeYear: options.year,
    excludePlanIds: options.excludePlanIds,
  });
  const yearOf = new Map(plans.map((p) => [p.id, p.year]));
  const items = await listItemRows(
    db,
    plans.map((p) => p.id),
  );
  const units = await listItemUnitRows(
    db,
    items.map((i) => i.id),
  );
  const byItem = new Map<string, { unitId: string; role: UnitRole }[]>();
  for (const u of units) {
    if (!u.unit_id || !options.unitIds.has(u.unit_id)) continue;
    byItem.set(u.item_id, [...(byItem.get(u.item_id) ?? []), { unitId: u.unit_id, role: u.role }]);
  }
  return items.flatMap((i) => {
    const assigned = byItem.get(i.id);
    return assigned ? [{ ...toCoverageItem(i), planYear: yearOf.get(i.plan_id) ?? null, units: assigned }] : [];
  });
}
