import { describe, expect, it } from "vitest";
import { nameCoreWords, normaliseRemit, parseRemit, remitHits, remitKeywords } from "./unit-remit.ts";

const dept = (name: string, remit: string | null = null) => ({ name, kind: "department", remit });

describe("remit keywords", () => {
  it("takes the field words out of a department's name", () => {
    expect(nameCoreWords("江门市司法局")).toEqual(["司法"]);
    expect(nameCoreWords("江门市人力资源和社会保障局")).toEqual(["人力资源", "社会保障"]);
    expect(nameCoreWords("江门市城市管理和综合执法局")).toEqual(["城市管理", "综合执法"]);
    expect(nameCoreWords("中共江门市委网络安全和信息化委员会办公室")).toEqual(["网络安全", "信息化"]);
    expect(nameCoreWords("中共湛江市委宣传部")).toEqual(["宣传"]);
    expect(nameCoreWords("国家税务总局江门市税务局")).toEqual(["税务"]);
    // 发展 alone would point at every item that says 发展.
    expect(nameCoreWords("江门市发展和改革局")).toEqual([]);
  });

  it("derives a department's usual remit from its name, and none for a government", () => {
    expect(remitKeywords(dept("江门市司法局"))).toEqual(expect.arrayContaining(["司法", "法治", "行政执法"]));
    expect(remitKeywords(dept("湛江市财政局"))).toEqual(expect.arrayContaining(["财政", "预决算", "政府债务"]));
    const office = remitKeywords({ name: "江门市人民政府办公室", kind: "office", remit: null });
    expect(office).toContain("政务公开");
    // 人民政府 contains 民政, which is not the office's field.
    expect(office).not.toContain("养老");
    expect(remitKeywords({ name: "蓬江区人民政府", kind: "government", remit: null })).toEqual([]);
  });

  it("lets the office's own keywords replace the derived ones", () => {
    expect(remitKeywords(dept("江门市司法局", "普法、 行政复议，法律顾问"))).toEqual(["普法", "行政复议", "法律顾问"]);
    expect(parseRemit("数据 开放 ;  x")).toEqual(["数据", "开放"]);
    expect(normaliseRemit("  ")).toBeNull();
    expect(normaliseRemit("司法 法治 司法")).toBe("司法、法治");
  });

  it("counts a keyword inside a longer hit once", () => {
    const keywords = remitKeywords(dept("江门市司法局"));
    expect(remitHits("推进行政执法信息公开，严格落实行政执法公示制度。", keywords)).toEqual(["行政执法"]);
    expect(remitHits("细化财政信息公开。", keywords)).toEqual([]);
  });
});
