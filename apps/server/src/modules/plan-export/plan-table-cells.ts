import {
  ROLE_LABELS,
  findUnitRole,
  formatUnits,
  headingLabel,
  itemNumber,
  type PlanExportColumn,
  type PlanExportItem,
} from "./plan-export.ts";

/** The text of one cell and whether a category cell starts or continues a merged run. Shared by the .docx writers. */

export type MergeState = "restart" | "continue" | "none";

/**
 * Category cells merge over consecutive items under the same heading at that level and above. An item without a
 * heading at a level (seed 001 item 59 sits directly under 五、) gets an empty cell of its own run.
 */
export function mergeStates(items: readonly PlanExportItem[], level: number): MergeState[] {
  const keys = items.map((item) => {
    const parts: string[] = [];
    for (let l = 0; l <= level; l++) parts.push(`${item.path[l] ?? ""}\u0000${item.headings[l] ?? "\u0001"}`);
    return parts.join("\u0002");
  });
  return keys.map((key, i) => {
    const sameAsPrevious = i > 0 && keys[i - 1] === key;
    const sameAsNext = i + 1 < keys.length && keys[i + 1] === key;
    if (sameAsPrevious) return "continue";
    return sameAsNext ? "restart" : "none";
  });
}

export function cellText(item: PlanExportItem, column: PlanExportColumn): string {
  switch (column.key) {
    case "heading":
      return headingLabel(item, column.level);
    case "text":
      return `${itemNumber(item)}${item.text}`;
    case "criteria":
      return item.criteria ?? "";
    case "units":
      return formatUnits(item.units);
    case "deadline":
      return item.deadlineText ?? "";
    case "role": {
      const role = findUnitRole(item, column.unitName);
      return role ? ROLE_LABELS[role] : "";
    }
  }
}

/** Relative widths: the task text gets the most room, category cells enough for a short title per line. */
export function columnWeight(column: PlanExportColumn): number {
  switch (column.key) {
    case "heading":
      return column.level === 0 ? 13 : 17;
    case "text":
      return 42;
    case "criteria":
      return 30;
    case "units":
      return 20;
    case "deadline":
      return 12;
    case "role":
      return 11;
  }
}
