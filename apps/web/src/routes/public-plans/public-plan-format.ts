import type { PublicPlan, UnitRole } from "@luoshi/contract";
import { formatPath, headingTitle, ROLE_ORDER } from "../../components/plan-format.ts";

/** The public plan as a reader follows it: sections by the plan's headings, the items in plan order. Pure. */

export type PublicItem = PublicPlan["items"][number];

export type PublicSection = {
  key: string;
  title: string;
  /** 0 for the top headings (一、…), 1 below (（一）…), … */
  level: number;
  items: PublicItem[];
  children: PublicSection[];
};

/** Items under their headings; a heading the table repeats later (a new page) joins the section it began. */
export function groupByHeading(items: readonly PublicItem[]): { loose: PublicItem[]; sections: PublicSection[] } {
  const loose: PublicItem[] = [];
  const sections: PublicSection[] = [];
  const index = new Map<string, PublicSection>();
  for (const item of items) {
    if (item.headings.length === 0) {
      loose.push(item);
      continue;
    }
    let siblings = sections;
    let section: PublicSection | undefined;
    let key = "";
    for (const [level, heading] of item.headings.entries()) {
      key += `/${item.path[level] ?? ""}|${heading}`;
      section = index.get(key);
      if (!section) {
        section = { key, title: headingTitle(item.path[level], heading), level, items: [], children: [] };
        index.set(key, section);
        siblings.push(section);
      }
      siblings = section.children;
    }
    section?.items.push(item);
  }
  return { loose, sections };
}

const PUBLIC_ROLE_LABELS: Record<UnitRole, string> = {
  lead: "牵头单位",
  assist: "配合单位",
  responsible: "责任单位",
  supervise: "督办单位",
};

/** 牵头单位：A、B / 配合单位：C — one line per role, in the order the plans print them. */
export function unitLines(units: PublicItem["units"]): { label: string; names: string }[] {
  return ROLE_ORDER.flatMap((role) => {
    const names = [...new Set(units.filter((u) => u.role === role).map((u) => u.name))];
    return names.length > 0 ? [{ label: PUBLIC_ROLE_LABELS[role], names: names.join("、") }] : [];
  });
}

/** The item's own number: the last part of the path, as printed (1. / （三）). */
export function itemNumber(item: PublicItem): string {
  const own = item.path.slice(item.headings.length);
  if (own.length === 0) return "";
  const text = formatPath(own);
  return /^\d+$/.test(text) ? `${text}.` : text;
}

/** A reader looking for a unit or a word: items naming the unit or containing the words. */
export function matchesSearch(item: PublicItem, needle: string): boolean {
  const text = needle.trim();
  if (!text) return true;
  return (
    item.text.includes(text) ||
    item.headings.some((h) => h.includes(text)) ||
    item.units.some((u) => u.name.includes(text)) ||
    item.deadlines.some((d) => d.includes(text))
  );
}
