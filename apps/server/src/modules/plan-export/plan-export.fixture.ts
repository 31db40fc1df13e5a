import type { ParsedItem, ParsedPlan } from "@luoshi/contract";

/** A small plan shaped like seed 001: two category levels, an item directly under 一、, mixed roles. */

function item(path: string[], headings: string[], text: string, units: ParsedItem["units"]): ParsedItem {
  return { path, headings, text, criteria: null, unitsText: null, units, deadlines: [] };
}

const lead = (name: string) => ({ name, role: "lead" as const, group: false });
const assist = (name: string, group = false) => ({ name, role: "assist" as const, group });
const responsible = (name: string, group = false) => ({ name, role: "responsible" as const, group });

export const SAMPLE_PLAN: ParsedPlan = {
  title: "江门市2022年政务公开工作要点分工方案",
  source: "table",
  columns: ["工作要求", "工作任务", "具体要求", "责任单位"],
  items: [
    item(["一", "（一）", "1"], ["优化政务公开工作基础", "深化规章集中公开。"], "完善行政规章库。", [
      responsible("市政府办公室"),
      responsible("市司法局"),
    ]),
    item(["一", "（一）", "2"], ["优化政务公开工作基础", "深化规章集中公开。"], '=HYPERLINK("http://x")', [
      lead("市财政局"),
      assist("市有关单位", true),
      responsible("各县(市、区)政府", true),
    ]),
    item(["一", "（二）", "3"], ["优化政务公开工作基础", "推进基层标准化。"], "-持续更新目录。", [
      responsible("市司法局"),
      { name: "市政府办公室", role: "supervise", group: false },
    ]),
    item(["二", "4"], ["坚持全市一盘棋"], "@发布年度报告。", []),
  ],
};
