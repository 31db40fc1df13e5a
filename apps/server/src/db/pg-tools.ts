import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import pg from "pg";

/** The client tools (pg_dump, pg_restore) and the server they talk to. */

/** The server's major version, e.g. 15: pg_dump refuses a server newer than itself. */
export async function serverMajorVersion(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, application_name: "luoshi-cli" });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version_num: string }>("SHOW server_version_num");
    return Math.floor(Number(rows[0]?.server_version_num) / 10000);
  } finally {
    await client.end();
  }
}

function majorOf(bin: string): number | undefined {
  const run = spawnSync(bin, ["--version"], { encoding: "utf8" });
  const match = /(\d+)(?:\.\d+)?/.exec(run.stdout ?? "");
  return run.status === 0 && match ? Number(match[1]) : undefined;
}

/**
 * A pg_dump/pg_restore able to handle a server of `major`: Debian installs one per version under
 * /usr/lib/postgresql/<n>/bin and puts a wrapper on PATH, so the exact major is preferred, then the newest
 * installed version not older than the server (newer tools read older servers; older tools refuse newer ones).
 */
export function findPgTool(name: "pg_dump" | "pg_restore", major: number): string | undefined {
  const candidates: string[] = [];
  const root = "/usr/lib/postgresql";
  if (existsSync(root)) {
    const versions = readdirSync(root).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(root, v, "bin", name)).filter((path) => existsSync(path)));
  }
  const onPath = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" }).stdout.trim();
  if (onPath) candidates.push(onPath);
  const usable = candidates
    .map((bin) => ({ bin, major: majorOf(bin) }))
    .filter((c): c is { bin: string; major: number } => c.major !== undefined && c.major >= major);
  return (usable.find((c) => c.major === major) ?? usable[0])?.bin;
}
