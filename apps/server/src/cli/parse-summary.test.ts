import { describe, expect, it } from "vitest";
import type { ParseOutput } from "@luoshi/contract";
import { formatParseSummary } from "./parse-summary.ts";
import { displayWidth } from "./text-width.ts";

const output: ParseOutput = {
  documents: [
    {
      issuer: "江门市人民政府办公室",
      docNumber: "江府办〔2022〕7号",
      title: "关于印发分工方案的通知",
      date: "2022-07-18",
      recipients: ["各县（市、区）政府", "市有关单位"],
      cc: [],
      disclosure: "主动公开",
      printed: null,
      references: [{ title: "2022年政务公开工作要点", docNumber: "国办发〔2022〕8号" }],
      attachments: [],
      deadlines: [],
      plans: [
        {
          title: "分工方案",
          source: "table",
          columns: ["工作任务", "责任单位"],
          items: [
            {
              path: ["一", "1"],
              headings: ["基础"],
              text: "2022年底前完成",
              criteria: null,
              unitsText: "市财政局牵头，市有关单位配合",
              units: [
                { name: "市财政局", role: "lead", group: false },
                { name: "市有关单位", role: "assist", group: true },
              ],
              deadlines: [{ text: "2022年底前", kind: "by", date: "2022-12-31" }],
            },
            {
              path: ["一", "2"],
              headings: ["基础"],
              text: "每年 1 月 31 日前；5个工作日内",
              criteria: null,
              unitsText: "市财政局",
              units: [{ name: "市财政局", role: "responsible", group: false }],
              deadlines: [
                { text: "每年 1 月 31 日前", kind: "recurring", month: 1, day: 31 },
                { text: "5个工作日内", kind: "within", amount: 5, unit: "workday" },
                { text: "2022年底前", kind: "by", date: "2022-12-31" },
              ],
            },
          ],
        },
      ],
    },
  ],
  warnings: [{ code: "DEADLINE_YEAR_UNKNOWN", message: "无法确定年份", line: 12 }],
};

describe("formatParseSummary", () => {
  const text = formatParseSummary(output, "a.txt");

  it("shows the document fields and the counts", () => {
    expect(text).toContain("共 1 份公文，1 个方案，2 项任务，1 条警告");
    expect(text).toContain("发文字号：江府办〔2022〕7号");
    expect(text).toContain("主送    ：各县（市、区）政府、市有关单位");
    expect(text).toContain("引用文件：1 份");
  });

  it("counts each unit's roles and marks groups", () => {
    expect(text).toMatch(/市财政局\s+牵头 1 {2}负责 1/);
    expect(text).toMatch(/市有关单位〔统称〕\s+配合 1/);
    expect(text).toContain("单位（2 个，其中统称 1 个）");
  });

  it("normalises deadlines and counts repeats", () => {
    expect(text).toContain("2022年底前 → 2022-12-31（截止）  ×2");
    expect(text).toContain("每年 1 月 31 日前 → 每年 1 月 31 日（每年）");
    expect(text).toContain("5个工作日内 → 5 个工作日内（时限）");
    expect(text).toContain("[DEADLINE_YEAR_UNKNOWN] 第 12 行 无法确定年份");
  });

  it("aligns the unit column by display width, not string length", () => {
    const rows = text.split("\n").filter((l) => l.includes("牵头 1") || l.includes("配合 1"));
    const columns = rows.map((l) => displayWidth(l.slice(0, l.search(/(牵头|配合) 1/))));
    expect(new Set(columns).size).toBe(1);
  });

  it("says so when nothing was found", () => {
    expect(formatParseSummary({ documents: [], warnings: [] }, "x")).toContain("共 0 份公文");
  });
});
