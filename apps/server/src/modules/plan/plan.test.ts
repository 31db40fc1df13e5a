import { describe, expect, it } from "vitest";
import { deadlinesIn, diffItems, planYear, splitPath } from "./plan.ts";

describe("plan rules", () => {
  it("lists items added, removed and changed by plan position and path", () => {
    const before = [
      { planPosition: 0, path: ["一", "1"], text: "甲" },
      { planPosition: 0, path: ["一", "2"], text: "乙" },
    ];
    const after = [
      { planPosition: 0, path: ["一", "1"], text: "甲（修订）" },
      { planPosition: 0, path: ["一", "3"], text: "丙" },
    ];
    expect(diffItems(before, after)).toEqual({
      added: [{ planPosition: 0, path: ["一", "3"], text: "丙" }],
      removed: [{ planPosition: 0, path: ["一", "2"], text: "乙" }],
      changed: [{ planPosition: 0, path: ["一", "1"], text: "甲（修订）", previousText: "甲" }],
    });
    expect(diffItems(before, before)).toEqual({ added: [], removed: [], changed: [] });
  });

  it("takes the year from the title before the date, and numbers split parts", () => {
    expect(planYear("江门市2019年政务公开工作要点考核方案", "2020-01-02")).toBe(2019);
    expect(planYear(null, "2022-07-18")).toBe(2022);
    expect(planYear(null, null)).toBeNull();
    expect(splitPath(["一", "（一）", "1"], 2)).toEqual(["一", "（一）", "1-2"]);
  });

  it("keeps the deadlines a split part still mentions", () => {
    const d = [{ text: "2022年底前", kind: "by" as const, date: "2022-12-31" }];
    expect(deadlinesIn("2022年底前完成", d)).toEqual(d);
    expect(deadlinesIn("持续推进", d)).toEqual([]);
  });
});
