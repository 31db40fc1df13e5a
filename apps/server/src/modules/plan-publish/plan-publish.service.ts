import { randomUUID } from "node:crypto";
import type { PublishPlanRequest, PublishResult } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import { SYSTEM_ACTOR, audit, inTransaction, nowIso, type Actor } from "../org/org-context.ts";
import type { Db } from "../plan/document.repository.ts";
import { getWritablePlan } from "../plan/plan-context.ts";
import type { ItemUnitRow } from "../plan/plan.repository.ts";
import { affectedUnitIds, changesForUnit, diffSnapshots } from "./plan-diff.ts";
import { countAssignments, toStoredSnapshot, type PlanSnapshot } from "./plan-snapshot.ts";
import { assignmentRewrite } from "./assignment-rewrite.ts";
import {
  deleteAssignmentRows,
  findUserDisplayName,
  findVersionSummaryRow,
  insertAssignmentRows,
  insertNoticeRows,
  insertVersionRow,
  listAssignmentRowsOfPlan,
  markPlanPublished,
  versionRowToVersion,
} from "./plan-publish.repository.ts";
import { buildSnapshot } from "./snapshot-builder.ts";
import { loadSnapshot, remember } from "./snapshot-store.ts";

export const stalePlan = () => new AppError("CONFLICT", "方案已被修改或已由他人发布，请刷新后重试");

/**
 * Publishes the office's working copy as the next numbered version, in one transaction: freezes the snapshot,
 * replaces the plan's assignments with the new version's, tells each affected unit (every assigned unit for
 * version 1, the units the change list touches after that) and writes the audit row. Refused while any unit name
 * is unmapped, when the plan moved on since the office looked at it, and when nothing changed since the last one.
 */
export async function publishPlan(
  db: Db,
  actor: Actor,
  input: PublishPlanRequest & { planId: string },
  options: { now?: Date } = {},
): Promise<PublishResult> {
  const at = nowIso(options.now);
  const published = await inTransaction(db, async (trx) => {
    const plan = await getWritablePlan(trx, actor, input.planId);
    if (plan.version !== input.version) throw stalePlan();
    const number = (plan.published_version ?? 0) + 1;
    // Taken first: the row lock makes concurrent edits and publishes of this plan wait, then see the new version.
    if (!(await markPlanPublished(trx, { planId: plan.id, expectedVersion: plan.version, number, at }))) {
      throw stalePlan();
    }
    const built = await buildSnapshot(trx, plan, { date: at.slice(0, 10) });
    if (built.snapshot.items.length === 0) throw new AppError("VALIDATION_FAILED", "方案中没有任务，不能发布");
    if (built.unresolved.length > 0) throw unresolvedUnits(built.unresolved);

    const previous = plan.published_version
      ? await findVersionSummaryRow(trx, plan.id, plan.published_version)
      : undefined;
    const changes = previous ? diffSnapshots((await loadSnapshot(trx, previous.id)).items, built.snapshot.items) : [];
    if (previous && changes.length === 0) {
      throw new AppError("CONFLICT", `方案自第${previous.number}版发布以来没有变化，无需再次发布`);
    }
    const counts = countAssignments(built.snapshot.items);
    const notified = previous ? affectedUnitIds(changes) : allAssignedUnits(built.snapshot);
    const versionId = randomUUID();
    const versionRow = {
      id: versionId,
      plan_id: plan.id,
      number,
      note: input.note || null,
      snapshot_json: JSON.stringify(toStoredSnapshot(built.snapshot)),
      changes_json: JSON.stringify(changes),
      unassigned_json: JSON.stringify(built.unassigned),
      item_count: built.snapshot.items.length,
      assignment_count: counts.assignments,
      unit_count: counts.units,
      notified_unit_count: notified.length,
      published_at: at,
      published_by: actor === SYSTEM_ACTOR ? null : actor.id,
    };
    await insertVersionRow(trx, versionRow);
    const rewrite = assignmentRewrite(await listAssignmentRowsOfPlan(trx, plan.id), built.snapshot);
    await deleteAssignmentRows(trx, rewrite.deleteIds);
    await insertAssignmentRows(trx, rewrite.insert);
    const perUnit = unitAssignmentCounts(built.snapshot);
    await insertNoticeRows(
      trx,
      notified.map((unitId) => ({
        id: randomUUID(),
        plan_id: plan.id,
        version_id: versionId,
        unit_id: unitId,
        changes_json: JSON.stringify(changesForUnit(changes, unitId)),
        assignment_count: perUnit.get(unitId) ?? 0,
        created_at: at,
        read_at: null,
        read_by: null,
      })),
    );
    await audit(trx, actor, {
      at,
      action: "plan.published",
      entity: "plan",
      entityId: plan.id,
      before: { status: plan.status, publishedVersion: plan.published_version, version: plan.version },
      after: {
        versionId,
        number,
        note: versionRow.note,
        items: versionRow.item_count,
        assignments: counts.assignments,
        units: counts.units,
        changes: changes.map((c) => ({ kind: c.kind, itemId: c.itemId, fields: c.fields })),
        notifiedUnits: notified.length,
        unassignedGroups: built.unassigned.map((u) => u.rawName),
      },
    });
    const publisherName = versionRow.published_by ? await findUserDisplayName(trx, versionRow.published_by) : null;
    return { versionRow, publisherName, snapshot: built.snapshot, notified };
  });
  remember(published.versionRow.id, published.snapshot);
  return {
    version: versionRowToVersion({ ...published.versionRow, published_by_name: published.publisherName }),
    notifiedUnitIds: published.notified,
    unresolvedCount: 0,
  };
}

function unresolvedUnits(rows: readonly ItemUnitRow[]): AppError {
  const names = [...new Set(rows.map((r) => r.raw_name))];
  const shown = names
    .slice(0, 5)
    .map((n) => `“${n}”`)
    .join("、");
  return new AppError(
    "UNRESOLVED_UNITS",
    `还有 ${rows.length} 处责任单位（${names.length} 个名称：${shown}${names.length > 5 ? "等" : ""}）` +
      `未对应到单位名录，请先完成单位映射再发布`,
  );
}

function allAssignedUnits(snapshot: PlanSnapshot): string[] {
  return [...new Set(snapshot.items.flatMap((i) => i.assigned.map((a) => a.unitId)))].sort();
}

function unitAssignmentCounts(snapshot: PlanSnapshot): Map<string, number> {
  const out = new Map<string, number>();
  for (const item of snapshot.items) for (const a of item.assigned) out.set(a.unitId, (out.get(a.unitId) ?? 0) + 1);
  return out;
}
