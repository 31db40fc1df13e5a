import { describe, expect, it } from "vitest";
import { numberToChinese, chineseToNumber } from "./cn-numerals.ts";
import { readDocNumberLine } from "./doc-number.ts";
import { readNumbering } from "./numbering.ts";
import { splitOrganList } from "./split-list.ts";

describe("outline numbering", () => {
  it.each([
    ["一、优化政务公开工作基础", 1, "一", "优化政务公开工作基础"],
    ["(一)深化行政规章公开。", 2, "（一）", "深化行政规章公开。"],
    ["（二十六） 围绕保障人民群众身体健康", 2, "（二十六）", "围绕保障人民群众身体健康"],
    ["1.依托政府信息公开平台", 3, "1", "依托政府信息公开平台"],
    ["46．各级、各部门", 3, "46", "各级、各部门"],
    ["3、做好公开", 3, "3", "做好公开"],
    ["（1）公开目录", 4, "（1）", "公开目录"],
  ])("%s", (text, level, token, rest) => {
    expect(readNumbering(text)).toMatchObject({ level, token, rest });
  });

  it.each(["2019年是关键之年", "12345热线", "一站式服务", "1.5倍", "一是加强领导"])("%s is not numbered", (text) => {
    expect(readNumbering(text)).toBeUndefined();
  });

  it("reads and writes Chinese numerals", () => {
    expect([1, 10, 11, 20, 44, 59, 100, 105].map(numberToChinese)).toEqual([
      "一",
      "十",
      "十一",
      "二十",
      "四十四",
      "五十九",
      "一百",
      "一百零五",
    ]);
    expect(["四十四", "十", "二〇一九", "一百零五"].map(chineseToNumber)).toEqual([44, 10, 2019, 105]);
  });
});

describe("发文字号", () => {
  it.each([
    ["江府办〔2022〕7号", "江府办〔2022〕7号"],
    ["粤府办〔2019〕9 号", "粤府办〔2019〕9号"],
    ["国办发[2019]14号", "国办发〔2019〕14号"],
    ["湛府办函（2019）59号", "湛府办函〔2019〕59号"],
    ["某府办〔 2021 〕 007 号", "某府办〔2021〕7号"],
  ])("%s", (text, expected) => {
    expect(readDocNumberLine(text)).toBe(expected);
  });
});

describe("主送/抄送 lists", () => {
  it("split on ，、, outside brackets, keeping the fixed phrase for the provinces whole", () => {
    expect(splitOrganList("各省、自治区、直辖市人民政府，国务院各部委、各直属机构")).toEqual([
      "各省、自治区、直辖市人民政府",
      "国务院各部委",
      "各直属机构",
    ]);
    expect(splitOrganList("各县（市、区）人民政府（管委会），市府直属各单位")).toEqual([
      "各县（市、区）人民政府（管委会）",
      "市府直属各单位",
    ]);
  });
});
