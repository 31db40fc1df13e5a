import { loadConfig } from "../config.ts";
import { openDatabase } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { CliError } from "./cli-error.ts";
import { writeStdout } from "./output.ts";
import { parseCommandArgs } from "./usage.ts";

export async function runMigrate(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (positionals.length > 0) throw new CliError("USAGE_ERROR", "用法：luoshi migrate");
  const config = loadConfig();
  const database = openDatabase({ ...config, applicationName: "luoshi-cli" });
  try {
    await writeStdout(formatMigrations(await migrateToLatest(database.db)));
  } finally {
    await database.close();
  }
  return 0;
}

export function formatMigrations(ran: string[]): string {
  if (ran.length === 0) return "数据库已是最新，无需迁移 / Database already up to date\n";
  return [`已执行 ${ran.length} 个迁移 / Ran ${ran.length} migration(s):`, ...ran.map((name) => `  ${name}`), ""].join(
    "\n",
  );
}
