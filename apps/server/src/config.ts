import { resolve } from "node:path";

/** Everything the server reads from its environment, in one place. */
export type Config = {
  host: string;
  port: number;
  dataDir: string;
  /** postgres://… for the scaled deployment; undefined means embedded SQLite in dataDir. */
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  sessionHours: number;
  secureCookies: boolean;
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.LUOSHI_PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`LUOSHI_PORT 无效：${env.LUOSHI_PORT}`);
  return {
    host: env.LUOSHI_HOST ?? "127.0.0.1",
    port,
    dataDir: resolve(env.LUOSHI_DATA_DIR ?? "data"),
    databaseUrl: env.LUOSHI_DATABASE_URL || undefined,
    adminPassword: env.LUOSHI_ADMIN_PASSWORD || undefined,
    sessionHours: Number(env.LUOSHI_SESSION_HOURS ?? 8),
    secureCookies: env.LUOSHI_SECURE_COOKIES === "true",
  };
}
