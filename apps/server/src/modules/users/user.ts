import { randomInt } from "node:crypto";
import type { Role } from "@luoshi/contract";
import { passwordPolicyViolation } from "../auth/password.ts";

/** Roles that belong to one unit (单位联络员、单位领导) and roles that work for a whole jurisdiction. */
const UNIT_ROLES: readonly Role[] = ["liaison", "leader"];
const JURISDICTION_ROLES: readonly Role[] = ["office", "viewer", "evaluator"];

/** Where a user belongs, as stored. */
export type Assignment = { roles: readonly Role[]; jurisdictionId: string | null; unitId: string | null };

/** Why an assignment is invalid (Chinese, for the UI), or undefined. Pure: existence is checked by the service. */
export function assignmentViolation(assignment: Assignment): string | undefined {
  if (assignment.roles.length === 0) return "至少选择一个角色";
  if (assignment.roles.some((r) => UNIT_ROLES.includes(r)) && !assignment.unitId) {
    return "单位联络员和单位领导须指定所属单位";
  }
  if (assignment.roles.some((r) => JURISDICTION_ROLES.includes(r)) && !assignment.jurisdictionId) {
    return "政务公开办、评估人员和查看人员须指定所属行政区划";
  }
  return undefined;
}

/** Roles in a stable order without duplicates, so the stored set and audit entries compare cleanly. */
export function normaliseRoles(roles: readonly Role[]): Role[] {
  const order: readonly Role[] = ["admin", "office", "liaison", "leader", "evaluator", "viewer"];
  return order.filter((r) => roles.includes(r));
}

// No 0/O, 1/l/I: the initial password is read off a screen or a phone and typed in by someone else.
const UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
const LOWER = "abcdefghijkmnopqrstuvwxyz";
const DIGITS = "23456789";
const pick = (alphabet: string) => alphabet.charAt(randomInt(alphabet.length));

/**
 * A generated initial password in groups of four (`Abcd-2345-wxyz` shape, 14 characters with upper case,
 * lower case, digits and a symbol), which always satisfies the password policy for `username`.
 */
export function generateInitialPassword(username: string): string {
  for (;;) {
    const group = () => Array.from({ length: 4 }, () => pick(UPPER + LOWER + DIGITS)).join("");
    const password = `${pick(UPPER)}${pick(LOWER)}${pick(DIGITS)}${group().slice(3)}-${group()}-${group()}`;
    if (!passwordPolicyViolation(password, username)) return password;
  }
}
