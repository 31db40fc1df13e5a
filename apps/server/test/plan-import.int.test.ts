import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { SYSTEM_ACTOR } from "../src/modules/org/org-context.ts";
import { seedStarterRegistry } from "../src/modules/org/org-starter.service.ts";
import { findJurisdictionRowByCode } from "../src/modules/org/org.repository.ts";
import { mapUnitName } from "../src/modules/plan/plan-edit.service.ts";
import { importFile } from "../src/modules/plan/plan-import.service.ts";
import { getDocument, getPlan } from "../src/modules/plan/plan-read.service.ts";
import { mergePlanItems, splitPlanItem } from "../src/modules/plan/plan-restructure.service.ts";
import { exportLogical, importLogical, readLogical } from "../src/db/logical-dump.ts";
import { findSourceFileContent } from "../src/modules/plan/document.repository.ts";
import { integrityProblems } from "./support/db-state.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { binaryBytes, seedPath } from "./support/sample-files.ts";

const seed = (prefix: string) => new Uint8Array(readFileSync(seedPath(prefix)));
const text = (prefix: string) => readFileSync(seedPath(prefix), "utf8");
const bytesOf = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

describe.each(dialects())("plan import on %s", (dialect) => {
  let database: TestDatabase;
  let jm: string;
  let zj: string;
  const count = async (table: "documents" | "plans" | "plan_items" | "source_files" | "plan_item_units") =>
    Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(table)}`.execute(database.db)).rows[0]?.n);

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedStarterRegistry(database.db);
    jm = (await findJurisdictionRowByCode(database.db, "440700"))?.id as string;
    zj = (await findJurisdictionRowByCode(database.db, "440800"))?.id as string;
  });
  afterAll(async () => {
    await database.drop();
  });

  it("stores seed 000 (3 documents, 69 items) and links the city notice up to the national key points", async () => {
    const result = await importFile(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      filename: "000.txt",
      bytes: seed("000"),
    });
    expect(result.duplicate).toBe(false);
    expect(result.documents.map((d) => d.docNumber)).toEqual([
      "江府办函〔2019〕138号",
      "粤府办〔2019〕9号",
      "国办发〔2019〕14号",
    ]);
    expect(result.plans.reduce((n, p) => n + p.itemCount, 0)).toBe(69);
    const [city, province, national] = result.documents;
    const cityDetail = await getDocument(database.db, SYSTEM_ACTOR, city?.id as string);
    expect(cityDetail.upstream.find((l) => l.docNumber === "粤府办〔2019〕9号")?.documentId).toBe(province?.id);
    const provinceDetail = await getDocument(database.db, SYSTEM_ACTOR, province?.id as string);
    expect(provinceDetail.upstream.map((l) => l.documentId)).toEqual([national?.id]);
    expect(provinceDetail.downstream.map((l) => l.documentId)).toEqual([city?.id]);
    // Unit occurrences are stored with their resolution; 市有关单位 and the counties resolve to groups.
    const table = await getPlan(database.db, SYSTEM_ACTOR, result.plans[1]?.id as string);
    const units = table.items.flatMap((i) => i.units);
    expect(units.length).toBeGreaterThan(100);
    expect(units.some((u) => u.status === "group" && u.groupId)).toBe(true);
    expect(units.filter((u) => u.unitId).length).toBeGreaterThan(50);
  });

  it("re-importing the same file stores nothing and answers duplicate", async () => {
    const before = await Promise.all([count("source_files"), count("documents"), count("plan_items")]);
    const again = await importFile(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      filename: "x.txt",
      bytes: seed("000"),
    });
    expect(again.duplicate).toBe(true);
    expect(again.documents).toHaveLength(3);
    expect(again.plans.reduce((n, p) => n + p.itemCount, 0)).toBe(69);
    expect(await Promise.all([count("source_files"), count("documents"), count("plan_items")])).toEqual(before);
  });

  it("stores seed 001 (1 document, 59 items) and seed 004 in 湛江 (59 items)", async () => {
    const a = await importFile(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      filename: "001.txt",
      bytes: seed("001"),
    });
    expect(a.documents).toHaveLength(1);
    expect(a.plans.map((p) => p.itemCount)).toEqual([59]);
    expect(a.plans[0]?.year).toBe(2022);
    const b = await importFile(database.db, SYSTEM_ACTOR, {
      jurisdictionId: zj,
      filename: "004.txt",
      bytes: seed("004"),
    });
    expect(b.documents).toHaveLength(1);
    expect(b.plans.reduce((n, p) => n + p.itemCount, 0)).toBe(59);
    // 湛江 cites 粤府办〔2019〕9号, but 江门's copy is not in 湛江's line of jurisdictions.
    const detail = await getDocument(database.db, SYSTEM_ACTOR, b.documents[0]?.id as string);
    expect(detail.upstream.map((l) => [l.docNumber, l.documentId])).toEqual([["粤府办〔2019〕9号", null]]);
  });

  it("a changed copy of seed 001 becomes a new version with a change list", async () => {
    const original = (
      await importFile(database.db, SYSTEM_ACTOR, { jurisdictionId: jm, filename: "001.txt", bytes: seed("001") })
    ).documents[0];
    const changed = text("001").replace("及时做好规章动态更新。", "及时做好规章动态更新和清理。");
    const result = await importFile(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      filename: "001-修订.txt",
      bytes: bytesOf(changed),
    });
    expect(result.duplicate).toBe(false);
    const doc = result.documents[0];
    expect(doc?.outcome).toBe("new_version");
    expect(doc?.previousVersionId).toBe(original?.id);
    expect(doc?.changes?.added).toEqual([]);
    expect(doc?.changes?.removed).toEqual([]);
    expect(doc?.changes?.changed.map((c) => c.path)).toEqual([["一", "（一）", "1"]]);
    expect(doc?.changes?.changed[0]?.text).toContain("和清理");
    const detail = await getDocument(database.db, SYSTEM_ACTOR, doc?.id as string);
    expect(detail.versions.map((v) => [v.id, v.isCurrent])).toEqual([
      [original?.id, false],
      [doc?.id, true],
    ]);
  });

  it("maps every occurrence of a name, saves it as an alias, and the next import resolves it", async () => {
    const docs = await importFile(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      filename: "000.txt",
      bytes: seed("000"),
    });
    const unresolved = docs.unresolved.find((u) => u.name === "江门幼儿师范大学");
    const target = unresolved?.suggestions[0]?.unitId as string;
    expect(target).toBeTruthy();
    const planId = unresolved?.planIds[0] as string;
    const mapped = await mapUnitName(database.db, SYSTEM_ACTOR, {
      planId,
      rawName: "江门幼儿师范大学",
      unitId: target,
      saveAsAlias: true,
    });
    expect(mapped.updated).toBe(unresolved?.occurrences);
    expect(mapped.aliasSaved).toBe(true);
    const plan = await getPlan(database.db, SYSTEM_ACTOR, planId);
    const occurrences = plan.items.flatMap((i) => i.units).filter((u) => u.rawName === "江门幼儿师范大学");
    expect(occurrences.every((u) => u.unitId === target && u.status === "manual")).toBe(true);
    // A revised copy of the bundle: the city notice becomes a new version whose units resolve by the alias.
    const revised = text("000").replace("二、各市（区）政府要结合本地实际", "二、各市（区）人民政府要结合本地实际");
    const next = await importFile(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      filename: "000b.txt",
      bytes: bytesOf(revised),
    });
    expect(next.documents.map((d) => d.outcome)).toEqual(["new_version", "unchanged", "unchanged"]);
    expect(next.unresolved.map((u) => u.name)).not.toContain("江门幼儿师范大学");
    const nextPlan = await getPlan(database.db, SYSTEM_ACTOR, next.plans[1]?.id as string);
    const resolved = nextPlan.items.flatMap((i) => i.units).find((u) => u.rawName === "江门幼儿师范大学");
    expect([resolved?.status, resolved?.unitId]).toEqual(["alias", target]);
    // The upstream links moved to nothing: the provincial notice is unchanged, the new city version cites it.
    const city = await getDocument(database.db, SYSTEM_ACTOR, next.documents[0]?.id as string);
    expect(city.upstream.find((l) => l.docNumber === "粤府办〔2019〕9号")?.documentId).toBe(next.documents[1]?.id);
  });

  it("splits an item into two and merges them back", async () => {
    const result = await importFile(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      filename: "001.txt",
      bytes: seed("001"),
    });
    const planId = result.plans[0]?.id as string;
    const plan = await getPlan(database.db, SYSTEM_ACTOR, planId);
    const item = plan.items[0];
    if (!item) throw new Error("no item");
    const split = await splitPlanItem(database.db, SYSTEM_ACTOR, {
      planId,
      itemId: item.id,
      version: item.version,
      parts: ["第一部分。", "第二部分。"],
    });
    expect(split.items).toHaveLength(plan.items.length + 1);
    expect(split.items[1]?.path).toEqual(["一", "（一）", "1-2"]);
    expect(split.items[1]?.units.map((u) => u.rawName)).toEqual(item.units.map((u) => u.rawName));
    expect(split.items.map((i) => i.position)).toEqual(split.items.map((_i, n) => n));
    const [a, b] = split.items;
    const merged = await mergePlanItems(database.db, SYSTEM_ACTOR, {
      planId,
      items: [
        { id: b?.id as string, version: b?.version as number },
        { id: a?.id as string, version: a?.version as number },
      ],
    });
    expect(merged.items).toHaveLength(plan.items.length);
    expect(merged.items[0]?.text).toBe("第一部分。\n第二部分。");
    expect(merged.items.map((i) => i.position)).toEqual(merged.items.map((_i, n) => n));
    await expect(
      splitPlanItem(database.db, SYSTEM_ACTOR, { planId, itemId: item.id, version: item.version, parts: ["x", "y"] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a binary file fails with the parser's Chinese message and stores nothing", async () => {
    const before = await Promise.all([count("source_files"), count("documents"), count("plans")]);
    await expect(
      importFile(database.db, SYSTEM_ACTOR, { jurisdictionId: jm, filename: "junk.txt", bytes: binaryBytes() }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED", parserCode: "BINARY_INPUT" });
    expect(await Promise.all([count("source_files"), count("documents"), count("plans")])).toEqual(before);
    expect(await integrityProblems(database.db, dialect)).toEqual([]);
  });

  it("the logical backup keeps the original files byte for byte", async () => {
    const file = join(database.dataDir, "logical.json");
    await exportLogical(database.db, { dialect, file });
    const copy = await createTestDatabase(dialect);
    try {
      await importLogical(copy.db, { dialect, dump: readLogical(file) });
      const source = await database.db
        .selectFrom("source_files")
        .select(["id"])
        .orderBy("uploaded_at")
        .executeTakeFirst();
      const restored = await findSourceFileContent(copy.db, source?.id as string);
      expect(Buffer.compare(restored as Buffer, Buffer.from(seed("000")))).toBe(0);
      expect(await integrityProblems(copy.db, dialect)).toEqual([]);
    } finally {
      await copy.drop();
    }
  });
});
