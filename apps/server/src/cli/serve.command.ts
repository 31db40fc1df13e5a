import type { Command } from "./command.ts";

export const serveCommand: Command = {
  name: "serve",
  args: "",
  summaryZh: "启动服务（HTTP 接口与管理界面）",
  summaryEn: "Start the server (HTTP API and admin UI)",
  help: [
    "用法：luoshi serve",
    "",
    "  启动落实服务：启动时自动执行数据库迁移；收到 SIGINT/SIGTERM（Ctrl+C）后处理完当前请求再退出。",
    "  环境变量：",
    "    LUOSHI_HOST          监听地址，默认 127.0.0.1",
    "    LUOSHI_PORT          端口，默认 3000（0 表示任选空闲端口）",
    "    LUOSHI_DATA_DIR      数据目录，默认 ./data（内置 SQLite 数据库 luoshi.db 存放于此）",
    "    LUOSHI_DATABASE_URL  postgres://… 时改用 PostgreSQL（多台应用服务器可共用一个数据库）",
    "    LUOSHI_ADMIN_PASSWORD  首次启动时管理员 admin 的密码；不设则生成并只显示一次",
    "",
    "Usage: luoshi serve",
    "  Starts Luoshi, migrating the database first; on SIGINT/SIGTERM finishes open requests, then exits.",
    "  Environment: LUOSHI_HOST (127.0.0.1), LUOSHI_PORT (3000; 0 picks a free port), LUOSHI_DATA_DIR (./data,",
    "  holds the embedded SQLite database), LUOSHI_DATABASE_URL (postgres://… for PostgreSQL, shared by several",
    "  servers), LUOSHI_ADMIN_PASSWORD (the first admin's password; generated and shown once when unset).",
  ].join("\n"),
  load: async () => (await import("./serve.run.ts")).runServe,
};
