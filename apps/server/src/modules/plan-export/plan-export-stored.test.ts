import { describe, expect, it } from "vitest";
import { cellText } from "./plan-table-cells.ts";
import { viewForUnit, viewFromStoredPlan, type StoredPlanForExport } from "./plan-export.ts";

const PLAN: StoredPlanForExport = {
  title: "江门市2022年政务公开工作要点分工方案",
  columns: ["工作任务", "具体要求", "责任单位"],
  items: [
    {
      path: ["一", "1"],
      headings: ["深化政策公开"],
      text: "做好规章动态更新。",
      criteria: null,
      deadlines: [{ text: "2022年底前" }],
      units: [{ rawName: "市司法局", role: "responsible" }],
      assigned: [{ unitName: "江门市司法局", role: "responsible" }],
    },
    {
      path: ["一", "2"],
      headings: ["深化政策公开"],
      text: "规范政策解读。",
      criteria: null,
      deadlines: [],
      units: [
        { rawName: "市政府办公室", role: "lead" },
        { rawName: "各县(市、区)政府", role: "responsible" },
      ],
      assigned: [
        { unitName: "江门市人民政府办公室", role: "lead" },
        { unitName: "蓬江区人民政府", role: "responsible" },
      ],
    },
  ],
};

describe("export view of a stored plan", () => {
  it("prints the units as written and finds a unit's items by its registry name, groups expanded", () => {
    const view = viewFromStoredPlan(PLAN, { versionLabel: "第1版" });
    expect(view.items.map((i) => cellText(i, { key: "units", header: "责任单位" }))).toEqual([
      "市司法局",
      "市政府办公室牵头，各县(市、区)政府落实",
    ]);
    expect(view.items[0]?.deadlineText).toBe("2022年底前");
    const justice = viewForUnit(view, "江门市司法局");
    expect(justice.items.map((i) => i.text)).toEqual(["做好规章动态更新。"]);
    const county = viewForUnit(view, "蓬江区人民政府");
    expect(county.items.map((i) => i.text)).toEqual(["规范政策解读。"]);
    const role = county.columns.find((c) => c.key === "role");
    expect(role && county.items[0] ? cellText(county.items[0], role) : "").toBe("负责");
    expect(viewForUnit(view, "江门市财政局").items).toEqual([]);
  });
});
