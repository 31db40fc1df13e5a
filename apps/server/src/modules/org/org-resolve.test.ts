import { describe, expect, it } from "vitest";
import type { Unit } from "@luoshi/contract";
import { absoluteName, dayBefore, groupKey, isValidOn, nameKey } from "./org-names.ts";
import { resolveNames, type RegistrySnapshot } from "./org-resolve.ts";
import { STARTER_REGISTRY } from "./starter/index.ts";
import { starterSnapshot } from "./starter/snapshot.ts";

const JM = "440700";
const ZJ = "440800";
const starter = starterSnapshot(STARTER_REGISTRY);

const resolve = (names: string[], jurisdictionId = JM, date: string | null = "2019-06-01", snapshot = starter) =>
  resolveNames(snapshot, { jurisdictionId, date, names });
const one = (name: string, jurisdictionId = JM, date: string | null = "2019-06-01", snapshot = starter) => {
  const [result] = resolve([name], jurisdictionId, date, snapshot);
  if (!result) throw new Error("no result");
  return result;
};

describe("name keys", () => {
  it("fold full- and half-width, spaces and 人民政府", () => {
    expect(nameKey(" 江门市 人民政府办公室")).toBe(nameKey("江门市政府办公室"));
    expect(nameKey("各县（市、区）政府")).toBe(nameKey("各县(市、区)政府"));
  });

  it("read 市/区/县 names relative to the jurisdiction", () => {
    expect(absoluteName("市司法局", "江门市")).toBe("江门市司法局");
    expect(absoluteName("县财政局", "遂溪县")).toBe("遂溪县财政局");
    expect(absoluteName("区财政局", "江门市")).toBeUndefined();
    expect(absoluteName("江门市司法局", "江门市")).toBeUndefined();
  });

  it("give every spelling of the county governments one group key", () => {
    const key = groupKey("各县（市、区）政府");
    for (const v of ["各县(市、区)政府", "各市（区）政府", "各市(区)人民政府", "各县（市、区）人民政府", "各区政府"]) {
      expect(groupKey(v)).toBe(key);
    }
    expect(groupKey("各县(市、区)政府(管委会)")).not.toBe(key);
  });

  it("treat validity bounds as inclusive and open when null", () => {
    const range = { validFrom: "2019-01-01", validTo: "2023-12-31" };
    expect(isValidOn(range, "2019-01-01")).toBe(true);
    expect(isValidOn(range, "2023-12-31")).toBe(true);
    expect(isValidOn(range, "2024-01-01")).toBe(false);
    expect(isValidOn(range, null)).toBe(false);
    expect(isValidOn({ validFrom: null, validTo: null }, null)).toBe(true);
    expect(dayBefore("2024-03-01")).toBe("2024-02-29");
  });
});

