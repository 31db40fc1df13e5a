import { describe, expect, it } from "vitest";
import type { CoverageItem } from "../coverage/coverage.ts";
import { remitKeywords } from "../org/unit-remit.ts";
import { suggestUnits, type CandidateUnit, type HistoryItem } from "./unit-suggestions.ts";

const target = (id: string, text: string): CoverageItem => ({ id, path: [id], headings: [], text });

// National-style paragraphs being planned this year.
const ENFORCEMENT = target(
  "T1",
  "推进行政执法信息公开。按照“谁执法谁公示”原则，严格落实行政执法公示制度，" +
    "及时公开执法职责、执法依据、执法程序、监督途径和执法结果。",
);
const FINANCE = target(
  "T2",
  "细化财政信息公开。全面公开项目立项依据、预算安排、绩效目标。推进地方政府债务信息公开平台建设，定期公开债务限额、余额。",
);
const LAND = target("T3", "推进征地信息公开。加快历史征地信息补录进度，优化征地信息共享平台功能。");

const unit = (unitId: string, name: string): CandidateUnit => ({
  unitId,
  name,
  keywords: remitKeywords({ name, kind: "department", remit: null }),
});
const JUSTICE = unit("u-justice", "江门市司法局");
const FINANCE_BUREAU = unit("u-finance", "江门市财政局");
const LAND_BUREAU = unit("u-land", "江门市自然资源局");
const UNITS = [JUSTICE, FINANCE_BUREAU, LAND_BUREAU];

const earlier = (id: string, path: string[], text: string, units: HistoryItem["units"]): HistoryItem => ({
  id,
  path,
  headings: [],
  text,
  planYear: 2019,
  units,
});

describe("suggestUnits", () => {
  it("suggests the units an earlier plan assigned to a row drawn from the same task, with the row in the reason", () => {
    const history = [
      earlier("H1", ["六", "（十六）"], "严格落实行政执法公示制度，及时公开执法职责、执法依据和执法结果。", [
        { unitId: "u-land", role: "lead" },
        { unitId: "u-finance", role: "assist" },
      ]),
      earlier("H2", ["七", "（二十）"], "公开征地信息，加快历史征地信息补录。", [
        { unitId: "u-land", role: "responsible" },
      ]),
    ];
    const result = suggestUnits({ targets: [ENFORCEMENT, FINANCE, LAND], history, units: UNITS });
    const enforcement = result.get("T1") ?? [];
    const byHistory = enforcement.filter((s) => s.basis === "history");
    expect(byHistory.map((s) => [s.unitId, s.role])).toEqual([
      ["u-land", "lead"],
      ["u-finance", "assist"],
    ]);
    expect(byHistory[0]?.reason).toBe("2019年方案 六（十六）由其牵头（与本项内容相近）");
    expect(byHistory[0]?.score).toBeGreaterThan(byHistory[1]?.score ?? 1);
    // The remit still brings in the unit whose field the text names, but below what the office did before.
    const justice = enforcement.find((s) => s.unitId === "u-justice");
    expect(justice).toMatchObject({ basis: "remit", role: "assist", reason: "职责关键词：行政执法" });
    expect(justice?.score).toBeLessThan(byHistory[1]?.score ?? 0);
    // The 征地 row is not taken for the 执法 item, and vice versa.
    expect((result.get("T3") ?? []).filter((s) => s.basis === "history").map((s) => s.unitId)).toEqual(["u-land"]);
  });

  it("falls back to the remit when the jurisdiction has no history: the unit named by the most keywords leads", () => {
    const result = suggestUnits({ targets: [FINANCE, LAND], history: [], units: UNITS });
    const finance = result.get("T2") ?? [];
    expect(finance[0]).toMatchObject({ unitId: "u-finance", role: "lead", basis: "remit" });
    expect(finance[0]?.reason).toMatch(/^职责关键词：.*政府债务/);
    expect(result.get("T3")?.[0]).toMatchObject({ unitId: "u-land", reason: "职责关键词：征地" });
  });

  it("ignores units that are no longer current and stops at the limit", () => {
    const history = [
      earlier("H1", ["一"], "推进征地信息公开，加快历史征地信息补录进度。", [{ unitId: "u-abolished", role: "lead" }]),
    ];
    const result = suggestUnits({ targets: [LAND], history, units: UNITS, limit: 1 });
    expect(result.get("T3")?.map((s) => s.unitId)).toEqual(["u-land"]);
  });

  it("suggests nothing for a text no unit's remit mentions and no earlier row resembles", () => {
    const result = suggestUnits({
      targets: [target("T9", "办好政务公开工作交流电子刊物。")],
      history: [],
      units: UNITS,
    });
    expect(result.get("T9")).toEqual([]);
  });
});
