import type { Command } from "./command.ts";

export const migrateCommand: Command = {
  name: "migrate",
  args: "",
  summaryZh: "执行数据库迁移（升级表结构）",
  summaryEn: "Run database migrations",
  help: [
    "用法：luoshi migrate",
    "",
    "  将数据库表结构升级到当前版本，并列出本次执行的迁移。serve 启动时也会自动执行；",
    "  多台服务器共用 PostgreSQL 时，可在升级前单独运行一次。数据库由 LUOSHI_DATA_DIR / LUOSHI_DATABASE_URL 指定。",
    "",
    "Usage: luoshi migrate",
    "  Brings the schema up to date and lists the migrations it ran. serve does this on start too; with several",
    "  servers on one PostgreSQL, run it once before upgrading them. Database from LUOSHI_DATA_DIR / LUOSHI_DATABASE_URL.",
  ].join("\n"),
  load: async () => (await import("./migrate.run.ts")).runMigrate,
};