describe("resolving unit names of 江门", () => {
  it("matches a full official name exactly", () => {
    expect(one("江门市司法局")).toMatchObject({ status: "exact", unitId: "江门市司法局", suggestions: [] });
  });

  it("reads the 市 prefix as the city: 市司法局 is 江门市司法局", () => {
    expect(one("市司法局")).toMatchObject({ status: "prefix", unitId: "江门市司法局", suggestions: [] });
    expect(one("市政府办公室")).toMatchObject({ unitId: "江门市人民政府办公室", suggestions: [] });
  });

  it("matches aliases and short names: 市发改局, 市市场监管局, 市人社局, 市委网信办", () => {
    expect(one("市发改局")).toMatchObject({ status: "alias", unitId: "江门市发展和改革局" });
    expect(one("市发展改革局")).toMatchObject({ status: "alias", unitId: "江门市发展和改革局" });
    expect(one("市市场监管局")).toMatchObject({ status: "alias", unitId: "江门市市场监督管理局" });
    expect(one("市市场监督管理局")).toMatchObject({ status: "prefix", unitId: "江门市市场监督管理局" });
    expect(one("市人力资源社会保障局").unitId).toBe("江门市人力资源和社会保障局");
    expect(one("市人社局").unitId).toBe("江门市人力资源和社会保障局");
    expect(one("市委网信办").unitId).toBe("中共江门市委网络安全和信息化委员会办公室");
  });

  it("resolves a name as it was on the document's date: 2019 市政务服务数据管理局 is the renamed unit", () => {
    const renamed = "江门市政务服务数据管理局"; // the starter id is the name it was created with
    const r2019 = one("市政务服务数据管理局", JM, "2019-06-01");
    expect(r2019).toMatchObject({ status: "historical", unitId: renamed, suggestions: [] });
    const unit = starter.units.find((u) => u.id === renamed) as Unit;
    expect(unit.name).toBe("江门市政务服务和数据管理局");
    // Used after the rename the old name still points to the unit, but not with certainty.
    const r2025 = one("市政务服务数据管理局", JM, "2025-03-01");
    expect(r2025.unitId).toBe(renamed);
    expect(r2025.suggestions.map((s) => s.unitId)).toEqual([renamed]);
    // And the new name in a 2019 document is not certain either; in 2025 it is exact.
    expect(one("江门市政务服务和数据管理局", JM, "2019-06-01").suggestions).toHaveLength(1);
    expect(one("江门市政务服务和数据管理局", JM, "2025-03-01")).toMatchObject({ status: "exact", suggestions: [] });
    expect(one("市政务服务和数据管理局", JM, "2025-03-01")).toMatchObject({ status: "prefix", suggestions: [] });
  });

  it("resolves groups by name with either bracket width and the variants of each city", () => {
    const countyGroup = `${JM}:各市（区）人民政府`;
    for (const name of [
      "各县（市、区）政府",
      "各县(市、区)政府",
      "各市（区）政府",
      "各市(区)政府",
      "各市（区）人民政府",
    ]) {
      expect(one(name)).toMatchObject({ status: "group", groupId: countyGroup, unitId: null });
    }
    expect(one("市政府各部门").groupId).toBe(`${JM}:市政府各部门`);
    expect(one("政府各部门").groupId).toBe(`${JM}:市政府各部门`);
    expect(one("各直属机构").groupId).toBe(`${JM}:各直属机构`);
    expect(one("市有关单位").groupId).toBe(`${JM}:市有关单位`);
  });

  it("leaves unknown names unresolved with ranked suggestions, never a silent guess", () => {
    const r = one("市发展和改革委员会");
    expect(r).toMatchObject({ status: "unresolved", unitId: null, groupId: null });
    expect(r.suggestions[0]?.unitId).toBe("江门市发展和改革局");
    const scores = r.suggestions.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(one("完全无关的名称").suggestions).toEqual([]);
    expect(one("")).toMatchObject({ status: "unresolved", suggestions: [] });
  });

  it("suggests the named unit of “…等单位” and keeps it unresolved", () => {
    const r = one("市发展改革局等单位");
    expect(r.status).toBe("unresolved");
    expect(r.suggestions[0]).toMatchObject({ unitId: "江门市发展和改革局", score: 1 });
  });

  it("does not reach across to another city", () => {
    expect(one("江门市司法局", ZJ).status).toBe("unresolved");
    expect(one("市司法局", ZJ).unitId).toBe("湛江市司法局");
  });

  it("reads a county's own prefix first and falls back to the city for other levels", () => {
    const snapshot: RegistrySnapshot = {
      ...starter,
      units: [
        ...starter.units,
        unit("台山市财政局", "440781", [{ name: "市财政局", kind: "short", validFrom: null, validTo: null }]),
      ],
    };
    expect(one("市财政局", "440781", null, snapshot).unitId).toBe("台山市财政局");
    expect(one("市财政局", JM, null, snapshot).unitId).toBe("江门市财政局");
    // 蓬江区 has no 市-level units of its own: 市司法局 there is the city's.
    expect(one("市司法局", "440703", null, snapshot).unitId).toBe("江门市司法局");
  });

  it("reports two units answering to one name as unresolved, listing both", () => {
    const snapshot: RegistrySnapshot = {
      ...starter,
      units: [
        ...starter.units,
        unit("江门市司法事务中心", JM, [{ name: "市司法局", kind: "alias", validFrom: null, validTo: null }]),
      ],
    };
    const r = one("市司法局", JM, null, snapshot);
    expect(r.status).toBe("unresolved");
    expect(r.suggestions.map((s) => s.unitId).sort()).toEqual(["江门市司法事务中心", "江门市司法局"]);
  });

  it("lets the date decide between a merged unit and its successor", () => {
    const old = unit("江门市旧局", JM, [], { validTo: "2020-12-31" });
    const successor = unit("江门市新局", JM, [
      { name: "江门市旧局", kind: "alias", validFrom: "2021-01-01", validTo: null },
    ]);
    const snapshot: RegistrySnapshot = { ...starter, units: [...starter.units, old, successor] };
    expect(one("市旧局", JM, "2019-01-01", snapshot).unitId).toBe("江门市旧局");
    expect(one("市旧局", JM, "2022-01-01", snapshot).unitId).toBe("江门市新局");
  });

  it("keeps the order and the names as given", () => {
    const names = ["市财政局", "各县(市、区)政府", "不存在的单位"];
    expect(resolve(names).map((r) => r.name)).toEqual(names);
  });
});

describe("resolving unit names of 湛江", () => {
  it("resolves its groups, including the one with 管委会", () => {
    expect(one("各县(市、区)政府(管委会)", ZJ).groupId).toBe(`${ZJ}:各县（市、区）人民政府（管委会）`);
    expect(one("各县（市、区）政府", ZJ).groupId).toBe(`${ZJ}:各县（市、区）人民政府（管委会）`);
    expect(one("市府直属各单位", ZJ).groupId).toBe(`${ZJ}:市府直属各单位`);
    expect(one("各单位", ZJ).groupId).toBe(`${ZJ}:各单位`);
    expect(one("有关单位", ZJ).groupId).toBe(`${ZJ}:市有关单位`);
  });

  it("matches 市政府研究室 to 湛江市人民政府研究室", () => {
    expect(one("市政府研究室", ZJ)).toMatchObject({ unitId: "湛江市人民政府研究室", suggestions: [] });
  });
});

function unit(name: string, jurisdictionId: string, names: Unit["names"], extra: Partial<Unit> = {}): Unit {
  return {
    id: name,
    jurisdictionId,
    name,
    shortName: null,
    kind: "department",
    validFrom: null,
    validTo: null,
    names: [{ name, kind: "official", validFrom: null, validTo: extra.validTo ?? null }, ...names],
    version: 1,
    ...extra,
  };
}
