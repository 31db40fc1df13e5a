import type { PlanChange } from "@luoshi/contract";
import type { SnapshotItem } from "./plan-snapshot.ts";

/**
 * The change list between two published versions, and who it concerns. Pure. Items are matched by their id,
 * which an edit keeps (a split adds items, a merge removes them). A change concerns every unit holding the item
 * before or after it: the text changed for all of them, and a lead unit needs to know whom it now coordinates.
 */

type Field = PlanChange["fields"][number];

export function diffSnapshots(before: readonly SnapshotItem[], after: readonly SnapshotItem[]): PlanChange[] {
  const old = new Map(before.map((item) => [item.id, item]));
  const now = new Set(after.map((item) => item.id));
  const changes: PlanChange[] = [];
  for (const item of after) {
    const previous = old.get(item.id);
    if (!previous) {
      changes.push(change("added", item, { fields: [], unitIds: holders(item) }));
      continue;
    }
    const fields = changedFields(previous, item);
    if (fields.length === 0) continue;
    changes.push(
      change("changed", item, {
        fields,
        unitIds: holders(previous, item),
        previousText: fields.includes("text") ? previous.text : null,
      }),
    );
  }
  for (const item of before) {
    if (!now.has(item.id)) changes.push(change("removed", item, { fields: [], unitIds: holders(item) }));
  }
  return changes;
}

/** Units any change concerns, each once, sorted. */
export function affectedUnitIds(changes: readonly PlanChange[]): string[] {
  return [...new Set(changes.flatMap((c) => c.unitIds))].sort();
}

/** What one unit is told: the changes that concern it, each naming only that unit. */
export function changesForUnit(changes: readonly PlanChange[], unitId: string): PlanChange[] {
  return changes.filter((c) => c.unitIds.includes(unitId)).map((c) => ({ ...c, unitIds: [unitId] }));
}

function change(
  kind: PlanChange["kind"],
  item: SnapshotItem,
  rest: { fields: Field[]; unitIds: string[]; previousText?: string | null },
): PlanChange {
  return {
    kind,
    itemId: item.id,
    path: [...item.path],
    text: item.text,
    previousText: rest.previousText ?? null,
    fields: rest.fields,
    unitIds: rest.unitIds,
  };
}

function holders(...items: SnapshotItem[]): string[] {
  return [...new Set(items.flatMap((i) => i.assigned.map((a) => a.unitId)))].sort();
}

function changedFields(a: SnapshotItem, b: SnapshotItem): Field[] {
  const fields: Field[] = [];
  if (a.text !== b.text) fields.push("text");
  if ((a.criteria ?? "") !== (b.criteria ?? "")) fields.push("criteria");
  if (deadlineKey(a) !== deadlineKey(b)) fields.push("deadlines");
  if (unitKey(a) !== unitKey(b)) fields.push("units");
  return fields;
}

// A resolved date that appears later (the calendar got the year's data) is a change the unit should hear about.
const deadlineKey = (item: SnapshotItem) =>
  JSON.stringify(
    item.deadlines.map((d) => [d.text, d.kind, d.date, d.month, d.day, d.amount, d.unit, d.resolvedDate] as const),
  );

// The units as written and whom they reached: a group that gained a member changes the item for that member.
const unitKey = (item: SnapshotItem) =>
  JSON.stringify([
    item.units.map((u) => [u.rawName, u.role, u.unitId, u.groupId]),
    [...item.assigned]
      .sort((x, y) => (x.unitId < y.unitId ? -1 : x.unitId > y.unitId ? 1 : 0))
      .map((a) => [a.unitId, a.role, a.viaGroupId]),
  ]);
