import { describe, expect, it } from "vitest";
import { parseOutputSchema } from "@luoshi/contract";
import { parseText } from "./parse-text.ts";

const tsv = (...rows: string[][]) => rows.map((r) => r.join("\t")).join("\n");
const parse = (text: string) => parseOutputSchema.parse(parseText(text));

describe("layouts the seeds do not show", () => {
  it("separate 牵头单位 / 配合单位 columns, a 序号 column, a 时限 column and merged section rows", () => {
    const text = [
      "某某县人民政府办公室关于印发某某县2023年政务公开工作要点任务分工的通知",
      "某府办〔2023〕5号",
      "各镇人民政府，县直各单位：",
      "现将《某某县2023年政务公开工作要点任务分工》印发给你们，请认真贯彻落实。",
      "某某县人民政府办公室",
      "2023年4月10日",
      "某某县2023年政务公开工作要点任务分工",
      tsv(
        ["序号", "工作任务", "牵头单位", "配合单位", "完成时限"],
        ["一、持续深化重点领域信息公开", "", "", "", ""],
        ["1", "做好财政预决算公开工作。", "县财政局", "县直各单位", "2023年6月底前"],
        ["2", "推进政府数据开放。", "县政务服务数据管理局", "县发展改革局、统计局", "长期坚持"],
        ["二、加强平台建设", "", "", "", ""],
        ["3", "按时发布政府信息公开工作年度报告。", "县政府办公室", "", "每年1月31日前"],
      ),
    ].join("\n");
    const [doc] = parse(text).documents;
    expect(doc?.docNumber).toBe("某府办〔2023〕5号");
    expect(doc?.date).toBe("2023-04-10");
    expect(doc?.issuer).toBe("某某县人民政府办公室");
    const plan = doc?.plans[0];
    expect(plan?.columns).toEqual(["序号", "工作任务", "牵头单位", "配合单位", "完成时限"]);
    expect(plan?.items.map((i) => i.path)).toEqual([
      ["一", "1"],
      ["一", "2"],
      ["二", "3"],
    ]);
    expect(plan?.items[0]?.headings).toEqual(["持续深化重点领域信息公开"]);
    expect(plan?.items[0]?.unitsText).toBe("县财政局 | 县直各单位");
    expect(plan?.items[0]?.units).toEqual([
      { name: "县财政局", role: "lead", group: false },
      { name: "县直各单位", role: "assist", group: true },
    ]);
    expect(plan?.items[1]?.units.map((u) => `${u.name}:${u.role}`)).toEqual([
      "县政务服务数据管理局:lead",
      "县发展改革局:assist",
      "县统计局:assist",
    ]);
    expect(plan?.items[0]?.deadlines).toEqual([{ text: "2023年6月底前", kind: "by", date: "2023-06-30" }]);
    expect(plan?.items[1]?.deadlines).toEqual([{ text: "长期坚持", kind: "standing" }]);
    expect(plan?.items[2]?.deadlines).toEqual([{ text: "每年1月31日前", kind: "recurring", month: 1, day: 31 }]);
  });

  it("an indicator table (一级/二级/三级指标, 分值, 评分标准) nests by column", () => {
    const text = tsv(
      ["一级指标", "二级指标", "三级指标", "分值", "评分标准"],
      ["公开工作机制（10分）", "组织领导（4分）", "领导小组履职", "2", "未召开领导小组会议的，扣2分。"],
      ["", "", "工作人员配备", "2", "未明确专职人员的，扣1分。"],
      ["", "平台建设（6分）", "政府网站", "6", "发现错链、断链每例扣0.5分，扣完为止。"],
    );
    const plan = parse(text).documents[0]?.plans[0];
    expect(plan?.source).toBe("table");
    expect(plan?.items).toHaveLength(3);
    expect(plan?.items.map((i) => i.headings)).toEqual([
      ["公开工作机制（10分）", "组织领导（4分）"],
      ["公开工作机制（10分）", "组织领导（4分）"],
      ["公开工作机制（10分）", "平台建设（6分）"],
    ]);
    expect(plan?.items[2]?.text).toBe("政府网站");
    expect(plan?.items[2]?.criteria).toBe("发现错链、断链每例扣0.5分，扣完为止。");
  });

  it("prose plans with 责任单位 / 完成时限 lines and units in brackets after a task", () => {
    const text = [
      "某某区2024年政务公开工作要点",
      "一、加强政策解读",
      "（一）做好政策解读工作。严格落实政策解读三同步要求。",
      "责任单位：区政府办公室，区直各单位",
      "完成时限：2024年12月底前",
      "（二）推进基层政务公开标准化规范化。（牵头单位：区司法局；配合单位：各街道办事处）",
      "二、深化国家层面试点",
      "（三）全面推行证明事项告知承诺制（国务院审改办、司法部负责）。",
      "各单位要将落实情况纳入年度报告。",
    ].join("\n");
    const items = parse(text).documents[0]?.plans[0]?.items ?? [];
    expect(items.map((i) => i.path)).toEqual([
      ["一", "（一）"],
      ["一", "（二）"],
      ["二", "（三）"],
    ]);
    expect(items[0]?.text).toBe("做好政策解读工作。严格落实政策解读三同步要求。");
    expect(items[0]?.units.map((u) => u.name)).toEqual(["区政府办公室", "区直各单位"]);
    expect(items[0]?.deadlines).toEqual([{ text: "2024年12月底前", kind: "by", date: "2024-12-31" }]);
    expect(items[1]?.units).toEqual([
      { name: "区司法局", role: "lead", group: false },
      { name: "各街道办事处", role: "assist", group: true },
    ]);
    expect(items[2]?.units.map((u) => `${u.name}:${u.role}`)).toEqual([
      "国务院审改办:responsible",
      "司法部:responsible",
    ]);
  });

  it("normalises 文号 printed with other brackets and spaces", () => {
    const docs = parse("关于做好2021年政务公开工作的通知\n某府办函 [ 2021 ] 07 号\n各单位：\n一、做好公开。").documents;
    expect(docs[0]?.docNumber).toBe("某府办函〔2021〕7号");
    expect(docs[0]?.title).toBe("关于做好2021年政务公开工作的通知");
  });
});

describe("bad input is a value, never an exception", () => {
  const cases: [string, string][] = [
    ["empty", ""],
    ["blank lines", "   \n\n"],
    ["control characters", "\u0000\u0001\u0002"],
    ["a bare number", "一、"],
    ["empty table cells", "\t\t\t\n\t"],
    ["10,000 open brackets", "（".repeat(10_000)],
    ["50,000 numbers on one line", "1.".repeat(50_000)],
    ["20,000 nested levels", Array.from({ length: 20_000 }, (_, i) => `${"（".repeat(i % 3)}${i + 1}.x`).join("\n")],
  ];
  it.each(cases)("parses %s without throwing", (_label, text) => {
    expect(() => parse(text)).not.toThrow();
  });

  it("warns when nothing looks like a document or plan", () => {
    const out = parse("今天天气很好，我们去公园散步。");
    expect(out.documents).toEqual([]);
    expect(out.warnings.map((w) => w.code)).toEqual(["NO_DOCUMENT"]);
  });
});
