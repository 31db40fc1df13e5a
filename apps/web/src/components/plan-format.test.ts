import { describe, expect, it } from "vitest";
import type { PlanItem, PlanItemUnit } from "@luoshi/contract";
import { collectUnresolved, deadlineText, filterItems, formatPath, headingTree } from "./plan-format.ts";

const unit = (over: Partial<PlanItemUnit>): PlanItemUnit => ({
  id: over.rawName ?? "u",
  position: 0,
  rawName: "市司法局",
  role: "responsible",
  isGroup: false,
  unitId: "sfj",
  groupId: null,
  status: "exact",
  suggestions: [],
  ...over,
});

const item = (over: Partial<PlanItem>): PlanItem => ({
  id: over.id ?? "i",
  position: 0,
  path: ["一", "（一）", "1"],
  headings: ["优化政务公开工作基础", "深化行政规章集中公开"],
  text: "任务",
  criteria: null,
  unitsText: null,
  deadlines: [],
  units: [],
  version: 1,
  ...over,
});

describe("plan formatting", () => {
  it("writes numbering paths as the printed plans do", () => {
    expect(formatPath(["一", "（一）", "1"])).toBe("一（一）1");
    expect(formatPath(["四", "（十二）"])).toBe("四（十二）");
    expect(formatPath(["五", "59"])).toBe("五、59");
    expect(formatPath(["1", "2"])).toBe("1.2");
  });

  it("shows resolved dates and says why a deadline has none", () => {
    expect(deadlineText({ text: "2022年底前", kind: "by", date: "2022-12-31" }, undefined)).toBe("2022年底前");
    expect(deadlineText({ text: "年底前", kind: "by" }, { date: "2022-12-31", note: null })).toBe(
      "年底前（2022-12-31）",
    );
    expect(deadlineText({ text: "长期坚持", kind: "standing" }, { date: null, note: "长期任务" })).toBe("长期坚持");
    expect(deadlineText({ text: "5个工作日内", kind: "within", amount: 5, unit: "workday" }, undefined)).toBe(
      "5个工作日内（自相关事项发生之日起算）",
    );
  });

  it("collects each unresolved name once, with where it occurs and the best suggestions first", () => {
    const a = item({
      id: "a",
      units: [
        unit({
          rawName: "市发展改革局等单位",
          unitId: null,
          status: "unresolved",
          suggestions: [{ unitId: "x", name: "X", score: 0.4 }],
        }),
        unit({}),
      ],
    });
    const b = item({
      id: "b",
      units: [
        unit({
          rawName: "市发展改革局等单位",
          role: "assist",
          unitId: null,
          status: "unresolved",
          suggestions: [
            { unitId: "y", name: "Y", score: 0.9 },
            { unitId: "x", name: "X", score: 0.5 },
          ],
        }),
      ],
    });
    const [entry, ...rest] = collectUnresolved([a, b]);
    expect(rest).toEqual([]);
    expect(entry?.occurrences).toBe(2);
    expect(entry?.items.map((i) => i.id)).toEqual(["a", "b"]);
    expect(entry?.roles).toEqual(["responsible", "assist"]);
    expect(entry?.suggestions.map((s) => [s.unitId, s.score])).toEqual([
      ["y", 0.9],
      ["x", 0.5],
    ]);
    // The plan's own suggestion objects are not changed.
    expect(a.units[0]?.suggestions[0]?.score).toBe(0.4);
  });

  it("filters by words, by unit and by unresolved names", () => {
    const items = [
      item({ id: "a", text: "规章库建设", units: [unit({})] }),
      item({ id: "b", text: "依申请公开", units: [unit({ rawName: "某局", unitId: null, status: "unresolved" })] }),
    ];
    const base = { text: "", unit: undefined, unresolvedOnly: false };
    expect(filterItems(items, { ...base, text: "规章库" }).map((i) => i.id)).toEqual(["a"]);
    expect(filterItems(items, { ...base, unit: "unit:sfj" }).map((i) => i.id)).toEqual(["a"]);
    expect(filterItems(items, { ...base, unresolvedOnly: true }).map((i) => i.id)).toEqual(["b"]);
    expect(filterItems(items, { ...base, text: "某局" }).map((i) => i.id)).toEqual(["b"]);
  });

  it("builds the outline: a heading that comes back later gathers its items in one node", () => {
    const items = [
      item({ id: "a", path: ["一", "（一）", "1"] }),
      item({ id: "b", path: ["一", "（二）", "2"], headings: ["优化政务公开工作基础", "推进标准化"] }),
      item({ id: "c", path: ["一", "（一）", "3"] }),
    ];
    const [root] = headingTree(items);
    expect(root?.title).toBe("一、优化政务公开工作基础");
    expect(root?.children.map((c) => c.title)).toEqual(["（一）深化行政规章集中公开", "（二）推进标准化"]);
    expect(root?.children[0]?.children.map((c) => c.item?.id)).toEqual(["a", "c"]);
  });
});
