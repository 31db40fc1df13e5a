import { describe, expect, it } from "vitest";
import { SAMPLE_PLAN } from "./plan-export.fixture.ts";
import { formatNumber, formatUnits, itemNumber, viewForUnit, viewFromParsedPlan } from "./plan-export.ts";
import { cellText, mergeStates } from "./plan-table-cells.ts";

describe("plan export view", () => {
  it("keeps the source's header words and one column per category level", () => {
    const view = viewFromParsedPlan(SAMPLE_PLAN);
    expect(view.columns.map((c) => c.header)).toEqual(["工作要求", "工作任务", "具体要求", "责任单位"]);
    expect(view.year).toBe(2022);
  });

  it("places a blank source header and adds 评价标准 when items carry criteria (seed 004's shape)", () => {
    const plan = {
      ...SAMPLE_PLAN,
      columns: ["", "工作任务", "评价标准", "责任单位"],
      items: SAMPLE_PLAN.items.map((i) => ({ ...i, criteria: "评价公开情况" })),
    };
    const headers = viewFromParsedPlan(plan).columns.map((c) => c.header);
    expect(headers).toEqual(["工作类别", "工作事项", "工作任务", "评价标准", "责任单位"]);
  });

  it("prints numbers the way the documents do", () => {
    expect(["一", "（一）", "(三)", "1", "（1）"].map(formatNumber)).toEqual([
      "一、",
      "（一）",
      "（三）",
      "1.",
      "（1）",
    ]);
    const view = viewFromParsedPlan(SAMPLE_PLAN);
    expect(view.items.map(itemNumber)).toEqual(["1.", "2.", "3.", "4."]);
  });

  it("writes 责任单位 with roles in the order lead, assist, responsible, supervise", () => {
    const [a, b, c, d] = viewFromParsedPlan(SAMPLE_PLAN).items.map((i) => formatUnits(i.units));
    expect(a).toBe("市政府办公室、市司法局");
    expect(b).toBe("市财政局牵头，市有关单位配合，各县(市、区)政府落实");
    expect(c).toBe("市司法局，市政府办公室负责监督落实");
    expect(d).toBe("");
  });

  it("merges category cells over their items, level by level", () => {
    const { items } = viewFromParsedPlan(SAMPLE_PLAN);
    expect(mergeStates(items, 0)).toEqual(["restart", "continue", "continue", "none"]);
    expect(mergeStates(items, 1)).toEqual(["restart", "continue", "none", "none"]);
    const view = viewFromParsedPlan(SAMPLE_PLAN);
    const second = view.columns[1];
    if (!second) throw new Error("no second column");
    expect(view.items.map((i) => cellText(i, second))).toEqual([
      "（一）深化规章集中公开。",
      "（一）深化规章集中公开。",
      "（二）推进基层标准化。",
      "",
    ]);
  });

  it("a unit's task list keeps only its items, matching brackets of either width", () => {
    const view = viewFromParsedPlan(SAMPLE_PLAN);
    const mine = viewForUnit(view, "市司法局");
    expect(mine.items.map((i) => i.path.at(-1))).toEqual(["1", "3"]);
    expect(mine.title).toBe("市司法局任务清单");
    const county = viewForUnit(view, "各县（市、区）政府");
    expect(county.items).toHaveLength(1);
    const role = county.columns.find((c) => c.key === "role");
    expect(county.items.map((i) => role && cellText(i, role))).toEqual(["负责"]);
    // The office that supervises item 3 and implements item 1 sees both, each in its role.
    const office = viewForUnit(view, "市政府办公室");
    const officeRole = office.columns.find((c) => c.key === "role");
    expect(office.items.map((i) => officeRole && cellText(i, officeRole))).toEqual(["负责", "监督"]);
  });
});
