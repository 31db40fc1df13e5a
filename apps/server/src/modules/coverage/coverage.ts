import {
  COVERED_SHARE,
  HEADING_MATCH_MIN,
  MAX_ATTRIBUTIONS,
  SAME_TITLE_MIN,
  MATCH_MARGIN,
  MATCH_MIN,
  SUGGESTION_COUNT,
  TASK_MIN,
  UNSURE_BAND,
} from "./coverage-rules.ts";
import { bigramJaccard, buildTermIndex, cosine, hasContentWords, weightedRecall } from "./similarity.ts";
import type { TermIndex, TermVector } from "./similarity.ts";
import { withoutCitations } from "./segment.ts";
import { splitTasks } from "./tasks.ts";

/**
 * Does the local plan cover every upstream task (“确保重点工作不漏项”)? Pure: plan items in, a report out.
 * The rules and thresholds are explained in coverage-rules.ts.
 */

export interface CoverageItem {
  id: string;
  /** Numbering from the top level down, as the parser gives it: ["三", "（四）"]. */
  path: string[];
  headings: string[];
  text: string;
}

/** The office's record that local item `localId` implements upstream item `upstreamId`. */
export interface CoverageLink {
  localId: string;
  upstreamId: string;
}

export interface CoverageInput {
  upstream: readonly CoverageItem[];
  local: readonly CoverageItem[];
  links?: readonly CoverageLink[];
}

export type CoverageStatus = "covered" | "partly" | "not-covered";

export interface LocalMatch {
  localId: string;
  path: string[];
  /** Share of the local item's key terms found in the upstream item (1 = entirely drawn from it). */
  score: number;
  linked: boolean;
}

export interface TaskCoverage {
  text: string;
  /** Share of the task's key terms found in the matched local items. */
  recall: number;
  /** The larger of `recall` and the best share of a matched local item's key terms found in this task. */
  score: number;
  takenUp: boolean;
  /** Matched local items drawn from this task sentence. */
  takenUpBy: string[];
}

export interface UpstreamCoverage {
  upstreamId: string;
  path: string[];
  text: string;
  status: CoverageStatus;
  /** "link": decided by the office's explicit links; "similarity": suggested from the texts. */
  basis: "link" | "similarity";
  tasks: TaskCoverage[];
  /** Share of tasks taken up, in [0, 1]. */
  taskShare: number;
  /** Share of the whole item's key terms (title included) found in the matched local items. */
  recall: number;
  matches: LocalMatch[];
  /** For items not covered: the closest local items, best first, for a person to judge. */
  suggestions: LocalMatch[];
  /** Near a threshold: a person should confirm the status. */
  unsure: boolean;
}

export interface CoverageResult {
  items: UpstreamCoverage[];
  summary: { covered: number; partly: number; notCovered: number; unsure: number };
  /** Local items matched to no upstream item: the local plan's own additions (or links still to record). */
  unmatchedLocal: { localId: string; path: string[] }[];
  /** Links naming an item that is not in the input; ignored. */
  ignoredLinks: CoverageLink[];
}

interface Prepared {
  item: CoverageItem;
  vector: TermVector;
}

export function computeCoverage(input: CoverageInput): CoverageResult {
  const upstreamTasks = input.upstream.map((u) => splitTasks(u.text));
  const comparable = (item: CoverageItem): string => withoutCitations(item.text);
  const index = buildTermIndex([...input.upstream, ...input.local].map(comparable));
  const upstream = input.upstream.map((item) => ({ item, vector: index.vectorOf(comparable(item)) }));
  const local = input.local.map((item) => ({ item, vector: index.vectorOf(comparable(item)) }));
  const localVectors = new Map(local.map((l) => [l.item.id, l.vector]));

  const { linksByUpstream, linkedLocal, ignoredLinks } = indexLinks(input);
  const scores = local.map((l) => upstream.map((u) => matchScore(l, u)));
  const upstreamTitles = upstreamTasks.map((t) => t.title);
  const matchedByUpstream = matchBySimilarity({ scores, local, upstreamTitles, linkedLocal });
  const attributed = new Set([...linkedLocal, ...[...matchedByUpstream.values()].flat()].map((li) => local[li]?.item.id));

  const items = upstream.map((u, ui) => {
    const linked = (linksByUpstream.get(u.item.id) ?? []).map((li) => toMatch(local, scores, li, ui, true));
    const similar = (matchedByUpstream.get(ui) ?? []).map((li) => toMatch(local, scores, li, ui, false));
    const tasks = upstreamTasks[ui]?.tasks ?? [];
    return assess({ upstream: u, tasks, linked, similar, index, local, localVectors, scores, ui, attributed });
  });

  const matchedLocal = new Set(items.flatMap((i) => i.matches.map((m) => m.localId)));
  return {
    items,
    summary: {
      covered: items.filter((i) => i.status === "covered").length,
      partly: items.filter((i) => i.status === "partly").length,
      notCovered: items.filter((i) => i.status === "not-covered").length,
      unsure: items.filter((i) => i.unsure).length,
    },
    unmatchedLocal: input.local
      .filter((l) => !matchedLocal.has(l.id))
      .map((l) => ({ localId: l.id, path: l.path })),
    ignoredLinks,
  };
}

