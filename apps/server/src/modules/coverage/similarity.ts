import { bigrams } from "../org/org-names.ts";
import { comparableChars, GENERIC_WEIGHT, isGenericWord, segmentWords } from "./segment.ts";

/**
 * Text similarity for Chinese plan items: TF-IDF over jieba words, with the 政务公开-generic words damped, and
 * character bigrams as the fallback when a text has no content words (all generic, or not Chinese).
 *
 * IDF comes from the texts being compared (one upstream plan and one local plan), not from a general corpus:
 * what is rare *within these plans* (征地, 公报, IPv6) identifies a task; what every item says does not.
 */

/** term → weight. Weights are non-negative; a missing term weighs 0. */
export type TermVector = ReadonlyMap<string, number>;

export interface TermIndex {
  /** The weighted words of `text`: (1 + ln tf) × idf, × GENERIC_WEIGHT for generic words. */
  vectorOf(text: string): TermVector;
  /** Inverse document frequency of `term` in the corpus the index was built from (unknown terms: the maximum). */
  idf(term: string): number;
}

/** Builds the IDF table once for a corpus; `vectorOf` then segments each distinct text only once. */
export function buildTermIndex(corpus: readonly string[]): TermIndex {
  const cache = new Map<string, string[]>();
  const wordsOf = (text: string): string[] => {
    let words = cache.get(text);
    if (!words) {
      words = segmentWords(text);
      cache.set(text, words);
    }
    return words;
  };
  const df = new Map<string, number>();
  for (const text of corpus) {
    for (const word of new Set(wordsOf(text))) df.set(word, (df.get(word) ?? 0) + 1);
  }
  const n = corpus.length;
  // Smoothed IDF, always ≥ 1: a term in every document still counts a little (a two-item corpus must work).
  const idf = (term: string): number => Math.log((n + 1) / ((df.get(term) ?? 0) + 1)) + 1;

  return {
    idf,
    vectorOf(text: string): TermVector {
      const tf = new Map<string, number>();
      for (const word of wordsOf(text)) tf.set(word, (tf.get(word) ?? 0) + 1);
      const vector = new Map<string, number>();
      for (const [term, count] of tf) {
        const damping = isGenericWord(term) ? GENERIC_WEIGHT : 1;
        vector.set(term, (1 + Math.log(count)) * idf(term) * damping);
      }
      return vector;
    },
  };
}

function norm(v: TermVector): number {
  let sum = 0;
  for (const w of v.values()) sum += w * w;
  return Math.sqrt(sum);
}

export function totalWeight(v: TermVector): number {
  let sum = 0;
  for (const w of v.values()) sum += w;
  return sum;
}

/** Cosine of two term vectors, in [0, 1]; 0 when either is empty. Symmetric. */
export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small) dot += w * (large.get(term) ?? 0);
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot / denominator;
}

/**
 * Weighted recall: the share of `target`'s weight whose terms occur in any of `covers`, in [0, 1].
 * Asymmetric on purpose: a national 要点 paragraph names many tasks and a city item takes one, so "how much of
 * the national item does this city text say" is recall(national, [city]), and "is this city item drawn from
 * that national item" is recall(city, [national]).
 */
export function weightedRecall(target: TermVector, covers: readonly TermVector[]): number {
  const total = totalWeight(target);
  if (total === 0) return 0;
  let found = 0;
  for (const [term, w] of target) {
    if (covers.some((c) => c.has(term))) found += w;
  }
  return found / total;
}

/** Jaccard index of the two texts' character bigrams (punctuation and spaces ignored), in [0, 1]. */
export function bigramJaccard(a: string, b: string): number {
  const ga = bigrams(comparableChars(a));
  const gb = bigrams(comparableChars(b));
  if (ga.size === 0 && gb.size === 0) return a.trim() === b.trim() ? 1 : 0;
  let shared = 0;
  for (const g of ga) if (gb.has(g)) shared++;
  return shared / (ga.size + gb.size - shared);
}

/**
 * Symmetric similarity of two texts in [0, 1]: TF-IDF cosine when both have content words, else bigram
 * Jaccard. A little bigram weight is always mixed in, so near-identical wording ranks above a mere shared
 * vocabulary. Pass an index built over the whole comparison; without one, the two texts are the corpus.
 */
export function textSimilarity(a: string, b: string, index: TermIndex = buildTermIndex([a, b])): number {
  const va = index.vectorOf(a);
  const vb = index.vectorOf(b);
  const jaccard = bigramJaccard(a, b);
  if (hasContentWords(va) && hasContentWords(vb)) return 0.8 * cosine(va, vb) + 0.2 * jaccard;
  return jaccard;
}

/** True when the vector has at least one non-generic word: generic words alone do not identify a task. */
export function hasContentWords(v: TermVector): boolean {
  for (const term of v.keys()) if (!isGenericWord(term)) return true;
  return false;
}
