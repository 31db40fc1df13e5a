import { describe, expect, it } from "vitest";
import { bigramJaccard, buildTermIndex, cosine, textSimilarity, weightedRecall } from "./similarity.ts";
import { segmentWords, withoutCitations } from "./segment.ts";

const CORPUS = [
  "进一步推进征地信息主动公开，加快历史征地信息补录进度。",
  "建设政府公报网上数据库，加快推进历史公报入库管理，向社会有序开放。",
  "加强政务公开机构建设、专职人员配备和经费保障。",
  "围绕持续开展大气污染防治攻坚、加快治理黑臭水体，做好生态环境信息公开。",
];

describe("segmentWords", () => {
  it("segments Chinese into words and drops single characters and stop words", () => {
    const words = segmentWords("进一步推进征地信息主动公开，加快历史征地信息补录进度。");
    expect(words).toContain("征地");
    expect(words).not.toContain("进一步");
    expect(words).not.toContain("主动");
    expect(words.every((w) => w.length >= 2)).toBe(true);
  });

  it("is deterministic", () => {
    const text = CORPUS.join("");
    expect(segmentWords(text)).toEqual(segmentWords(text));
  });
});

describe("textSimilarity", () => {
  it("gives 1 for identical texts", () => {
    const text = CORPUS[0] ?? "";
    expect(textSimilarity(text, text)).toBeCloseTo(1, 5);
  });

  it("gives about 0 for unrelated texts", () => {
    expect(textSimilarity(CORPUS[0] ?? "", CORPUS[3] ?? "", buildTermIndex(CORPUS))).toBeLessThan(0.1);
  });

  it("ranks a shortened copy far above an unrelated text", () => {
    const index = buildTermIndex(CORPUS);
    const shortened = "公开征地信息，补录历史征地信息。";
    expect(textSimilarity(CORPUS[0] ?? "", shortened, index)).toBeGreaterThan(
      3 * textSimilarity(CORPUS[1] ?? "", shortened, index),
    );
  });

  it("falls back to character bigrams when a text has no content words", () => {
    // Only generic words: TF-IDF has nothing to compare, bigrams still see the shared wording.
    expect(textSimilarity("加强政务公开工作", "加强政务公开工作")).toBeCloseTo(1, 5);
    expect(textSimilarity("加强政务公开工作", "推进信息公开")).toBeGreaterThan(0);
  });
});

describe("stop-word weighting", () => {
  it("lets generic openness words weigh little", () => {
    const index = buildTermIndex(CORPUS);
    const v = index.vectorOf("加强政务公开工作，推进征地");
    expect(v.get("征地") ?? 0).toBeGreaterThan(5 * (v.get("加强") ?? 0));
    expect(v.get("公开") ?? 0).toBeLessThan(v.get("征地") ?? 0);
  });

  it("does not make two items alike because both say 加强…政务公开工作", () => {
    const index = buildTermIndex(CORPUS);
    const a = index.vectorOf("加强政务公开工作，推进征地信息公开");
    const b = index.vectorOf("加强政务公开工作，推进政府公报数据库建设");
    expect(cosine(a, b)).toBeLessThan(0.1);
  });
});

describe("weightedRecall", () => {
  it("is asymmetric: a short item is contained in a long one, not the other way round", () => {
    const index = buildTermIndex(CORPUS);
    const long = index.vectorOf(CORPUS[1] ?? "");
    const short = index.vectorOf("建设政府公报网上数据库");
    expect(weightedRecall(short, [long])).toBeCloseTo(1, 5);
    expect(weightedRecall(long, [short])).toBeLessThan(0.7);
  });

  it("counts a term covered by any of several texts", () => {
    const index = buildTermIndex(CORPUS);
    const target = index.vectorOf("征地信息补录，公报数据库");
    const parts = [index.vectorOf("征地信息补录"), index.vectorOf("公报数据库")];
    expect(weightedRecall(target, parts)).toBeCloseTo(1, 5);
    expect(weightedRecall(target, parts.slice(0, 1))).toBeLessThan(0.8);
  });
});

describe("bigramJaccard and citations", () => {
  it("ignores punctuation and spacing", () => {
    expect(bigramJaccard("推进政府公报创新发展。", "推进政府公报 创新发展")).toBe(1);
    expect(bigramJaccard("征地", "公报")).toBe(0);
  });

  it("drops cited document titles and their 文号", () => {
    const text = "根据《关于印发政策解读工作细则的通知》（江府办函〔2019〕14号）要求，同步部署。";
    expect(withoutCitations(text)).not.toContain("细则");
    expect(withoutCitations(text)).toContain("同步部署");
  });
});

describe("speed", () => {
  it("compares 60 × 60 items well under 100 ms once the dictionary is loaded", () => {
    segmentWords("预热");
    const items = Array.from({ length: 120 }, (_, i) => `${CORPUS[i % 4] ?? ""}第${i}项，${CORPUS[(i + 1) % 4] ?? ""}`);
    const start = performance.now();
    const index = buildTermIndex(items);
    const vectors = items.map((t) => index.vectorOf(t));
    for (let i = 0; i < 60; i++) for (let j = 60; j < 120; j++) weightedRecall(vectors[i] ?? new Map(), [vectors[j] ?? new Map()]);
    expect(performance.now() - start).toBeLessThan(100);
  });
});
