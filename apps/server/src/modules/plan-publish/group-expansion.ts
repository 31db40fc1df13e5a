import type { UnitRole } from "@luoshi/contract";
import type { SnapshotAssignee, SnapshotUnit } from "./plan-snapshot.ts";

/**
 * Who an item is assigned to: the units it names, and the members of the groups it names (各县（市、区）政府 → each
 * county government, with the group kept as `viaGroup`). Pure.
 *
 * A per-item group (市有关单位: “the office says who, item by item”) and a group without members assign nobody.
 * Publishing does not stop for them — the city's own printed plan says 市有关单位 too — but they are reported, so
 * the office can name the units on those items or fill the group and publish again.
 */

export type GroupInfo = { id: string; name: string; perItem: boolean; memberIds: readonly string[] };
export type UnassignedOccurrence = {
  rawName: string;
  groupId: string;
  groupName: string;
  reason: "per_item" | "no_members";
};

const ROLE_STRENGTH: Record<UnitRole, number> = { lead: 0, assist: 1, responsible: 2, supervise: 3 };

export function expandItemUnits(
  units: readonly Pick<SnapshotUnit, "rawName" | "role" | "unitId" | "groupId">[],
  groups: ReadonlyMap<string, GroupInfo>,
): { assigned: SnapshotAssignee[]; unassigned: UnassignedOccurrence[] } {
  const byUnit = new Map<string, SnapshotAssignee>();
  const unassigned: UnassignedOccurrence[] = [];
  const offer = (candidate: SnapshotAssignee) => {
    const held = byUnit.get(candidate.unitId);
    if (!held || outranks(candidate, held)) byUnit.set(candidate.unitId, candidate);
  };
  for (const unit of units) {
    if (unit.unitId) {
      offer({ unitId: unit.unitId, role: unit.role, viaGroupId: null, viaGroup: null });
      continue;
    }
    if (!unit.groupId) continue; // unresolved: publishing refuses these before expanding
    const group = groups.get(unit.groupId);
    const base = { rawName: unit.rawName, groupId: unit.groupId, groupName: group?.name ?? unit.rawName };
    if (group?.perItem) {
      unassigned.push({ ...base, reason: "per_item" });
      continue;
    }
    if (!group || group.memberIds.length === 0) {
      unassigned.push({ ...base, reason: "no_members" });
      continue;
    }
    for (const memberId of group.memberIds) {
      offer({ unitId: memberId, role: unit.role, viaGroupId: group.id, viaGroup: group.name });
    }
  }
  return { assigned: [...byUnit.values()], unassigned };
}

/** Named directly beats reached through a group; then the stronger role (牵头 over 配合 over 落实 over 监督). */
function outranks(candidate: SnapshotAssignee, held: SnapshotAssignee): boolean {
  const direct = (a: SnapshotAssignee) => (a.viaGroupId === null ? 0 : 1);
  if (direct(candidate) !== direct(held)) return direct(candidate) < direct(held);
  return ROLE_STRENGTH[candidate.role] < ROLE_STRENGTH[held.role];
}
