/**
 * An upstream 要点 paragraph names several tasks, one per sentence:
 *   "细化财政信息公开。增加中央部门项目的公开数量，…。推动地方各级政府部门加快项目文本…。推进全国统一的…平台建设，…。"
 * The first, short sentence is the paragraph's title (the task's name, which city tables reuse as a heading); the
 * other sentences are the tasks a city plan has to pick up. A city table item is one task and is not split.
 */

/** A title sentence is short and has no clause break; 25 characters holds every title in the 2019–2022 要点. */
const TITLE_MAX_CHARS = 25;

/** Sentence ends in 公文 prose. A semicolon separates parallel requirements, so it also ends a task. */
const SENTENCE_END = /(?<=[。；;！!？?])/;

export interface SplitTasks {
  /** The paragraph's title sentence, if it opens with one ("细化财政信息公开。"), else null. */
  title: string | null;
  /** The task sentences, at least one (the whole text when it has no sentence breaks). */
  tasks: string[];
}

export function splitTasks(text: string): SplitTasks {
  const sentences = text
    .split(SENTENCE_END)
    .map((s) => s.trim())
    .filter((s) => /[\u3400-\u9fffA-Za-z]/.test(s));
  const first = sentences[0];
  if (first === undefined) return { title: null, tasks: [text.trim()] };
  const isTitle = sentences.length > 1 && first.length <= TITLE_MAX_CHARS && !/[，,、：:]/.test(first);
  return isTitle ? { title: first, tasks: sentences.slice(1) } : { title: null, tasks: sentences };
}
