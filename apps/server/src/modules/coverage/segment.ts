import { createRequire } from "node:module";
import type * as JiebaModule from "@node-rs/jieba";
import type { Jieba } from "@node-rs/jieba";
import type * as JiebaDict from "@node-rs/jieba/dict.js";

/**
 * Chinese word segmentation for matching plan items. jieba's default dictionary is ~5 MB and takes ~150 ms to
 * load, so it is loaded on first use (not at import): most server code paths never compare texts.
 */

let jieba: Jieba | undefined;

function getJieba(): Jieba {
  if (!jieba) {
    // createRequire, not a static import: `@node-rs/jieba/dict` reads dict.txt when it is imported.
    const require = createRequire(import.meta.url);
    const { Jieba: JiebaClass } = require("@node-rs/jieba") as typeof JiebaModule;
    const { dict } = require("@node-rs/jieba/dict.js") as typeof JiebaDict;
    jieba = JiebaClass.withDict(dict);
  }
  return jieba;
}

/**
 * Words that carry no task meaning at all: particles, conjunctions, modal and framing verbs. Dropped.
 * (Single-character tokens are dropped anyway; see `segmentWords`.)
 */
const STOP_WORDS = new Set(
  (
    "以及 或者 并且 其中 对于 关于 通过 按照 根据 围绕 结合 作为 为了 以上 以下 等等 方面 " +
    "情况 有关 相关 其他 各类 各项 一些 有序 确保 要求 原则 坚持 注重 认真 切实 积极 主动 " +
    "及时 全面 深入 不断 持续 逐步 进一步 一步 严格 着力 努力 大力 加大 力度 更加 更好 充分 " +
    "有效 依法 统一 集中 开展 进行 实现 做到 做好 抓好 办好 用好 我市 本市 本地区 本级 " +
    "各级 各地 各地区 各部门 各单位 各区 年内 年底 年底前 能够 需要 应当 可以"
  ).split(" "),
);

/**
 * Words every 政务公开 text repeats: they say "this is openness work", not which task. They are kept (a text made
 * only of them still needs some weight) but count a tenth of an ordinary word, so that two items do not look
 * alike merely because both say 加强…政务公开工作.
 */
const GENERIC_WORDS = new Set(
  (
    "加强 推进 推动 深化 强化 提升 提高 优化 完善 健全 建立 建立健全 落实 贯彻 贯彻落实 " +
    "实施 加快 工作 公开 信息 政府 政务 政务公开 信息公开 政府信息 公开工作 政策 重要 重点 " +
    "重大 领域 机制 制度 建设 发展 社会 部门 单位 地方 市场 群众 公众 服务 管理 体系 平台 " +
    "水平 质量 能力 作用 问题 措施 事项 内容 形式 任务 规定 规范 要点 分工 方案"
  ).split(" "),
);

/** Weight multiplier for GENERIC_WORDS: low enough that ten of them weigh what one ordinary word does. */
export const GENERIC_WEIGHT = 0.1;

export function isGenericWord(word: string): boolean {
  return GENERIC_WORDS.has(word);
}

/** A token worth comparing: at least two characters of CJK, Latin letters or digits mixed with letters. */
const CONTENT_TOKEN = /^(?:[\u3400-\u9fff]{2,}|[a-z][a-z0-9]+|[0-9]+[a-z][a-z0-9]*)$/;

/**
 * Segments `text` into comparable words. Search mode (`cutForSearch`) also emits the parts of long compounds
 * (重要环节 → 重要, 环节, 重要环节), so a city item that paraphrases with a shorter word still meets the national
 * one. HMM is off: only dictionary words, so the same text always gives the same words.
 * Single characters (的, 和, 要, 对, 将…) are function words in this register and are dropped.
 */
export function segmentWords(text: string): string[] {
  const normalised = text.normalize("NFKC").toLowerCase();
  return getJieba()
    .cutForSearch(normalised, false)
    .filter((w) => CONTENT_TOKEN.test(w) && !STOP_WORDS.has(w));
}

/** Characters compared by the bigram fallback: CJK ideographs, Latin letters and digits; punctuation and spaces go. */
export function comparableChars(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\u3400-\u9fffa-z0-9]/g, "");
}

/**
 * Removes cited document titles and their 文号: "根据《江门市…工作细则（试行）的通知》（江府办函〔2019〕14号）要求".
 * A citation says which rule a task follows, not what the task is, and its long title would otherwise outweigh
 * the task's own words.
 */
export function withoutCitations(text: string): string {
  return text.replace(/《[^《》]*》(?:[（(][^（）()]*〔[^〕]*〕[^（）()]*[）)])?/g, " ");
}
