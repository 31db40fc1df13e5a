import type { Command } from "./command.ts";

export const backupCommand: Command = {
  name: "backup",
  args: "<文件> [--force]",
  summaryZh: "在线备份数据库（服务运行中也可执行）",
  summaryEn: "Online backup of the database (safe while serving)",
  help: [
    "用法：luoshi backup <文件> [--force]",
    "",
    "  把当前数据库备份为一个文件，服务运行中也可执行，备份内容是某一时刻的一致状态。",
    "  SQLite：使用 SQLite 在线备份接口；PostgreSQL：使用与服务器主版本匹配的 pg_dump（自定义格式），",
    "  未安装 pg_dump 时改为导出落实自己的逻辑备份（JSON），并在输出中注明。",
    "  --force  目标文件已存在时覆盖",
    "",
    "Usage: luoshi backup <file> [--force]",
    "  Writes a consistent backup while the server keeps running: SQLite's online backup API, or pg_dump -Fc",
    "  matching the PostgreSQL server's major version (a JSON logical export when pg_dump is missing; the output",
    "  says which). --force overwrites an existing file.",
  ].join("\n"),
  load: async () => (await import("./backup.run.ts")).runBackup,
};