/**
 * How much of local item `l` is drawn from upstream item `u`. A local text with no content words (only generic
 * ones, or no Chinese words at all) falls back to character-bigram overlap, so it can still be matched.
 */
function matchScore(l: Prepared, u: Prepared): number {
  if (hasContentWords(l.vector)) return weightedRecall(l.vector, [u.vector]);
  return bigramJaccard(l.item.text, u.item.text);
}

function indexLinks(input: CoverageInput): {
  linksByUpstream: Map<string, number[]>;
  linkedLocal: Set<number>;
  ignoredLinks: CoverageLink[];
} {
  const localIndex = new Map(input.local.map((l, i) => [l.id, i]));
  const upstreamIds = new Set(input.upstream.map((u) => u.id));
  const linksByUpstream = new Map<string, number[]>();
  const linkedLocal = new Set<number>();
  const ignoredLinks: CoverageLink[] = [];
  for (const link of input.links ?? []) {
    const li = localIndex.get(link.localId);
    if (li === undefined || !upstreamIds.has(link.upstreamId)) {
      ignoredLinks.push(link);
      continue;
    }
    const list = linksByUpstream.get(link.upstreamId) ?? [];
    if (!list.includes(li)) list.push(li);
    linksByUpstream.set(link.upstreamId, list);
    linkedLocal.add(li);
  }
  return { linksByUpstream, linkedLocal, ignoredLinks };
}

/**
 * upstream index → local indexes matched by similarity. A local item the office has linked is settled: it
 * counts for the upstream items it is linked to and is not guessed elsewhere.
 */
function matchBySimilarity(o: {
  scores: number[][];
  local: readonly Prepared[];
  upstreamTitles: readonly (string | null)[];
  linkedLocal: ReadonlySet<number>;
}): Map<number, number[]> {
  const matched = new Map<number, number[]>();
  o.local.forEach((l, li) => {
    if (o.linkedLocal.has(li)) return;
    const row = o.scores[li] ?? [];
    for (const ui of attribute(l, row, o.upstreamTitles)) matched.set(ui, [...(matched.get(ui) ?? []), li]);
  });
  return matched;
}

/** The upstream items (indexes) one local item is drawn from; see rule 1 in coverage-rules.ts. */
function attribute(l: Prepared, row: readonly number[], upstreamTitles: readonly (string | null)[]): number[] {
  const heading = l.item.headings.at(-1);
  if (heading !== undefined) {
    const filedUnder = row.findIndex(
      (score, ui) => score >= HEADING_MATCH_MIN && isSameTitle(heading, upstreamTitles[ui] ?? null),
    );
    if (filedUnder >= 0) return [filedUnder];
  }
  const best = Math.max(0, ...row);
  const candidates = row.flatMap((score, ui) => (score >= MATCH_MIN && score >= best - MATCH_MARGIN ? [ui] : []));
  return candidates.length > MAX_ATTRIBUTIONS ? [] : candidates;
}

/** Headings are reprinted with small changes (强化重点民生领域… → 强化重点领域…), so near-equal counts. */
function isSameTitle(heading: string, title: string | null): boolean {
  return title !== null && bigramJaccard(heading, title) >= SAME_TITLE_MIN;
}

function toMatch(
  local: readonly Prepared[],
  scores: number[][],
  li: number,
  ui: number,
  linked: boolean,
): LocalMatch {
  const item = local[li]?.item;
  return { localId: item?.id ?? "", path: item?.path ?? [], score: scores[li]?.[ui] ?? 0, linked };
}

