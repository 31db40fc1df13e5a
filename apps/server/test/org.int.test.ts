import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Resolution } from "@luoshi/contract";
import { findAudit } from "../src/modules/audit/audit.repository.ts";
import { SYSTEM_ACTOR, type Actor } from "../src/modules/org/org-context.ts";
import { createGroup, listGroups, setGroupMembers } from "../src/modules/org/org-groups.service.ts";
import { resolveUnitNames } from "../src/modules/org/org-resolve.service.ts";
import { seedStarterRegistry } from "../src/modules/org/org-starter.service.ts";
import { addAlias, createUnit, getUnit, listUnits, updateUnit } from "../src/modules/org/org-units.service.ts";
import { findJurisdictionRowByCode } from "../src/modules/org/org.repository.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";

const SEEDS = new URL("../../../../shared/seeds/gold/", import.meta.url);

/** Every distinct 责任单位 name of a gold file, with the parser's group flag. */
function goldUnitNames(file: string): { name: string; group: boolean }[] {
  const gold = JSON.parse(readFileSync(new URL(file, SEEDS), "utf8")) as {
    documents: { plans: { items: { units?: { name: string; group: boolean }[] }[] }[] }[];
  };
  const names = new Map<string, boolean>();
  for (const doc of gold.documents)
    for (const plan of doc.plans)
      for (const item of plan.items) for (const u of item.units ?? []) names.set(u.name, u.group);
  return [...names].map(([name, group]) => ({ name, group }));
}

