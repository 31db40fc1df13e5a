import type { CoverageItem } from "../coverage/coverage.ts";
import type { ItemRow } from "../plan/plan.repository.ts";

/** A stored plan item as the text-matching modules see it. */
export function toCoverageItem(row: ItemRow): CoverageItem {
  return {
    id: row.id,
    // Written by the import or the plan services from the contract's string[].
    path: JSON.parse(row.path_json) as string[],
    headings: JSON.parse(row.headings_json) as string[],
    text: row.text,
  };
}
