import type { Role, SessionUser } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";

/**
 * Who may see and change what. A jurisdiction is identified by its path of ids from the root down to itself,
 * so "within my jurisdiction" means "my jurisdiction id is on the path". Pure: callers load the paths.
 *  - admin: everything.
 *  - office (主管部门): read and write within their jurisdiction and everything below it.
 *  - viewer (leaders): read within their jurisdiction subtree.
 *  - evaluator: read what they are assigned (assignment arrives with the assessment capability: until then,
 *    their jurisdiction subtree, read-only).
 *  - liaison / leader: their own unit only.
 */
export type Actor = Pick<SessionUser, "id" | "roles" | "jurisdictionId" | "unitId">;
export type Target = { jurisdictionPath: readonly string[]; unitId?: string | null };

const has = (actor: Actor, ...roles: Role[]) => actor.roles.some((r) => roles.includes(r));
const withinJurisdiction = (actor: Actor, target: Target) =>
  actor.jurisdictionId !== null && target.jurisdictionPath.includes(actor.jurisdictionId);

export function canRead(actor: Actor, target: Target): boolean {
  if (has(actor, "admin")) return true;
  if (has(actor, "office", "viewer", "evaluator") && withinJurisdiction(actor, target)) return true;
  return has(actor, "liaison", "leader") && !!target.unitId && target.unitId === actor.unitId;
}

export function canWrite(actor: Actor, target: Target): boolean {
  if (has(actor, "admin")) return true;
  return has(actor, "office") && withinJurisdiction(actor, target);
}

/** Units of another scope are reported as not found, so ids of other units cannot be probed. */
export function assertCanRead(actor: Actor, target: Target): void {
  if (!canRead(actor, target)) throw new AppError("NOT_FOUND", "对象不存在或无权访问");
}

export function assertCanWrite(actor: Actor, target: Target): void {
  if (!canRead(actor, target)) throw new AppError("NOT_FOUND", "对象不存在或无权访问");
  if (!canWrite(actor, target)) throw new AppError("FORBIDDEN", "没有权限修改此对象");
}
