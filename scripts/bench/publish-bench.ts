/**
 * `npm run bench` (publish): publishing a generated plan of 60 items × 200 units in-process — freeze the snapshot,
 * expand groups, resolve deadlines, replace ≈ 12,000 assignment rows, send the notices, audit, one transaction.
 * Each run makes a fresh plan (untimed), times publishing version 1, edits four items (untimed: three texts, one
 * item's units) and times version 2 with its change list. Median of 7 runs after 1 warm-up. Also times one unit's
 * assignment list afterwards (no target). SQLite in a temp directory; PostgreSQL at LUOSHI_BENCH_DATABASE_URL, or
 * else a throwaway cluster (initdb/pg_ctl, fsync off) when the binaries are installed.
 * Target: median < 1,000 ms for each publish on each database. Writes bench-out/publish-bench.json; exits 1 when
 * a target is missed.
 */
import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import type { Database } from "../../apps/server/src/db/database.ts";
import { migrateToLatest } from "../../apps/server/src/db/migrate.ts";
import type { DB } from "../../apps/server/src/db/schema.ts";
import { SYSTEM_ACTOR } from "../../apps/server/src/modules/org/org-context.ts";
import { listAssignments } from "../../apps/server/src/modules/plan-publish/plan-published.service.ts";
import { publishPlan } from "../../apps/server/src/modules/plan-publish/plan-publish.service.ts";
import { updatePlanItem } from "../../apps/server/src/modules/plan/plan-edit.service.ts";
import { getPlan } from "../../apps/server/src/modules/plan/plan-read.service.ts";
import { hasPostgresBinaries, startCluster, type Cluster } from "../../apps/server/test/support/postgres-cluster.ts";
import { onPostgres, onTempSqlite, timingStats, writeBenchReport, type Timing } from "./bench-support.ts";

const TARGET_MS = 1000;
const WARMUP = 1;
const RUNS = 7;
const ITEMS = 60;
const UNITS = 200;
const ROLES = ["lead", "assist", "responsible", "supervise"] as const;

type Fixture = { jurisdictionId: string; unitIds: string[]; groupId: string };
type Result = {
  v1: Timing;
  v2: Timing;
  unitList: Timing;
  assignments: number;
  changes: number;
  notifiedV2: number;
};

const now = () => new Date().toISOString();

