import type { PlanItemUnit, ResolvedDeadline, UnitRole } from "@luoshi/contract";
import { expandItemUnits, type GroupInfo } from "./group-expansion.ts";

/**
 * A published version, frozen: what the plan said and whom it assigned, as one JSON document. Everything shown
 * for a version (the liaison's plan view, the public page, the exports, the change list to the next version) is
 * read from here, never from the draft rows the office keeps editing. Pure types and helpers.
 *
 * Stored: the items with their units as written (and resolved), and the groups they name with the members those
 * groups had at publish time. Who each item is assigned to is not stored per item (at 60 × 200 that would be most
 * of the document): it follows from those two by expandItemUnits, and is recomputed when a version is read.
 */

/** A unit as the item names it, with its resolution at publish time (suggestions are the office's business). */
export type SnapshotUnit = Pick<PlanItemUnit, "rawName" | "role" | "isGroup" | "unitId" | "groupId" | "status">;

/** Whom the item was assigned to once groups were expanded: one entry per unit, its strongest role. */
export type SnapshotAssignee = { unitId: string; role: UnitRole; viaGroupId: string | null; viaGroup: string | null };

export type StoredSnapshotItem = {
  id: string;
  position: number;
  path: string[];
  headings: string[];
  text: string;
  criteria: string | null;
  unitsText: string | null;
  deadlines: ResolvedDeadline[];
  units: SnapshotUnit[];
  /** The item's edit version when it was published. */
  version: number;
};

export type StoredSnapshot = {
  planId: string;
  jurisdictionId: string;
  documentId: string;
  title: string | null;
  source: "table" | "outline";
  columns: string[];
  year: number | null;
  /** The groups the items name, as they were at publish time. */
  groups: Record<string, Omit<GroupInfo, "id">>;
  /** Registry names of every assigned unit at publish time, so reading a version needs no registry lookups. */
  unitNames: Record<string, string>;
  items: StoredSnapshotItem[];
};

export type SnapshotItem = StoredSnapshotItem & { assigned: SnapshotAssignee[] };
/** A version as read: the stored document with each item's assignees worked out. */
export type PlanSnapshot = Omit<StoredSnapshot, "items"> & { items: SnapshotItem[] };

export function groupsOf(snapshot: Pick<StoredSnapshot, "groups">): Map<string, GroupInfo> {
  return new Map(Object.entries(snapshot.groups).map(([id, g]) => [id, { id, ...g }]));
}

export function expandSnapshot(stored: StoredSnapshot): PlanSnapshot {
  const groups = groupsOf(stored);
  return {
    ...stored,
    items: stored.items.map((item) => ({ ...item, assigned: expandItemUnits(item.units, groups).assigned })),
  };
}

export function toStoredSnapshot(snapshot: PlanSnapshot): StoredSnapshot {
  return { ...snapshot, items: snapshot.items.map(({ assigned: _assigned, ...item }) => item) };
}

/** The earliest date any of the item's deadlines resolves to (ISO dates sort as text). */
export function earliestDueDate(deadlines: readonly ResolvedDeadline[]): string | null {
  const dates = deadlines.map((d) => d.resolvedDate).filter((d): d is string => d !== null);
  return dates.length === 0 ? null : dates.reduce((a, b) => (b < a ? b : a));
}

export function countAssignments(items: readonly SnapshotItem[]): { assignments: number; units: number } {
  const units = new Set<string>();
  let assignments = 0;
  for (const item of items) {
    assignments += item.assigned.length;
    for (const a of item.assigned) units.add(a.unitId);
  }
  return { assignments, units: units.size };
}
