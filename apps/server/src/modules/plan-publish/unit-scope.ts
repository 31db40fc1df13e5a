import { AppError } from "../../http/app-error.ts";
import { jurisdictionPath } from "../access/scope.repository.ts";
import { canRead, type Actor } from "../access/scope.ts";
import { findUnitRow } from "../org/org.repository.ts";
import type { Db } from "../plan/document.repository.ts";
import { seesDraftPlans } from "../plan/plan.ts";

export const unitNotFound = () => new AppError("NOT_FOUND", "单位不存在或无权访问");

/**
 * Whose assignments, notices or task list a request is about. A liaison or leader always means their own unit
 * (naming another one is "not found", so unit ids cannot be probed); office staff, viewers and admins name a unit
 * within their scope, or get undefined when they named none.
 */
export async function unitInScope(db: Db, actor: Actor, requested: string | undefined): Promise<string | undefined> {
  if (!seesDraftPlans(actor.roles)) {
    if (!actor.unitId) throw new AppError("NOT_FOUND", "您的账号未关联单位，请联系管理员");
    if (requested !== undefined && requested !== actor.unitId) throw unitNotFound();
    return actor.unitId;
  }
  if (requested === undefined) return undefined;
  const unit = await findUnitRow(db, requested);
  if (!unit) throw unitNotFound();
  const path = await jurisdictionPath(db, unit.jurisdiction_id);
  if (!canRead(actor, { jurisdictionPath: path, unitId: unit.id })) throw unitNotFound();
  return unit.id;
}

/** Like unitInScope, but a unit is required: office staff must say which. */
export async function requireUnitInScope(db: Db, actor: Actor, requested: string | undefined): Promise<string> {
  const unitId = (await unitInScope(db, actor, requested)) ?? actor.unitId ?? undefined;
  if (!unitId) throw new AppError("VALIDATION_FAILED", "请指定单位（unitId）");
  return unitId;
}
