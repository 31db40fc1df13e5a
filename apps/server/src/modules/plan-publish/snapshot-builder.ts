import type { Deadline, UnassignedGroup } from "@luoshi/contract";
import { loadCalendar } from "../calendar/calendar.service.ts";
import { findDocumentRow, type Db } from "../plan/document.repository.ts";
import { listItemRows, listItemUnitRows, type ItemUnitRow, type PlanRow } from "../plan/plan.repository.ts";
import { resolveItemDeadlines } from "./deadline-resolution.ts";
import { expandItemUnits, type GroupInfo } from "./group-expansion.ts";
import type { PlanSnapshot, SnapshotItem, SnapshotUnit } from "./plan-snapshot.ts";
import { listGroupsWithMembers, listUnitNames } from "./plan-publish.repository.ts";

/**
 * The plan as it stands in the office's working copy, frozen into the shape a published version keeps: items,
 * units as written with their resolution, whom the groups reach (members valid on `date`), resolved deadlines.
 * Publishing stores it; exporting a draft reads it without storing.
 */
export async function buildSnapshot(
  db: Db,
  plan: PlanRow,
  options: { date: string },
): Promise<{ snapshot: PlanSnapshot; unassigned: UnassignedGroup[]; unresolved: ItemUnitRow[] }> {
  const itemRows = await listItemRows(db, [plan.id]);
  const unitRows = await listItemUnitRows(
    db,
    itemRows.map((i) => i.id),
  );
  const unitsByItem = new Map<string, ItemUnitRow[]>();
  for (const u of unitRows) {
    const list = unitsByItem.get(u.item_id);
    if (list) list.push(u);
    else unitsByItem.set(u.item_id, [u]);
  }
  const groupIds = [...new Set(unitRows.map((u) => u.group_id).filter((id): id is string => id !== null))];
  const groups = new Map<string, GroupInfo>(
    (await listGroupsWithMembers(db, groupIds, options.date)).map((g) => [g.id, g]),
  );
  const calendar = await loadCalendar(db);
  const document = await findDocumentRow(db, plan.document_id);
  const context = { planYear: plan.year, issuedOn: document?.date ?? null };

  const unassigned = new Map<string, UnassignedGroup>();
  const items: SnapshotItem[] = itemRows.map((row) => {
    const units: SnapshotUnit[] = (unitsByItem.get(row.id) ?? [])
      .sort((a, b) => a.position - b.position)
      .map((u) => ({
        rawName: u.raw_name,
        role: u.role,
        isGroup: u.is_group === 1,
        unitId: u.unit_id,
        groupId: u.group_id,
        status: u.status,
      }));
    const expanded = expandItemUnits(units, groups);
    for (const miss of expanded.unassigned) {
      const key = `${miss.groupId}\u0000${miss.rawName}`;
      const entry = unassigned.get(key) ?? { ...miss, itemIds: [] };
      if (!entry.itemIds.includes(row.id)) entry.itemIds.push(row.id);
      unassigned.set(key, entry);
    }
    // Written by the import and the edit services from the contract's types.
    const deadlines = JSON.parse(row.deadlines_json) as Deadline[];
    return {
      id: row.id,
      position: row.position,
      path: JSON.parse(row.path_json) as string[],
      headings: JSON.parse(row.headings_json) as string[],
      text: row.text,
      criteria: row.criteria,
      unitsText: row.units_text,
      deadlines: resolveItemDeadlines(deadlines, context, calendar),
      units,
      assigned: expanded.assigned,
      version: row.version,
    };
  });
  const assignedIds = [...new Set(items.flatMap((i) => i.assigned.map((a) => a.unitId)))];
  const snapshot: PlanSnapshot = {
    planId: plan.id,
    jurisdictionId: plan.jurisdiction_id,
    documentId: plan.document_id,
    title: plan.title,
    source: plan.source,
    // Written by the import from the parser's string[].
    columns: JSON.parse(plan.columns_json) as string[],
    year: plan.year,
    groups: Object.fromEntries([...groups.values()].map(({ id, ...g }) => [id, g])),
    unitNames: Object.fromEntries(await listUnitNames(db, assignedIds)),
    items,
  };
  return {
    snapshot,
    unassigned: [...unassigned.values()],
    unresolved: unitRows.filter((u) => !u.unit_id && !u.group_id),
  };
}
