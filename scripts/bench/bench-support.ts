import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { openDatabase, type Database } from "../../apps/server/src/db/database.ts";

/** What the in-process database benchmarks (import, publish) share: timing statistics, SQLite runs, the report. */

export type Timing = { medianMs: number; minMs: number; maxMs: number };

export function timingStats(times: readonly number[]): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const medianMs = ((sorted[Math.floor(mid - 0.5)] as number) + (sorted[Math.ceil(mid - 0.5)] as number)) / 2;
  return { medianMs, minMs: sorted[0] as number, maxMs: sorted.at(-1) as number };
}

/** Runs `bench` on a fresh SQLite database in a temporary directory, removed afterwards. */
export async function onTempSqlite<T>(prefix: string, bench: (database: Database) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), prefix));
  try {
    const sqlite = openDatabase({ dataDir });
    try {
      return await bench(sqlite);
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Runs `bench` on the PostgreSQL database at `databaseUrl`. */
export async function onPostgres<T>(databaseUrl: string, bench: (database: Database) => Promise<T>): Promise<T> {
  const pg = openDatabase({ databaseUrl, dataDir: tmpdir(), applicationName: "luoshi-bench" });
  try {
    return await bench(pg);
  } finally {
    await pg.close();
  }
}

/** Writes bench-out/`file` (the report plus misses, Node version and time) and fails the run on a missed target. */
export function writeBenchReport(file: string, report: Record<string, unknown>, misses: readonly string[]): void {
  const outDir = resolve(import.meta.dirname, "../../bench-out");
  mkdirSync(outDir, { recursive: true });
  const body = { ...report, misses, node: process.version, at: new Date().toISOString() };
  writeFileSync(resolve(outDir, file), JSON.stringify(body, null, 2) + "\n");
  console.log(`  → bench-out/${file}`);
  if (misses.length > 0) {
    console.error(`\n未达标 / target missed:\n  ${misses.join("\n  ")}`);
    process.exitCode = 1;
  }
}