describe.each(dialects())("organisation registry on %s", (dialect) => {
  let database: TestDatabase;
  let jm: string;
  let zj: string;
  const idOf = async (code: string) => (await findJurisdictionRowByCode(database.db, code))?.id as string;

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    const report = await seedStarterRegistry(database.db);
    expect(report.jurisdictions).toBe(1 + 8 + 10);
    expect(report.units).toBeGreaterThan(60);
    expect(report.groups).toBe(9);
    jm = await idOf("440700");
    zj = await idOf("440800");
  });
  afterAll(async () => {
    await database.drop();
  });

  it("seeds the starter registry idempotently: a second run adds nothing", async () => {
    const count = async (table: "units" | "unit_names" | "unit_groups" | "unit_group_members" | "audit_log") =>
      Number(
        (
          await database.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as("n"))
            .executeTakeFirst()
        )?.n,
      );
    const before = await Promise.all(
      (["units", "unit_names", "unit_groups", "unit_group_members", "audit_log"] as const).map(count),
    );
    expect(await seedStarterRegistry(database.db)).toEqual({ jurisdictions: 0, units: 0, groups: 0 });
    const after = await Promise.all(
      (["units", "unit_names", "unit_groups", "unit_group_members", "audit_log"] as const).map(count),
    );
    expect(after).toEqual(before);
  });

  it("writes an audit row for every seeded record, without a user", async () => {
    const created = await findAudit(database.db, { entity: "unit", limit: 1000 });
    const units = await database.db.selectFrom("units").select("id").execute();
    expect(new Set(created.filter((a) => a.action === "org.unit.created").map((a) => a.entity_id))).toEqual(
      new Set(units.map((u) => u.id)),
    );
    expect(created.every((a) => a.actor_id === null)).toBe(true);
    const renamed = created.find((a) => a.action === "org.unit.renamed");
    expect(JSON.parse(renamed?.before_json ?? "{}").name).toBe("江门市政务服务数据管理局");
    expect(JSON.parse(renamed?.after_json ?? "{}").name).toBe("江门市政务服务和数据管理局");
  });

  const resolveGold = async (file: string, jurisdictionId: string, date: string) => {
    const names = goldUnitNames(file);
    const results = await resolveUnitNames(database.db, SYSTEM_ACTOR, {
      jurisdictionId,
      date,
      names: names.map((n) => n.name),
    });
    const byName = new Map(results.map((r) => [r.name, r]));
    const resolved = results.filter((r) => r.status !== "unresolved");
    console.info(
      `[org] ${file} (${dialect}): ${resolved.length}/${results.length} names resolve; unresolved: ${results
        .filter((r) => r.status === "unresolved")
        .map((r) => `${r.name}→${r.suggestions[0]?.name ?? "—"}`)
        .join("，")}`,
    );
    return { results, byName: (name: string) => byName.get(name) as Resolution };
  };

  it("resolves the 江门 2019 document's units (seed 000), the renamed unit by its 2019 name", async () => {
    const { results, byName } = await resolveGold("000.json", jm, "2019-07-01");
    const sfj = await listUnits(database.db, SYSTEM_ACTOR, { jurisdictionId: jm, q: "江门市司法局" });
    expect(byName("市司法局")).toMatchObject({ status: "prefix", unitId: sfj[0]?.id, suggestions: [] });
    const zsj = byName("市政务服务数据管理局");
    expect(zsj.status).toBe("historical");
    expect(zsj.suggestions).toEqual([]);
    expect((await getUnit(database.db, SYSTEM_ACTOR, zsj.unitId as string)).name).toBe("江门市政务服务和数据管理局");
    expect(byName("市市场监管局").status).toBe("alias");
    expect(byName("市发展改革局").status).toBe("alias");
    expect(byName("各市（区）政府").status).toBe("group");
    expect(byName("各市(区)政府").groupId).toBe(byName("各市（区）政府").groupId);
    expect(byName("五邑大学").status).toBe("exact");
    // Every name the parser did not flag as a group resolves to a unit, except one the registry does not know.
    const unresolved = results.filter((r) => r.status === "unresolved").map((r) => r.name);
    expect(unresolved).toContain("江门幼儿师范大学");
    expect(results.filter((r) => r.status !== "unresolved").length).toBeGreaterThanOrEqual(36);
  });

  it("resolves the 江门 2022 document's units (seed 001), groups with either bracket width", async () => {
    const { results, byName } = await resolveGold("001.json", jm, "2022-07-18");
    const groups = await listGroups(database.db, SYSTEM_ACTOR, { jurisdictionId: jm });
    const countyGroup = groups.find((g) => g.name === "各市（区）人民政府");
    expect(byName("各县(市、区)政府")).toMatchObject({ status: "group", groupId: countyGroup?.id });
    expect(byName("各县（市、区）政府").groupId).toBe(countyGroup?.id);
    expect(byName("市有关单位").groupId).toBe(groups.find((g) => g.perItem && g.name === "市有关单位")?.id);
    expect(byName("市委宣传部").status).toBe("alias");
    expect(results.every((r) => r.status !== "unresolved")).toBe(true);
  });

  it("resolves the 湛江 document's units (seed 004) and suggests for what stays open", async () => {
    const { results, byName } = await resolveGold("004.json", zj, "2019-07-31");
    expect(byName("各县(市、区)政府(管委会)").status).toBe("group");
    expect(byName("市府直属各单位").status).toBe("group");
    expect(byName("市政府研究室").unitId).not.toBeNull();
    const open = byName("市发展改革局等单位");
    expect(open.status).toBe("unresolved");
    expect(open.suggestions[0]?.name).toBe("湛江市发展和改革局");
    expect(results.filter((r) => r.status === "unresolved").map((r) => r.name)).toEqual(["市发展改革局等单位"]);
  });

  it("keeps both names across a rename and resolves each by the document's date", async () => {
    const unit = await createUnit(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      name: "江门市测试旧名局",
      shortName: "市测试旧名局",
      kind: "department",
      validFrom: "2018-01-01",
    });
    const renamed = await updateUnit(database.db, SYSTEM_ACTOR, {
      id: unit.id,
      version: unit.version,
      name: "江门市测试新名局",
      shortName: "市测试新名局",
      renamedOn: "2024-03-01",
    });
    expect(renamed.version).toBe(unit.version + 1);
    expect(renamed.names).toEqual(
      expect.arrayContaining([
        { name: "江门市测试旧名局", kind: "official", validFrom: "2018-01-01", validTo: "2024-02-29" },
        { name: "江门市测试新名局", kind: "official", validFrom: "2024-03-01", validTo: null },
        { name: "市测试旧名局", kind: "short", validFrom: "2018-01-01", validTo: "2024-02-29" },
        { name: "市测试新名局", kind: "short", validFrom: "2024-03-01", validTo: null },
      ]),
    );
    const [old2020, new2025] = await Promise.all([
      resolveUnitNames(database.db, SYSTEM_ACTOR, { jurisdictionId: jm, date: "2020-05-01", names: ["市测试旧名局"] }),
      resolveUnitNames(database.db, SYSTEM_ACTOR, { jurisdictionId: jm, date: "2025-05-01", names: ["市测试新名局"] }),
    ]);
    expect(old2020[0]).toMatchObject({ status: "historical", unitId: unit.id, suggestions: [] });
    expect(new2025[0]).toMatchObject({ unitId: unit.id, suggestions: [] });
    const audit = await findAudit(database.db, { entity: "unit", entityId: unit.id });
    expect(audit.map((a) => a.action)).toEqual(["org.unit.renamed", "org.unit.created"]);
  });

  it("rejects a stale version instead of overwriting", async () => {
    const unit = await createUnit(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      name: "江门市版本测试局",
      kind: "other",
    });
    await updateUnit(database.db, SYSTEM_ACTOR, { id: unit.id, version: unit.version, kind: "agency" });
    await expect(
      updateUnit(database.db, SYSTEM_ACTOR, { id: unit.id, version: unit.version, kind: "department" }),
    ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringMatching(/已被他人修改，请刷新后重试/) });
    expect((await getUnit(database.db, SYSTEM_ACTOR, unit.id)).kind).toBe("agency");
  });

  it("keeps other offices out: 湛江's office neither reads nor changes 江门's units", async () => {
    const zjOffice: Actor = { id: "zj-office", roles: ["office"], jurisdictionId: zj, unitId: null };
    const jmUnit = (await listUnits(database.db, SYSTEM_ACTOR, { jurisdictionId: jm }))[0];
    if (!jmUnit) throw new Error("no unit");
    await expect(getUnit(database.db, zjOffice, jmUnit.id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(listUnits(database.db, zjOffice, { jurisdictionId: jm })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      updateUnit(database.db, zjOffice, { id: jmUnit.id, version: jmUnit.version, kind: "other" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(addAlias(database.db, zjOffice, { id: jmUnit.id, name: "别名" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A viewer of 江门 reads but may not write.
    const viewer: Actor = { id: "jm-viewer", roles: ["viewer"], jurisdictionId: jm, unitId: null };
    expect((await getUnit(database.db, viewer, jmUnit.id)).id).toBe(jmUnit.id);
    await expect(addAlias(database.db, viewer, { id: jmUnit.id, name: "别名" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("sets group members with a version, audited before → after, and refuses members from elsewhere", async () => {
    const jmUnits = await listUnits(database.db, SYSTEM_ACTOR, { jurisdictionId: jm });
    const zjUnits = await listUnits(database.db, SYSTEM_ACTOR, { jurisdictionId: zj });
    const group = await createGroup(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      name: "市测试专班成员单位",
      memberIds: [jmUnits[0]?.id as string],
    });
    const updated = await setGroupMembers(database.db, SYSTEM_ACTOR, {
      id: group.id,
      version: group.version,
      memberIds: jmUnits.slice(0, 3).map((u) => u.id),
    });
    expect(updated.memberIds).toHaveLength(3);
    await expect(
      setGroupMembers(database.db, SYSTEM_ACTOR, { id: group.id, version: group.version, memberIds: [] }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      setGroupMembers(database.db, SYSTEM_ACTOR, {
        id: group.id,
        version: updated.version,
        memberIds: [zjUnits[0]?.id as string],
      }),
    ).rejects.toMatchObject({ code: "VALIDATION_FAILED" });
    const audit = await findAudit(database.db, { entity: "unit_group", entityId: group.id });
    expect(audit.map((a) => a.action)).toEqual(["org.group.members_set", "org.group.created"]);
    expect(JSON.parse(audit[0]?.before_json ?? "{}").memberIds).toHaveLength(1);
    expect(JSON.parse(audit[0]?.after_json ?? "{}").memberIds).toHaveLength(3);
  });

  it("finds units by any of their names, including former ones, and below the city", async () => {
    const byOld = await listUnits(database.db, SYSTEM_ACTOR, { jurisdictionId: jm, q: "政务服务数据管理局" });
    expect(byOld.map((u) => u.name)).toContain("江门市政务服务和数据管理局");
    const withCounties = await listUnits(database.db, SYSTEM_ACTOR, {
      jurisdictionId: jm,
      includeBelow: true,
      q: "人民政府",
    });
    expect(withCounties.map((u) => u.name)).toEqual(expect.arrayContaining(["台山市人民政府", "江门市人民政府"]));
    expect(await listUnits(database.db, SYSTEM_ACTOR, { jurisdictionId: jm, q: "100%_" })).toEqual([]);
  });
});
