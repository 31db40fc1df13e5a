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
  /** A session unused for this long ends, whatever its sliding expiry says (等保: idle timeout). */
  sessionIdleMinutes: number;
  /** Login attempts allowed per client IP per minute, counted in this process's memory. */
  loginAttemptsPerMinute: number;
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
    sessionIdleMinutes: positiveNumber(env, "LUOSHI_SESSION_IDLE_MINUTES", 30),
    loginAttemptsPerMinute: positiveNumber(env, "LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE", 20),
    secureCookies: env.LUOSHI_SECURE_COOKIES === "true",
  };
}

// A mistyped limit must not silently switch a protection off (NaN compares false with everything).
function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} 无效：${raw}`);
  return value;
}
