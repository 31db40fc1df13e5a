import { describe, expect, it } from "vitest";
import { computeCoverage, type CoverageItem } from "./coverage.ts";
import { splitTasks } from "./tasks.ts";

const item = (id: string, text: string, headings: string[] = []): CoverageItem => ({
  id,
  path: [id],
  headings,
  text,
});

// A national-style paragraph: a title sentence and three tasks.
const FINANCE = item(
  "U1",
  "细化财政信息公开。全面公开项目立项依据、预算安排、绩效目标、绩效自评结果。" +
    "推动地方各级政府部门加快项目文本和绩效目标公开进度。" +
    "推进全国统一的地方政府债务信息公开平台建设，定期公开债务限额、余额、债务率、偿债率。",
);
const GAZETTE = item("U2", "推进政府公报创新发展。办好政府公报电子版，逐步推行政府公报移动端展示。建设政府公报网上数据库，推进历史公报入库管理。");
const LAND = item("U3", "推进征地信息公开。加快历史征地信息补录进度，优化征地信息共享平台功能。");
const UPSTREAM = [FINANCE, GAZETTE, LAND];

describe("splitTasks", () => {
  it("separates the title sentence from the tasks", () => {
    const split = splitTasks(FINANCE.text);
    expect(split.title).toBe("细化财政信息公开。");
    expect(split.tasks).toHaveLength(3);
  });

  it("keeps a text without a title as one task", () => {
    expect(splitTasks("公开征地信息")).toEqual({ title: null, tasks: ["公开征地信息"] });
  });
});

describe("computeCoverage", () => {
  it("covers an upstream item by an identical local item", () => {
    const result = computeCoverage({ upstream: UPSTREAM, local: [item("L1", LAND.text)] });
    const land = result.items.find((i) => i.upstreamId === "U3");
    expect(land?.status).toBe("covered");
    expect(land?.matches[0]).toMatchObject({ localId: "L1", linked: false });
    expect(land?.matches[0]?.score).toBeCloseTo(1, 5);
  });

  it("leaves an upstream item with only unrelated local items not covered, with ranked suggestions", () => {
    const result = computeCoverage({ upstream: UPSTREAM, local: [item("L1", "开展政务公开培训。"), item("L2", "公开征地信息。")] });
    const finance = result.items.find((i) => i.upstreamId === "U1");
    expect(finance?.status).toBe("not-covered");
    expect(finance?.matches).toEqual([]);
    expect(result.summary).toMatchObject({ covered: 1, partly: 0, notCovered: 2 });
    expect(result.unmatchedLocal.map((u) => u.localId)).toEqual(["L1"]);
  });

  it("covers a long upstream item split over three short local items", () => {
    const local = [
      item("L1", "公开项目立项依据、预算安排和绩效目标。"),
      item("L2", "公开财政项目文本和绩效目标。"),
      item("L3", "通过全国统一的地方政府债务信息公开平台，定期公开地方政府债务等信息。"),
    ];
    const finance = computeCoverage({ upstream: UPSTREAM, local }).items.find((i) => i.upstreamId === "U1");
    expect(finance?.status).toBe("covered");
    expect(finance?.matches.map((m) => m.localId).sort()).toEqual(["L1", "L2", "L3"]);
    expect(finance?.tasks.every((t) => t.takenUp)).toBe(true);
  });

  it("reports an item as partly covered when only one of its tasks is taken up", () => {
    const local = [item("L1", "通过全国统一的地方政府债务信息公开平台，定期公开地方政府债务等信息。")];
    const finance = computeCoverage({ upstream: UPSTREAM, local }).items.find((i) => i.upstreamId === "U1");
    expect(finance?.status).toBe("partly");
    expect(finance?.taskShare).toBeCloseTo(1 / 3, 5);
    expect(finance?.tasks.map((t) => t.takenUp)).toEqual([false, false, true]);
    expect(finance?.suggestions.length).toBeGreaterThanOrEqual(0);
  });

  it("lets an explicit link decide, and keeps a linked local item out of similarity matching", () => {
    const local = [item("L1", "高质量做好本市重点工作。"), item("L2", LAND.text)];
    const result = computeCoverage({
      upstream: UPSTREAM,
      local,
      links: [
        { localId: "L1", upstreamId: "U1" },
        { localId: "L2", upstreamId: "U2" },
        { localId: "L9", upstreamId: "U1" },
      ],
    });
    const byId = new Map(result.items.map((i) => [i.upstreamId, i]));
    expect(byId.get("U1")).toMatchObject({ status: "covered", basis: "link" });
    expect(byId.get("U2")).toMatchObject({ status: "covered", basis: "link" });
    expect(byId.get("U2")?.matches[0]).toMatchObject({ localId: "L2", linked: true });
    // L2 is the land text word for word, but the office linked it elsewhere: U3 is not guessed from it.
    expect(byId.get("U3")?.status).toBe("not-covered");
    expect(result.ignoredLinks).toEqual([{ localId: "L9", upstreamId: "U1" }]);
  });

  it("attributes a local item filed under the upstream title even when it elaborates in its own words", () => {
    const local = [item("L1", "办好政府公报电子版，按月编印并在门户网站同步发布。", ["推进政府公报创新发展"])];
    const gazette = computeCoverage({ upstream: UPSTREAM, local }).items.find((i) => i.upstreamId === "U2");
    expect(gazette?.matches.map((m) => m.localId)).toEqual(["L1"]);
  });

  it("does not treat generic openness wording as a match", () => {
    const local = [item("L1", "进一步加强政务公开工作，推进政府信息公开，做好公开平台建设。")];
    const result = computeCoverage({ upstream: UPSTREAM, local });
    expect(result.items.map((i) => i.status)).toEqual(["not-covered", "not-covered", "not-covered"]);
  });

  it("computes 60 × 60 items well under 100 ms once the dictionary is loaded", () => {
    const texts = [FINANCE.text, GAZETTE.text, LAND.text];
    const upstream = Array.from({ length: 60 }, (_, i) => item(`U${i}`, `${texts[i % 3] ?? ""}第${i}项。`));
    const local = Array.from({ length: 60 }, (_, i) => item(`L${i}`, `${(texts[(i + 1) % 3] ?? "").slice(0, 30)}${i}`));
    computeCoverage({ upstream, local }); // warm-up: dictionary load and JIT, paid once per process
    const start = performance.now();
    computeCoverage({ upstream, local });
    expect(performance.now() - start).toBeLessThan(100);
  });
});
