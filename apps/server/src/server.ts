import { readFileSync } from "node:fs";
import type { FastifyInstance } from "fastify";
import type { Config } from "./config.ts";
import { openDatabase, type Database } from "./db/database.ts";
import { migrateToLatest } from "./db/migrate.ts";
import { buildApp } from "./http/app.ts";
import { ensureAdmin } from "./modules/auth/auth.service.ts";

export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { version: string }
).version;

export type RunningServer = { app: FastifyInstance; database: Database; url: string; close: () => Promise<void> };

/** `luoshi serve`: open storage, migrate, make sure an admin exists, and listen. */
export async function startServer(config: Config, log: (line: string) => void = console.log): Promise<RunningServer> {
  const database = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    await migrateToLatest(database.db);
    const admin = await ensureAdmin(database.db, { password: config.adminPassword });
    if (admin?.generated) {
      log(`已创建管理员账号 admin，初始密码（仅显示这一次，首次登录须修改）：${admin.password}`);
      log(`Created the admin account; its initial password (shown once, change it at first login): ${admin.password}`);
    }
    const app = await buildApp({ db: database.db, dialect: database.dialect, config, version: VERSION });
    const url = await app.listen({ host: config.host, port: config.port });
    log(
      `落实 Luoshi ${VERSION} 已启动：${url}（数据库：${database.dialect === "sqlite" ? `SQLite ${config.dataDir}` : "PostgreSQL"}）`,
    );
    return {
      app,
      database,
      url,
      close: async () => {
        await app.close();
        await database.close();
      },
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