interface AssessOptions {
  upstream: Prepared;
  tasks: readonly string[];
  linked: LocalMatch[];
  similar: LocalMatch[];
  index: TermIndex;
  local: readonly Prepared[];
  localVectors: ReadonlyMap<string, TermVector>;
  scores: number[][];
  ui: number;
  /** Local item ids attributed to some upstream item (by link or similarity). */
  attributed: ReadonlySet<string | undefined>;
}

function assess(o: AssessOptions): UpstreamCoverage {
  const byScore = (a: LocalMatch, b: LocalMatch): number => b.score - a.score;
  const matches = [...o.linked.sort(byScore), ...o.similar.sort(byScore)];
  const matchedVectors = matches.flatMap((m) => {
    const v = o.localVectors.get(m.localId);
    return v ? [{ localId: m.localId, vector: v }] : [];
  });
  const covers = matchedVectors.map((m) => m.vector);
  const tasks = o.tasks.map((text) => ({
    text,
    ...assessTask(o.index.vectorOf(withoutCitations(text)), matchedVectors),
  }));
  const basis = o.linked.length > 0 ? "link" : "similarity";
  const takenUp = tasks.filter((t) => t.takenUp).length;
  const statusFor = (count: number): CoverageStatus => {
    if (basis === "link" || (tasks.length > 0 && count / tasks.length >= COVERED_SHARE)) return "covered";
    return count > 0 ? "partly" : "not-covered";
  };
  const status = statusFor(takenUp);

  const suggestions = status === "covered" ? [] : suggest(o, new Set(matches.map((m) => m.localId)));
  // Unsure: flipping the tasks whose score sits within UNSURE_BAND of TASK_MIN would change the status, or
  // nothing was matched but a candidate came within UNSURE_BAND of MATCH_MIN.
  const barelyIn = tasks.filter((t) => t.takenUp && t.score < TASK_MIN + UNSURE_BAND).length;
  const barelyOut = tasks.filter((t) => !t.takenUp && t.score >= TASK_MIN - UNSURE_BAND).length;
  // A near miss only counts from a local item not already attributed elsewhere: that one has its place.
  const free = suggestions.filter((m) => !o.attributed.has(m.localId));
  const nearMiss = status === "not-covered" && (free[0]?.score ?? 0) >= MATCH_MIN - UNSURE_BAND;
  const unsure =
    statusFor(takenUp - barelyIn) !== status || statusFor(takenUp + barelyOut) !== status || nearMiss;

  return {
    upstreamId: o.upstream.item.id,
    path: o.upstream.item.path,
    text: o.upstream.item.text,
    status,
    basis,
    tasks,
    taskShare: tasks.length === 0 ? 0 : takenUp / tasks.length,
    recall: weightedRecall(o.upstream.vector, covers),
    matches,
    suggestions,
    unsure,
  };
}

/**
 * A task is taken up when a matched local item is drawn from it (most of the local item's key terms are in the
 * task sentence: the city shortened it) or when the matched local items together say most of it (the city
 * merged or reworded it). Either way, TASK_MIN of the respective weight.
 */
function assessTask(
  task: TermVector,
  matched: readonly { localId: string; vector: TermVector }[],
): Omit<TaskCoverage, "text"> {
  const recall = weightedRecall(
    task,
    matched.map((m) => m.vector),
  );
  const drawn = matched
    .map((m) => ({ localId: m.localId, share: hasContentWords(m.vector) ? weightedRecall(m.vector, [task]) : 0 }))
    .filter((d) => d.share >= TASK_MIN);
  const score = Math.max(recall, ...drawn.map((d) => d.share));
  return { recall, score, takenUp: score >= TASK_MIN, takenUpBy: drawn.map((d) => d.localId) };
}

/**
 * The closest local items not already matched, best first: by match score, ties (common among short items)
 * broken by symmetric cosine similarity.
 */
function suggest(o: AssessOptions, exclude: ReadonlySet<string>): LocalMatch[] {
  return o.local
    .map((l, li) => ({ l, li, score: o.scores[li]?.[o.ui] ?? 0, tie: cosine(l.vector, o.upstream.vector) }))
    .filter((c) => !exclude.has(c.l.item.id) && c.score > 0)
    .sort((a, b) => b.score - a.score || b.tie - a.tie)
    .slice(0, SUGGESTION_COUNT)
    .map((c) => ({ localId: c.l.item.id, path: c.l.item.path, score: c.score, linked: false }));
}
