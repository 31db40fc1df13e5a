import { describe, expect, it } from "vitest";
import { parseUnits } from "./units.ts";

const show = (text: string, role?: Parameters<typeof parseUnits>[1]) =>
  parseUnits(text, role).map((u) => `${u.name}:${u.role}${u.group ? ":group" : ""}`);

describe("the grammar of 责任单位", () => {
  it.each([
    ["市政府办公室、市司法局", ["市政府办公室:responsible", "市司法局:responsible"]],
    [
      "市财政局牵头，市有关单位配合，各县（市、区）政府落实",
      ["市财政局:lead", "市有关单位:assist:group", "各县（市、区）政府:responsible:group"],
    ],
    [
      "市政府办公室、市发展改革局牵头，市政务服务数据管理局和市有关单位配合；各县(市、区)政府",
      [
        "市政府办公室:lead",
        "市发展改革局:lead",
        "市政务服务数据管理局:assist",
        "市有关单位:assist:group",
        "各县(市、区)政府:responsible:group",
      ],
    ],
    ["市工业和信息化局、市市场监管局牵头", ["市工业和信息化局:lead", "市市场监管局:lead"]],
    [
      "市生态环境局、水务局、农业农村局, 各县(市、区)政府(管委会)",
      [
        "市生态环境局:responsible",
        "市水务局:responsible",
        "市农业农村局:responsible",
        "各县(市、区)政府(管委会):responsible:group",
      ],
    ],
    ["市农业农村局牵头会同有关单位", ["市农业农村局:lead", "有关单位:assist:group"]],
    ["市市场监管局牵头、市发展改革局等单位参与", ["市市场监管局:lead", "市发展改革局等单位:assist:group"]],
    [
      "市司法局牵头各单位, 市政务服务数据管理局",
      ["市司法局:lead", "各单位:responsible:group", "市政务服务数据管理局:responsible"],
    ],
    ["市有关单位；市司法局负责监督落实", ["市有关单位:responsible:group", "市司法局:supervise"]],
    ["市教育局、市卫生健康局按职能分工落实", ["市教育局:responsible", "市卫生健康局:responsible"]],
    ["国务院审改办、人力资源社会保障部负责", ["国务院审改办:responsible", "人力资源社会保障部:responsible"]],
    ["<p>市教育局</p>", ["市教育局:responsible"]],
  ])("%s", (text, expected) => {
    expect(show(text)).toEqual(expected);
  });

  it("a run never crosses a semicolon", () => {
    expect(show("市财政局；市税务局牵头")).toEqual(["市财政局:responsible", "市税务局:lead"]);
  });

  it("a 牵头单位 column makes bare names lead, a 配合单位 column assist", () => {
    expect(show("县财政局、县审计局", "lead")).toEqual(["县财政局:lead", "县审计局:lead"]);
    expect(show("各镇人民政府", "assist")).toEqual(["各镇人民政府:assist:group"]);
  });

  it("an empty or punctuation-only cell names nobody", () => {
    expect(show("")).toEqual([]);
    expect(show("；、，")).toEqual([]);
  });
});
