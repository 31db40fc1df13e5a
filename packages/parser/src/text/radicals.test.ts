import { describe, expect, it } from "vitest";
import { normalizeRadicals } from "./radicals.ts";

describe("normalizeRadicals", () => {
  it("maps the C-SIMPLIFIED radicals of the supplement to the ideographs they look like", () => {
    expect(normalizeRadicals("⻓⻔⻘⻙⻚⻛⻜⻝⻢⻣⻤⻥⻦⻧⻨⻩⻬⻮⻳⻰⺠⺟")).toBe(
      "长门青韦页风飞食马骨鬼鱼鸟卤麦黄齐齿龟龙民母",
    );
  });

  it("follows Unicode's EquivalentUnifiedIdeograph for the other supplement radicals", () => {
    expect(normalizeRadicals("⺅⺈⺉⺌⺡⺢⺣⺤⺦⺧⺨⺫⺭⺮⻈⻉⻋⻌⻏⻐⻖⻠")).toBe(
      "亻刀刂小氵氺灬爫丬牛犭目礻𥫗讠贝车辶邑钅阝饣",
    );
  });

  it("maps Kangxi radicals and compatibility ideographs through their NFKC decomposition", () => {
    expect(normalizeRadicals("⼈⺠政府⾔论⾦融")).toBe("人民政府言论金融");
    expect(normalizeRadicals("\uF900\uFA10")).toBe("\u8C48\u585A");
  });

  it("leaves everything else as printed, full-width punctuation and digits included", () => {
    const text = "江府办〔2022〕7号：（一）１２３，ＡＢＣ　全角空格！";
    expect(normalizeRadicals(text)).toBe(text);
    expect(normalizeRadicals("")).toBe("");
  });

  it("keeps unassigned code points of the radical blocks unchanged", () => {
    expect(normalizeRadicals("\u2E9A\u2EF4\u2FD6")).toBe("\u2E9A\u2EF4\u2FD6");
  });

  it("handles a multi-megabyte text quickly", () => {
    const text = "江门市⼈⺠政府⻔户网站。".repeat(200_000);
    const started = performance.now();
    const out = normalizeRadicals(text);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out.startsWith("江门市人民政府门户网站。")).toBe(true);
  });
});
