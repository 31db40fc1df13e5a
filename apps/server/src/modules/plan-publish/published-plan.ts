import type { PlanDetail, PlanSummary } from "@luoshi/contract";
import type { Db } from "../plan/document.repository.ts";
import { planRowToSummary, type PlanRow } from "../plan/plan.repository.ts";
import type { PlanSnapshot } from "./plan-snapshot.ts";
import { findVersionSummaryRow } from "./plan-publish.repository.ts";
import { loadLatestVersion } from "./snapshot-store.ts";

/**
 * A plan as those who only see published plans (unit liaisons and leaders) see it: the latest published version,
 * never the office's later draft edits. The summary's counts are the version's, and there is nothing unpublished
 * to hint at.
 */

export async function presentPublishedPlan(db: Db, row: PlanRow): Promise<PlanDetail> {
  const { snapshot } = await loadLatestVersion(db, row);
  return { ...publishedSummary(row, snapshot.items.length), items: snapshotItemsAsPlanItems(snapshot) };
}

export async function presentPublishedPlans(db: Db, rows: readonly PlanRow[]): Promise<PlanSummary[]> {
  const out: PlanSummary[] = [];
  for (const row of rows) {
    const version =
      row.published_version === null ? undefined : await findVersionSummaryRow(db, row.id, row.published_version);
    if (version) out.push(publishedSummary(row, Number(version.item_count)));
  }
  return out;
}

function publishedSummary(row: PlanRow, itemCount: number): PlanSummary {
  return { ...planRowToSummary(row, { itemCount, unresolvedCount: 0 }), hasUnpublishedChanges: false };
}

export function snapshotItemsAsPlanItems(snapshot: PlanSnapshot): PlanDetail["items"] {
  return snapshot.items.map((item) => ({
    id: item.id,
    position: item.position,
    path: item.path,
    headings: item.headings,
    text: item.text,
    criteria: item.criteria,
    unitsText: item.unitsText,
    deadlines: item.deadlines.map(({ resolvedDate: _date, note: _note, ...deadline }) => deadline),
    // Occurrence ids are the draft's business; a published occurrence is named by its item and place.
    units: item.units.map((u, position) => ({ ...u, id: `${item.id}#${position}`, position, suggestions: [] })),
    version: item.version,
  }));
}
