import { describe, expect, it } from "vitest";
import { extractDeadlines, extractDeadlinesFromCell } from "./deadlines.ts";

describe("time limits as documents print them", () => {
  it.each([
    ["需于2020年1月31日前上报", { text: "2020年1月31日前", kind: "by", date: "2020-01-31" }],
    ["在2023年前完成", { text: "在2023年前", kind: "by", date: "2022-12-31" }],
    ["在 2020年底前集中公开", { text: "2020年底前", kind: "by", date: "2020-12-31" }],
    ["8月底前完成试点验收", { text: "8月底前", kind: "by", date: "2019-08-31" }],
    ["2月底前报送", { text: "2月底前", kind: "by", date: "2019-02-28" }],
    ["将于 12 月份检查", { text: "12 月份", kind: "by", date: "2019-12-31" }],
    ["今年12月，各单位", { text: "今年12月", kind: "by", date: "2019-12-31" }],
    ["务必在今年内实现", { text: "今年内", kind: "by", date: "2019-12-31" }],
    ["要在年底前完成", { text: "年底前", kind: "by", date: "2019-12-31" }],
    ["于每年的 1 月 31 日前发布", { text: "每年的 1 月 31 日前", kind: "recurring", month: 1, day: 31 }],
    ["公布后 5 个工作日内", { text: "5 个工作日内", kind: "within", amount: 5, unit: "workday" }],
    ["征集结束后1个月内", { text: "1个月内", kind: "within", amount: 1, unit: "month" }],
    ["收到申请后十五个工作日内", { text: "十五个工作日内", kind: "within", amount: 15, unit: "workday" }],
    ["24小时内回应", { text: "24小时内", kind: "within", amount: 24, unit: "hour" }],
    ["7日内答复", { text: "7日内", kind: "within", amount: 7, unit: "day" }],
  ])("%s", (text, expected) => {
    expect(extractDeadlines(text, 2019)).toEqual([expected]);
  });

  it.each([
    "每年至少召开一次会议",
    "定期更新",
    "持续推进",
    "尽快完成",
    "（2019年4月修订）",
    "2019 年是关键之年",
    "三年内完成",
  ])("%s is not a deadline", (text) => {
    expect(extractDeadlines(text, 2019)).toEqual([]);
  });

  it("lists a repeated phrase each time, in order of appearance", () => {
    expect(extractDeadlines("8月底前完成验收，9月底前报送，年底前发布，年底前总结", 2018).map((d) => d.text)).toEqual([
      "8月底前",
      "9月底前",
      "年底前",
      "年底前",
    ]);
  });

  it("leaves the date out when the year is unknown, rather than guessing", () => {
    expect(extractDeadlines("年底前完成", undefined)).toEqual([{ text: "年底前", kind: "by" }]);
  });

  it("a 时限 cell may be standing", () => {
    expect(extractDeadlinesFromCell("长期坚持", 2023)).toEqual([{ text: "长期坚持", kind: "standing" }]);
    expect(extractDeadlinesFromCell("2023年6月底前", 2023)).toEqual([
      { text: "2023年6月底前", kind: "by", date: "2023-06-30" },
    ]);
  });
});
