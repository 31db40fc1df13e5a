import { loadConfig, type Config } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { seedStarterRegistry } from "../modules/org/org-starter.service.ts";
import { startServer } from "../server.ts";
import { CliError } from "./cli-error.ts";
import { ensureDemoAccounts, type DemoAccountResult } from "./demo-accounts.ts";
import { writeStdout } from "./output.ts";
import { serveUntilSignal } from "./serve.run.ts";
import { padDisplay } from "./text-width.ts";
import { parseCommandArgs } from "./usage.ts";

export async function runDemo(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (positionals.length > 0) throw new CliError("USAGE_ERROR", "用法：luoshi demo");
  const config = loadConfig();
  return serveUntilSignal(async () => {
    await prepareDemo(config);
    return startServer(config);
  });
}

/** The registry and the accounts, committed before the server starts listening. */
async function prepareDemo(config: Config): Promise<void> {
  const database = openDatabase(config);
  try {
    await migrateToLatest(database.db);
    const seeded = await seedStarterRegistry(database.db);
    await writeStdout(
      `单位名录 / starter registry: +${seeded.jurisdictions} 区划, +${seeded.units} 单位, +${seeded.groups} 分组\n`,
    );
    await writeStdout(formatAccounts(await ensureDemoAccounts(database.db, { adminPassword: config.adminPassword })));
  } finally {
    await database.close();
  }
}

function formatAccounts(accounts: DemoAccountResult[]): string {
  const lines = accounts.map(
    (a) =>
      `  ${padDisplay(a.username, 22)}${padDisplay(a.role, 11)}${a.password ?? "（已存在，密码不再显示 / exists, password not shown again）"}`,
  );
  return [
    "演示账号（初始密码只显示这一次，首次登录须修改）/ Demo accounts (initial passwords shown once; change at first login):",
    `  ${padDisplay("用户名 username", 22)}${padDisplay("角色 role", 11)}初始密码 initial password`,
    ...lines,
    "",
  ].join("\n");
}
