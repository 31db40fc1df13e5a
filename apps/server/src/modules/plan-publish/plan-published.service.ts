import type { Assignment, PlanVersion, UnitNotice, UnitRole } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import { SYSTEM_ACTOR, audit, inTransaction, nowIso, type Actor } from "../org/org-context.ts";
import type { Db } from "../plan/document.repository.ts";
import { getReadablePlan } from "../plan/plan-context.ts";
import type { SnapshotItem } from "./plan-snapshot.ts";
import {
  findNoticeRow,
  listAssignmentRows,
  listNoticeRows,
  listVersionRows,
  markNoticeRead,
  noticeRowToNotice,
  versionRowToVersion,
  type AssignmentListRow,
} from "./plan-publish.repository.ts";
import { loadSnapshot } from "./snapshot-store.ts";
import { requireUnitInScope, unitInScope } from "./unit-scope.ts";

/** What published plans give each reader: the version history, a unit's assignments, a unit's notices. */

export async function listPlanVersions(db: Db, actor: Actor, planId: string): Promise<PlanVersion[]> {
  const plan = await getReadablePlan(db, actor, planId);
  return (await listVersionRows(db, plan.id)).map(versionRowToVersion);
}

/**
 * The items of the latest published versions assigned to one unit: a liaison's or leader's own unit, or the unit
 * an office names. Item contents come from the frozen version, never from the draft.
 */
export async function listAssignments(
  db: Db,
  actor: Actor,
  query: { planId?: string | undefined; unitId?: string | undefined; role?: UnitRole | undefined },
): Promise<Assignment[]> {
  const unitId = await requireUnitInScope(db, actor, query.unitId);
  const rows = await listAssignmentRows(db, { unitId, planId: query.planId, role: query.role });
  const items = new Map<string, Map<string, SnapshotItem>>();
  const out: Assignment[] = [];
  for (const row of rows) {
    let byId = items.get(row.version_id);
    if (!byId) {
      byId = new Map((await loadSnapshot(db, row.version_id)).items.map((i) => [i.id, i]));
      items.set(row.version_id, byId);
    }
    const item = byId.get(row.item_id);
    if (item) out.push(assignmentOf(row, item));
  }
  return out;
}

function assignmentOf(row: AssignmentListRow, item: SnapshotItem): Assignment {
  return {
    id: row.id,
    planId: row.plan_id,
    planTitle: row.plan_title,
    planYear: row.plan_year === null ? null : Number(row.plan_year),
    versionNumber: Number(row.version_number),
    itemId: item.id,
    path: item.path,
    headings: item.headings,
    text: item.text,
    criteria: item.criteria,
    unitId: row.unit_id,
    unitName: row.unit_name,
    role: row.role,
    viaGroup: row.via_group,
    deadlines: item.deadlines,
    otherUnits: item.units
      .filter((u) => u.unitId !== row.unit_id)
      .map((u) => ({ unitId: u.unitId, name: u.rawName, role: u.role })),
  };
}

export async function listNotices(
  db: Db,
  actor: Actor,
  query: { unitId?: string | undefined; unreadOnly: boolean },
): Promise<UnitNotice[]> {
  const unitId = await requireUnitInScope(db, actor, query.unitId);
  return (await listNoticeRows(db, unitId, { unreadOnly: query.unreadOnly })).map(noticeRowToNotice);
}

const noticeNotFound = () => new AppError("NOT_FOUND", "通知不存在或无权访问");

/** The unit's liaison or leader has read it: the first reading is kept, later ones change nothing. */
export async function readNotice(
  db: Db,
  actor: Actor,
  noticeId: string,
  options: { now?: Date } = {},
): Promise<UnitNotice> {
  return inTransaction(db, async (trx) => {
    const row = await findNoticeRow(trx, noticeId);
    if (!row) throw noticeNotFound();
    const own = await unitInScope(trx, actor, row.unit_id).catch(() => undefined);
    if (own !== row.unit_id) throw noticeNotFound();
    if (row.read_at !== null) return noticeRowToNotice(row);
    const at = nowIso(options.now);
    const userId = actor === SYSTEM_ACTOR ? null : actor.id;
    await markNoticeRead(trx, { id: row.id, at, userId });
    await audit(trx, actor, {
      at,
      action: "plan.notice.read",
      entity: "unit_notice",
      entityId: row.id,
      after: { unitId: row.unit_id, planId: row.plan_id, versionNumber: Number(row.version_number) },
    });
    return noticeRowToNotice({ ...row, read_at: at, read_by: userId });
  });
}
