/**
 * `npm run bench` (import): seed 001 imported end to end in-process — parse, resolve every unit name against the
 * starter registry, store the file, document, plan, 59 items and their unit rows in one transaction. Median of
 * 10 runs after 2 warm-ups; each run's rows are deleted (untimed) so the next one is a real import, not a
 * duplicate. SQLite in a temp directory; PostgreSQL too when LUOSHI_BENCH_DATABASE_URL is set.
 * Target: median < 300 ms. Writes bench-out/import-bench.json; exits 1 when a target is missed.
 */
import { readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import type { Database } from "../../apps/server/src/db/database.ts";
import { migrateToLatest } from "../../apps/server/src/db/migrate.ts";
import { SYSTEM_ACTOR } from "../../apps/server/src/modules/org/org-context.ts";
import { seedStarterRegistry } from "../../apps/server/src/modules/org/org-starter.service.ts";
import { findJurisdictionRowByCode } from "../../apps/server/src/modules/org/org.repository.ts";
import { importFile } from "../../apps/server/src/modules/plan/plan-import.service.ts";
import { onPostgres, onTempSqlite, timingStats, writeBenchReport, type Timing } from "./bench-support.ts";

const TARGET_MS = 300;
const WARMUP = 2;
const RUNS = 10;

const repoRoot = resolve(import.meta.dirname, "../..");
const seedsDir = resolve(repoRoot, "../shared/seeds");
const seedFile = readdirSync(seedsDir).find((f) => f.startsWith("001_"));
if (!seedFile) throw new Error(`no seed 001 in ${seedsDir}`);
const bytes = new Uint8Array(readFileSync(resolve(seedsDir, seedFile)));

/** Removes what one import stored, children first, so the same bytes import afresh. */
async function removeImport(database: Database, sourceFileId: string): Promise<void> {
  const { db } = database;
  const docs = db.selectFrom("documents").select("id").where("source_file_id", "=", sourceFileId);
  const plans = db.selectFrom("plans").select("id").where("document_id", "in", docs);
  const items = db.selectFrom("plan_items").select("id").where("plan_id", "in", plans);
  await db.deleteFrom("plan_item_units").where("item_id", "in", items).execute();
  await db.deleteFrom("plan_items").where("plan_id", "in", plans).execute();
  await db.deleteFrom("plans").where("document_id", "in", docs).execute();
  await db.deleteFrom("document_links").where("from_document_id", "in", docs).execute();
  await db.deleteFrom("documents").where("source_file_id", "=", sourceFileId).execute();
  await db.deleteFrom("source_files").where("id", "=", sourceFileId).execute();
}

async function bench(database: Database): Promise<Timing & { items: number }> {
  await migrateToLatest(database.db);
  await seedStarterRegistry(database.db);
  const jurisdictionId = (await findJurisdictionRowByCode(database.db, "440700"))?.id;
  if (!jurisdictionId) throw new Error("starter registry has no 440700");
  const times: number[] = [];
  let items = 0;
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const started = performance.now();
    const result = await importFile(database.db, SYSTEM_ACTOR, { jurisdictionId, filename: seedFile as string, bytes });
    const ms = performance.now() - started;
    if (result.duplicate) throw new Error("bench import was a duplicate: the previous run was not removed");
    items = result.plans.reduce((n, p) => n + p.itemCount, 0);
    if (run >= WARMUP) times.push(ms);
    await removeImport(database, result.sourceFile.id);
  }
  return { ...timingStats(times), items };
}

const results: Record<string, Awaited<ReturnType<typeof bench>>> = {};
results.sqlite = await onTempSqlite("luoshi-import-bench-", bench);
const databaseUrl = process.env.LUOSHI_BENCH_DATABASE_URL;
if (databaseUrl) results.postgres = await onPostgres(databaseUrl, bench);

console.log(`\n导入基准 / import benchmark: seed 001 end to end (median of ${RUNS} after ${WARMUP} warm-ups)`);
const misses: string[] = [];
for (const [name, r] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(10)} median ${r.medianMs.toFixed(1).padStart(7)} ms   min ${r.minMs.toFixed(1)} ms   ` +
      `max ${r.maxMs.toFixed(1)} ms   (${r.items} items)   target < ${TARGET_MS} ms`,
  );
  if (r.medianMs >= TARGET_MS) misses.push(`${name}: ${r.medianMs.toFixed(1)} ms ≥ ${TARGET_MS} ms`);
}
writeBenchReport(
  "import-bench.json",
  { seed: seedFile, runs: RUNS, warmup: WARMUP, targetMs: TARGET_MS, results },
  misses,
);
