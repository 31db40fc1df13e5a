import { describe, expect, it } from "vitest";
import { draftFilename, renderDraftText } from "./draft-text.ts";

describe("renderDraftText", () => {
  it("prints each category once, numbered by the items' paths, and says it is a system draft", () => {
    const text = renderDraftText({
      planId: "p-1",
      title: "江门市贯彻落实2019年政务公开工作要点分工方案",
      upstreamTitle: "2019年政务公开工作要点",
      upstreamDocNumber: "国办发〔2019〕14号",
      at: "2026-11-22T08:00:00.000Z",
      items: [
        { path: ["一", "（一）"], headings: ["加强政策解读"], text: "深入解读重要政策措施。" },
        { path: ["一", "（二）"], headings: ["加强政策解读"], text: "积极回应社会关切。" },
        { path: ["二", "（三）", "1"], headings: ["推进决策公开", "重要决策"], text: "推进重要决策公开。" },
      ],
    });
    expect(text.split("\n")).toEqual([
      "江门市贯彻落实2019年政务公开工作要点分工方案",
      "",
      "（系统起草稿：由落实系统于 2026-11-22 根据《2019年政务公开工作要点》（国办发〔2019〕14号）逐条起草，" +
        "不是导入的原件；责任单位待政务公开办确认，内容以系统中的方案为准。）",
      "",
      "一、加强政策解读",
      "（一）深入解读重要政策措施。",
      "（二）积极回应社会关切。",
      "二、推进决策公开",
      "（三）重要决策",
      "1.推进重要决策公开。",
      "",
      "（方案编号：p-1）",
      "",
    ]);
  });

  it("names the file after the plan without characters a download would mangle", () => {
    expect(draftFilename("江门市/湛江市：方案")).toBe("江门市湛江市：方案（系统起草）.txt");
    expect(draftFilename('a"b')).toBe("ab（系统起草）.txt");
  });
});
