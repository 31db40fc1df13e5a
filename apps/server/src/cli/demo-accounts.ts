import type { Kysely } from "kysely";
import type { Role } from "@luoshi/contract";
import type { DB } from "../db/schema.ts";
import { ensureAdmin } from "../modules/auth/auth.service.ts";
import { findRoles, findUserByUsername, userRowToSessionUser } from "../modules/auth/auth.repository.ts";
import { findJurisdictionRowByCode, findUnitRowsByOfficialName } from "../modules/org/org.repository.ts";
import { createUser } from "../modules/users/users.service.ts";
import { CliError } from "./cli-error.ts";

/** One demo account: where it sits is named the way the starter registry names it (区划代码, official unit name). */
type DemoAccount = { username: string; displayName: string; role: Role; jurisdictionCode: string; unitName?: string };

const JIANGMEN = "440700";
const ZHANJIANG = "440800";

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { username: "demo-jm-office", displayName: "江门市政务公开办（演示）", role: "office", jurisdictionCode: JIANGMEN },
  {
    username: "demo-jm-sfj-liaison",
    displayName: "江门市司法局联络员（演示）",
    role: "liaison",
    jurisdictionCode: JIANGMEN,
    unitName: "江门市司法局",
  },
  {
    username: "demo-jm-sfj-leader",
    displayName: "江门市司法局领导（演示）",
    role: "leader",
    jurisdictionCode: JIANGMEN,
    unitName: "江门市司法局",
  },
  {
    username: "demo-jm-evaluator",
    displayName: "江门市评估人员（演示）",
    role: "evaluator",
    jurisdictionCode: JIANGMEN,
  },
  { username: "demo-jm-viewer", displayName: "江门市查看人员（演示）", role: "viewer", jurisdictionCode: JIANGMEN },
  { username: "demo-zj-office", displayName: "湛江市政务公开办（演示）", role: "office", jurisdictionCode: ZHANJIANG },
];

/** `password` only when the account was made by this run: an existing account's password is never known again. */
export type DemoAccountResult = { username: string; role: Role; password?: string };

/**
 * Makes the admin (as a first start would) and every demo account that does not exist yet, through the same
 * services the admin UI uses, so each account has its audit entry and obeys the assignment rules.
 */
export async function ensureDemoAccounts(
  db: Kysely<DB>,
  options: { adminPassword: string | undefined },
): Promise<DemoAccountResult[]> {
  const admin = await ensureAdmin(db, { password: options.adminPassword });
  const results: DemoAccountResult[] = [
    { username: "admin", role: "admin", ...(admin?.generated ? { password: admin.password } : {}) },
  ];
  const adminRow = await findUserByUsername(db, "admin");
  if (!adminRow) throw new CliError("NO_ADMIN", "找不到管理员账号 admin，无法创建演示账号");
  const actor = userRowToSessionUser(adminRow, await findRoles(db, adminRow.id));
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByUsername(db, account.username)) {
      results.push({ username: account.username, role: account.role });
      continue;
    }
    const jurisdiction = await findJurisdictionRowByCode(db, account.jurisdictionCode);
    if (!jurisdiction) throw new CliError("DEMO_FAILED", `单位名录中缺少行政区划 ${account.jurisdictionCode}`);
    const unit = account.unitName
      ? (await findUnitRowsByOfficialName(db, jurisdiction.id, account.unitName))[0]
      : undefined;
    if (account.unitName && !unit) throw new CliError("DEMO_FAILED", `单位名录中缺少单位 ${account.unitName}`);
    const { initialPassword } = await createUser(db, {
      actor,
      input: {
        username: account.username,
        displayName: account.displayName,
        roles: [account.role],
        jurisdictionId: jurisdiction.id,
        unitId: unit?.id ?? null,
      },
    });
    results.push({ username: account.username, role: account.role, password: initialPassword });
  }
  return results;
}
