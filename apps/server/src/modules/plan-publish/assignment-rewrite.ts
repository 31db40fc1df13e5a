import { randomUUID } from "node:crypto";
import type { AssignmentInsert } from "./plan-publish.repository.ts";
import { earliestDueDate, type PlanSnapshot } from "./plan-snapshot.ts";

/**
 * Which assignment rows a new version deletes and inserts. A unit that keeps an item keeps its row id (later
 * modules hang progress on it); an unchanged row is not touched at all, so a version 2 with a few edits writes a
 * few rows, not 12,000. A changed row is deleted and inserted again under the same id: one bulk statement each
 * way, whatever the number of changes. Pure apart from making ids.
 */
export function assignmentRewrite(
  existing: readonly AssignmentInsert[],
  snapshot: PlanSnapshot,
): { deleteIds: string[]; insert: AssignmentInsert[] } {
  const held = new Map(existing.map((row) => [`${row.item_id}\u0000${row.unit_id}`, row]));
  const deleteIds: string[] = [];
  const insert: AssignmentInsert[] = [];
  for (const item of snapshot.items) {
    const due = earliestDueDate(item.deadlines);
    for (const a of item.assigned) {
      const key = `${item.id}\u0000${a.unitId}`;
      const previous = held.get(key);
      held.delete(key);
      const row: AssignmentInsert = {
        id: previous?.id ?? randomUUID(),
        plan_id: snapshot.planId,
        item_id: item.id,
        item_position: item.position,
        unit_id: a.unitId,
        role: a.role,
        via_group_id: a.viaGroupId,
        via_group: a.viaGroup,
        due_date: due,
      };
      if (previous && sameRow(previous, row)) continue;
      if (previous) deleteIds.push(previous.id);
      insert.push(row);
    }
  }
  for (const gone of held.values()) deleteIds.push(gone.id);
  return { deleteIds, insert };
}

function sameRow(a: AssignmentInsert, b: AssignmentInsert): boolean {
  return (
    Number(a.item_position) === b.item_position &&
    a.role === b.role &&
    a.via_group_id === b.via_group_id &&
    a.via_group === b.via_group &&
    a.due_date === b.due_date
  );
}
