import type { Command } from "./command.ts";

export const restoreCommand: Command = {
  name: "restore",
  args: "<文件> [--force]",
  summaryZh: "从备份恢复数据库（须先停止服务）",
  summaryEn: "Restore the database from a backup (stop the server first)",
  help: [
    "用法：luoshi restore <文件> [--force]",
    "",
    "  用 luoshi backup 生成的文件替换当前数据库，随后执行迁移（旧版本的备份会升级到当前版本）。",
    "  须先停止所有连接该数据库的落实服务；目标数据库已有数据时拒绝执行，除非加 --force。",
    "  SQLite：校验备份后原子替换数据库文件；PostgreSQL：pg_restore --clean --if-exists --no-owner。",
    "",
    "Usage: luoshi restore <file> [--force]",
    "  Replaces the database with a backup made by luoshi backup, then runs the migrations (an older backup is",
    "  upgraded). Stop every Luoshi server on the database first; a database holding data is only overwritten",
    "  with --force. SQLite: the file is checked and swapped atomically; PostgreSQL: pg_restore --clean.",
  ].join("\n"),
  load: async () => (await import("./restore.run.ts")).runRestore,
};