/** A jurisdiction with 200 units, and a group holding all of them (“各单位”). */
async function seedRegistry(db: Kysely<DB>): Promise<Fixture> {
  const jurisdictionId = randomUUID();
  const at = now();
  await db
    .insertInto("jurisdictions")
    .values({
      id: jurisdictionId,
      code: `9${Math.floor(Math.random() * 1e5)}`,
      name: "基准市",
      level: "city",
      parent_id: null,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const unitIds = Array.from({ length: UNITS }, () => randomUUID());
  await db
    .insertInto("units")
    .values(
      unitIds.map((id, i) => ({
        id,
        jurisdiction_id: jurisdictionId,
        name: `基准市第${i + 1}局`,
        short_name: `市第${i + 1}局`,
        kind: "department",
        valid_from: null,
        valid_to: null,
        version: 1,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
  const groupId = randomUUID();
  await db
    .insertInto("unit_groups")
    .values({
      id: groupId,
      jurisdiction_id: jurisdictionId,
      name: "各单位",
      per_item: 0,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
  await db
    .insertInto("unit_group_members")
    .values(unitIds.map((unit_id) => ({ group_id: groupId, unit_id })))
    .execute();
  return { jurisdictionId, unitIds, groupId };
}

/**
 * A stored plan of 60 items: most name 195–200 units one by one (牵头, 配合, 落实, 监督 in turn), every tenth names
 * the group of all 200 instead; each has a deadline in the plan's year.
 */
async function createPlan(db: Kysely<DB>, fixture: Fixture): Promise<string> {
  const at = now();
  const sourceId = randomUUID();
  const documentId = randomUUID();
  const planId = randomUUID();
  await db
    .insertInto("source_files")
    .values({
      id: sourceId,
      jurisdiction_id: fixture.jurisdictionId,
      filename: "基准方案.txt",
      media_type: "text/plain",
      size: 1,
      sha256: randomUUID(),
      content: Buffer.from("x"),
      uploaded_by: null,
      uploaded_at: at,
    })
    .execute();
  await db
    .insertInto("documents")
    .values({
      id: documentId,
      jurisdiction_id: fixture.jurisdictionId,
      source_file_id: sourceId,
      position: 0,
      doc_number: `基府办〔2026〕${Math.floor(Math.random() * 1e6)}号`,
      title: "基准市2026年政务公开工作要点分工方案",
      issuer: null,
      date: "2026-03-02",
      recipients_json: "[]",
      cc_json: "[]",
      disclosure: "主动公开",
      printed_json: null,
      references_json: "[]",
      attachments_json: "[]",
      deadlines_json: "[]",
      content_sha256: randomUUID(),
      previous_version_id: null,
      is_current: 1,
      created_at: at,
      version: 1,
    })
    .execute();
  await db
    .insertInto("plans")
    .values({
      id: planId,
      jurisdiction_id: fixture.jurisdictionId,
      document_id: documentId,
      position: 0,
      title: "基准市2026年政务公开工作要点分工方案",
      source: "table",
      columns_json: JSON.stringify(["工作任务", "具体要求", "责任单位"]),
      year: 2026,
      status: "draft",
      created_at: at,
      updated_at: at,
      version: 1,
    })
    .execute();
  const items = Array.from({ length: ITEMS }, (_, i) => ({
    id: randomUUID(),
    plan_id: planId,
    position: i,
    path_json: JSON.stringify([["一", "二", "三", "四", "五", "六"][Math.floor(i / 10)], String(i + 1)]),
    headings_json: JSON.stringify([`第${Math.floor(i / 10) + 1}类工作`]),
    text: `第${i + 1}项任务：按要求做好相关政务公开工作，及时公开、解读和回应。`,
    criteria: null,
    units_text: null,
    deadlines_json: JSON.stringify([{ text: `${(i % 12) + 1}月底前`, kind: "by" }]),
    version: 1,
  }));
  await db.insertInto("plan_items").values(items).execute();
  const unitRows = items.flatMap((item, i) => {
    if (i % 10 === 9) {
      return [unitRow(item.id, 0, { rawName: "各单位", role: "responsible", unitId: null, groupId: fixture.groupId })];
    }
    const count = UNITS - (i % 6);
    return fixture.unitIds.slice(0, count).map((unitId, k) =>
      unitRow(item.id, k, {
        rawName: `市第${k + 1}局`,
        role: k === 0 ? "lead" : (ROLES[k % 4] ?? "responsible"),
        unitId,
        groupId: null,
      }),
    );
  });
  for (let i = 0; i < unitRows.length; i += 2000) {
    await db
      .insertInto("plan_item_units")
      .values(unitRows.slice(i, i + 2000))
      .execute();
  }
  return planId;
}

function unitRow(
  itemId: string,
  position: number,
  unit: { rawName: string; role: (typeof ROLES)[number]; unitId: string | null; groupId: string | null },
) {
  return {
    id: randomUUID(),
    item_id: itemId,
    position,
    raw_name: unit.rawName,
    role: unit.role,
    is_group: unit.groupId ? 1 : 0,
    unit_id: unit.unitId,
    group_id: unit.groupId,
    status: unit.groupId ? ("group" as const) : ("exact" as const),
    suggestions_json: "[]",
  };
}

/** Three text edits and one item losing a unit and gaining a new lead, through the office's own edit service. */
async function editFourItems(db: Kysely<DB>, planId: string): Promise<void> {
  const plan = await getPlan(db, SYSTEM_ACTOR, planId);
  for (const item of [plan.items[3], plan.items[17], plan.items[42]]) {
    if (!item) continue;
    await updatePlanItem(db, SYSTEM_ACTOR, {
      planId,
      itemId: item.id,
      version: item.version,
      text: `${item.text}（修订）`,
    });
  }
  const item = plan.items[25];
  if (!item) return;
  const units = item.units.slice(1).map((u, k) => ({
    rawName: u.rawName,
    role: k === 0 ? ("lead" as const) : u.role,
    unitId: u.unitId,
    groupId: u.groupId,
  }));
  await updatePlanItem(db, SYSTEM_ACTOR, { planId, itemId: item.id, version: item.version, units });
}

async function bench(database: Database): Promise<Result> {
  const { db } = database;
  await migrateToLatest(db);
  const fixture = await seedRegistry(db);
  const v1: number[] = [];
  const v2: number[] = [];
  const unitList: number[] = [];
  let last = { assignments: 0, changes: 0, notifiedV2: 0 };
  for (let run = 0; run < WARMUP + RUNS; run++) {
    const planId = await createPlan(db, fixture);
    let started = performance.now();
    const first = await publishPlan(db, SYSTEM_ACTOR, { planId, version: 1 });
    const v1Ms = performance.now() - started;
    await editFourItems(db, planId);
    const version = (await getPlan(db, SYSTEM_ACTOR, planId)).version;
    started = performance.now();
    const second = await publishPlan(db, SYSTEM_ACTOR, { planId, version, note: "修订" });
    const v2Ms = performance.now() - started;
    started = performance.now();
    const list = await listAssignments(db, SYSTEM_ACTOR, { unitId: fixture.unitIds[1], planId });
    const listMs = performance.now() - started;
    if (list.length !== ITEMS) throw new Error(`unit 2 should hold all ${ITEMS} items, got ${list.length}`);
    if (run >= WARMUP) {
      v1.push(v1Ms);
      v2.push(v2Ms);
      unitList.push(listMs);
    }
    last = {
      assignments: first.version.assignmentCount,
      changes: second.version.changes.length,
      notifiedV2: second.notifiedUnitIds.length,
    };
  }
  return { v1: timingStats(v1), v2: timingStats(v2), unitList: timingStats(unitList), ...last };
}

const results: Record<string, Result> = {};
const notes: string[] = [];
results.sqlite = await onTempSqlite("luoshi-publish-bench-", bench);

let cluster: Cluster | undefined;
let databaseUrl = process.env.LUOSHI_BENCH_DATABASE_URL;
if (!databaseUrl && hasPostgresBinaries()) {
  cluster = await startCluster();
  databaseUrl = cluster.url;
  notes.push("PostgreSQL: throwaway local cluster (fsync off), same machine");
}
try {
  if (databaseUrl) {
    results.postgres = await onPostgres(databaseUrl, bench);
  } else {
    notes.push("PostgreSQL skipped: no LUOSHI_BENCH_DATABASE_URL and no initdb/pg_ctl");
  }
} finally {
  cluster?.stop();
}

console.log(
  `\n发布基准 / publish benchmark: ${ITEMS} items × ~${UNITS} units (median of ${RUNS} after ${WARMUP} warm-up)`,
);
const misses: string[] = [];
const ms = (t: Timing) => `${t.medianMs.toFixed(1).padStart(7)} ms (${t.minMs.toFixed(0)}–${t.maxMs.toFixed(0)})`;
for (const [name, r] of Object.entries(results)) {
  console.log(
    `  ${name.padEnd(10)} v1 ${ms(r.v1)}   v2 ${ms(r.v2)}   unit list ${ms(r.unitList)}   ` +
      `(${r.assignments} assignments; v2: ${r.changes} changes, ${r.notifiedV2} units told)   target < ${TARGET_MS} ms`,
  );
  for (const [label, t] of [
    ["v1", r.v1],
    ["v2", r.v2],
  ] as const) {
    if (t.medianMs >= TARGET_MS) misses.push(`${name} ${label}: ${t.medianMs.toFixed(1)} ms ≥ ${TARGET_MS} ms`);
  }
}
for (const note of notes) console.log(`  ${note}`);
writeBenchReport(
  "publish-bench.json",
  { items: ITEMS, units: UNITS, runs: RUNS, warmup: WARMUP, targetMs: TARGET_MS, results, notes },
  misses,
);
