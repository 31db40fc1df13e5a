import { describe, expect, it } from "vitest";
import { formatNumber, ListCounters, parseNumbering } from "./docx-numbering.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe("formatNumber", () => {
  it("counts in Chinese as Word's 一, 二, 三 list style does", () => {
    const values = [1, 2, 9, 10, 11, 19, 20, 21, 99, 100, 101, 110];
    expect(values.map((n) => formatNumber(n, "chineseCounting"))).toEqual([
      "一",
      "二",
      "九",
      "十",
      "十一",
      "十九",
      "二十",
      "二十一",
      "九十九",
      "一百",
      "一百零一",
      "一百一十",
    ]);
    expect(formatNumber(14, "chineseCountingThousand")).toBe("十四");
    expect(formatNumber(12, "chineseLegalSimplified")).toBe("壹拾贰");
  });

  it("renders the other formats found in government documents", () => {
    expect(formatNumber(3, "ideographTraditional")).toBe("丙");
    expect(formatNumber(3, "decimalEnclosedCircle")).toBe("③");
    expect(formatNumber(3, "decimalEnclosedParen")).toBe("⑶");
    expect(formatNumber(3, "decimalEnclosedFullstop")).toBe("⒊");
    expect(formatNumber(12, "decimalFullWidth")).toBe("１２");
    expect(formatNumber(4, "upperRoman")).toBe("IV");
    expect(formatNumber(28, "lowerLetter")).toBe("bb");
    expect(formatNumber(7, "decimalZero")).toBe("07");
    expect(formatNumber(7, "decimal")).toBe("7");
  });
});

describe("ListCounters", () => {
  const xml = `<w:numbering ${W}>
    <w:abstractNum w:abstractNumId="0">
      <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
      <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%4"/><w:isLgl/></w:lvl>
    </w:abstractNum>
    <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
    <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
  </w:numbering>`;

  it("counts per level, restarts deeper levels and renders lvlText", () => {
    const counters = new ListCounters(parseNumbering(xml));
    const labels = [
      [0, "一、"],
      [1, "（一）"],
      [2, "1. "],
      [2, "2. "],
      [1, "（二）"],
      [2, "1. "],
      [0, "二、"],
      [1, "（一）"],
      [3, "2.1 "],
    ] as const;
    for (const [level, label] of labels) expect(counters.next("1", level)).toBe(label);
  });

  it("keeps separate counters per list instance and applies start overrides", () => {
    const counters = new ListCounters(parseNumbering(xml));
    expect(counters.next("1", 0)).toBe("一、");
    expect(counters.next("2", 0)).toBe("五、");
    expect(counters.next("1", 0)).toBe("二、");
    expect(counters.next("9", 0)).toBe("");
  });
});
