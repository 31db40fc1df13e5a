import type { Deadline, PlanItem, PlanItemUnit, ResolvedDeadline, UnitRole } from "@luoshi/contract";
import { UNIT_ROLE_LABELS } from "./labels.ts";

/**
 * How plan items read in tables, trees and exports — the way the printed 分工方案 writes them. Pure.
 */

/** The numbering path as printed: 一（一）1, 四（十二）, 五、59; two arabic levels get a dot (1.2). */
export function formatPath(path: readonly string[]): string {
  let out = "";
  for (const [index, part] of path.entries()) {
    const previous = path[index - 1];
    if (previous !== undefined && /^\d+$/.test(previous) && /^\d+$/.test(part)) out += `.${part}`;
    else if (previous !== undefined && /^[一二三四五六七八九十百]+$/.test(previous) && /^\d/.test(part))
      out += `、${part}`;
    else out += part;
  }
  return out;
}

/** A heading as a tree title: 一、优化政务公开工作基础 / （一）深化… / 1. … */
export function headingTitle(number: string | undefined, heading: string | undefined): string {
  const text = heading ?? "";
  if (!number) return text;
  if (/^[（(]/.test(number)) return `${number}${text}`;
  if (/^\d+$/.test(number)) return `${number}. ${text}`;
  return `${number}、${text}`;
}

/** Roles in the order the printed plans name them. */
export const ROLE_ORDER: readonly UnitRole[] = ["lead", "assist", "responsible", "supervise"];

export function unitLabel(unit: Pick<PlanItemUnit, "rawName" | "role">): string {
  return `${unit.rawName}（${UNIT_ROLE_LABELS[unit.role]}）`;
}

/** A unit occurrence pointing at nothing in the registry yet. */
export function isUnresolved(unit: Pick<PlanItemUnit, "unitId" | "groupId">): boolean {
  return !unit.unitId && !unit.groupId;
}

/** The resolution of a deadline for display: a date, or why there is none. */
export type DeadlineResolution = { date: string | null; note: string | null };

export function deadlineKey(deadline: Deadline): string {
  return JSON.stringify([deadline.kind, deadline.text, deadline.date, deadline.month, deadline.day]);
}

/**
 * “2022年底前（2022-12-31）”. Without a date: a standing task reads as printed (长期坚持), one counted from an event
 * says so briefly, anything else carries the calendar's reason.
 */
export function deadlineText(deadline: Deadline, resolution: DeadlineResolution | undefined): string {
  if (resolution?.date) return `${deadline.text}（${resolution.date}）`;
  if (deadline.kind === "standing") return deadline.text;
  const note = deadline.kind === "within" ? "自相关事项发生之日起算" : resolution?.note;
  return note ? `${deadline.text}（${note}）` : deadline.text;
}

export function resolvedDeadlineText(deadline: ResolvedDeadline): string {
  return deadlineText(deadline, { date: deadline.resolvedDate, note: deadline.note });
}

/** The earliest resolved date of an item's deadlines, for sorting by 完成时限. */
export function earliestDate(dates: readonly (string | null | undefined)[]): string | null {
  const real = dates.filter((d): d is string => Boolean(d)).sort();
  return real[0] ?? null;
}

export type ItemFilter = {
  text: string;
  /** `unit:<id>`, `group:<id>` or `raw:<name>` (an unresolved name). */
  unit: string | undefined;
  unresolvedOnly: boolean;
};

export function unitKeyOf(unit: Pick<PlanItemUnit, "unitId" | "groupId" | "rawName">): string {
  if (unit.unitId) return `unit:${unit.unitId}`;
  if (unit.groupId) return `group:${unit.groupId}`;
  return `raw:${unit.rawName}`;
}

/** The office's filter over a plan's items: words in the task/criteria/units, one unit, only unresolved. */
export function filterItems(items: readonly PlanItem[], filter: ItemFilter): PlanItem[] {
  const needle = filter.text.trim();
  return items.filter((item) => {
    if (filter.unresolvedOnly && !item.units.some(isUnresolved)) return false;
    if (filter.unit && !item.units.some((u) => unitKeyOf(u) === filter.unit)) return false;
    if (!needle) return true;
    const haystack = [
      formatPath(item.path),
      item.text,
      item.criteria ?? "",
      item.unitsText ?? "",
      ...item.headings,
      ...item.units.map((u) => u.rawName),
    ];
    return haystack.some((s) => s.includes(needle));
  });
}

export type UnresolvedEntry = {
  rawName: string;
  occurrences: number;
  /** Items naming it, in plan order. */
  items: PlanItem[];
  roles: UnitRole[];
  suggestions: PlanItemUnit["suggestions"];
};

/** Unresolved names of a plan, once per name, in the order they first occur, with the best suggestions seen. */
export function collectUnresolved(items: readonly PlanItem[]): UnresolvedEntry[] {
  const byName = new Map<string, UnresolvedEntry>();
  for (const item of items) {
    for (const unit of item.units) {
      if (!isUnresolved(unit)) continue;
      let entry = byName.get(unit.rawName);
      if (!entry) {
        entry = { rawName: unit.rawName, occurrences: 0, items: [], roles: [], suggestions: [] };
        byName.set(unit.rawName, entry);
      }
      entry.occurrences += 1;
      if (!entry.items.includes(item)) entry.items.push(item);
      if (!entry.roles.includes(unit.role)) entry.roles.push(unit.role);
      for (const s of unit.suggestions) {
        const known = entry.suggestions.find((k) => k.unitId === s.unitId);
        if (!known) entry.suggestions.push({ ...s });
        else if (s.score > known.score) known.score = s.score;
      }
    }
  }
  for (const entry of byName.values()) entry.suggestions.sort((a, b) => b.score - a.score);
  return [...byName.values()];
}

export type HeadingNode = {
  key: string;
  title: string;
  children: HeadingNode[];
  /** Set on leaves: the item itself. */
  item?: PlanItem;
};

/**
 * Items as the outline of the printed plan: one node per heading (by its number and text), the items as leaves
 * in plan order. Items of a heading that comes back later (tables repeat categories) join the existing node.
 */
export function headingTree(items: readonly PlanItem[]): HeadingNode[] {
  const roots: HeadingNode[] = [];
  const index = new Map<string, HeadingNode>();
  for (const item of items) {
    let siblings = roots;
    let key = "";
    for (const [level, heading] of item.headings.entries()) {
      key += `/${item.path[level] ?? ""}|${heading}`;
      let node = index.get(key);
      if (!node) {
        node = { key: `h${key}`, title: headingTitle(item.path[level], heading), children: [] };
        index.set(key, node);
        siblings.push(node);
      }
      siblings = node.children;
    }
    siblings.push({ key: `i/${item.id}`, title: `${formatPath(item.path)} ${item.text}`, children: [], item });
  }
  return roots;
}
