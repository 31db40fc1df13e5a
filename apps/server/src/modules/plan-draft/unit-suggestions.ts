import type { UnitRole, UnitSuggestion } from "@luoshi/contract";
import { computeCoverage, type CoverageItem } from "../coverage/coverage.ts";
import { remitHits } from "../org/unit-remit.ts";

/**
 * Which units should take a plan item? Pure: the items, the jurisdiction's earlier plans and its units in,
 * ranked suggestions out. Two kinds of evidence, each with a reason the office can check:
 *
 * 1. history — the jurisdiction assigned a similar item in an earlier year. Earlier local rows are attributed
 *    to the items being planned exactly as the coverage check attributes a city's rows to the national
 *    paragraphs they were drawn from (modules/coverage: jieba words, weighted recall, the row's heading), so
 *    “2019年方案 六（十六）” suggests its units for the 2022 item it restates. Score = match score × role weight,
 *    plus a little for each further earlier row agreeing.
 * 2. remit — the item's text names words of a unit's remit (职责关键词: the office's, or derived from the
 *    unit's name). Worth less than history: it says who could, not who did. Score grows with the number of
 *    distinct keywords found, up to REMIT_MAX.
 *
 * One suggestion per unit (the stronger evidence wins), best first, at most `limit`.
 */

export interface HistoryItem extends CoverageItem {
  planYear: number | null;
  /** The units that item was assigned to (resolved occurrences only; groups are not units). */
  units: { unitId: string; role: UnitRole }[];
}

export interface CandidateUnit {
  unitId: string;
  name: string;
  /** Remit keywords in effect (org/unit-remit.ts). */
  keywords: readonly string[];
}

export interface SuggestInput {
  targets: readonly CoverageItem[];
  history: readonly HistoryItem[];
  /** The units that may be suggested: the jurisdiction's current units. Others in the history are left out. */
  units: readonly CandidateUnit[];
  limit?: number;
}

export const SUGGESTION_LIMIT = 5;
/** A lead or sole responsibility says more about the unit's remit than assisting does. */
const ROLE_WEIGHT: Record<UnitRole, number> = { lead: 1, responsible: 1, assist: 0.8, supervise: 0.6 };
/** Each further earlier row that assigned the same unit adds this much, up to a score of 1. */
const AGREEMENT_BONUS = 0.05;
/** Remit evidence stays below a good history match: 1 keyword 0.3, 2 keywords 0.45, 3 keywords 0.53. */
const REMIT_MAX = 0.6;
/** How many earlier rows a reason names. */
const REASON_ROWS = 2;
/** How many keywords a reason names. */
const REASON_KEYWORDS = 4;

const ROLE_VERB: Record<UnitRole, string> = { lead: "牵头", responsible: "负责", assist: "配合", supervise: "督办" };

export function suggestUnits(input: SuggestInput): Map<string, UnitSuggestion[]> {
  const names = new Map(input.units.map((u) => [u.unitId, u.name]));
  const history = historySuggestions(input, names);
  const out = new Map<string, UnitSuggestion[]>();
  for (const target of input.targets) {
    const byUnit = new Map<string, UnitSuggestion>();
    for (const s of history.get(target.id) ?? []) byUnit.set(s.unitId, s);
    const hasHistoryLead = [...byUnit.values()].some((s) => s.role === "lead" || s.role === "responsible");
    for (const s of remitSuggestions(target.text, input.units, hasHistoryLead)) {
      const known = byUnit.get(s.unitId);
      if (!known || known.score < s.score) byUnit.set(s.unitId, s);
    }
    out.set(target.id, rank([...byUnit.values()]).slice(0, input.limit ?? SUGGESTION_LIMIT));
  }
  return out;
}

function rank(suggestions: UnitSuggestion[]): UnitSuggestion[] {
  const basisOrder = { history: 0, remit: 1 } as const;
  return suggestions.sort(
    (a, b) => b.score - a.score || basisOrder[a.basis] - basisOrder[b.basis] || a.name.localeCompare(b.name, "zh-CN"),
  );
}

interface Evidence {
  score: number;
  role: UnitRole;
  /** Earlier rows that assigned the unit: "2019年" and "六（十六）". */
  rows: { year: string; path: string; score: number }[];
}

/** target id → history suggestions, one per unit. */
function historySuggestions(input: SuggestInput, names: ReadonlyMap<string, string>): Map<string, UnitSuggestion[]> {
  const withUnits = input.history.filter((h) => h.units.some((u) => names.has(u.unitId)));
  const out = new Map<string, UnitSuggestion[]>();
  if (withUnits.length === 0 || input.targets.length === 0) return out;
  const byId = new Map(withUnits.map((h) => [h.id, h]));
  const coverage = computeCoverage({ upstream: input.targets, local: withUnits });
  for (const item of coverage.items) {
    const evidence = new Map<string, Evidence>();
    for (const match of item.matches) {
      const row = byId.get(match.localId);
      if (!row) continue;
      const year = row.planYear === null ? "往年" : `${row.planYear}年`;
      const path = row.path.join("");
      for (const u of row.units) {
        if (!names.has(u.unitId)) continue;
        const score = match.score * ROLE_WEIGHT[u.role];
        const known = evidence.get(u.unitId);
        if (!known) {
          evidence.set(u.unitId, { score, role: u.role, rows: [{ year, path, score }] });
          continue;
        }
        if (!known.rows.some((r) => r.year === year && r.path === path)) known.rows.push({ year, path, score });
        if (score > known.score) Object.assign(known, { score, role: u.role });
      }
    }
    out.set(
      item.upstreamId,
      [...evidence].map(([unitId, e]) => toHistorySuggestion(unitId, names.get(unitId) ?? "", e)),
    );
  }
  return out;
}

function toHistorySuggestion(unitId: string, name: string, e: Evidence): UnitSuggestion {
  const rows = [...e.rows].sort((a, b) => b.score - a.score);
  // “2019年方案 七（十九）、七（二十）等 3 项”: the strongest rows, grouped by year.
  const byYear = new Map<string, string[]>();
  for (const r of rows.slice(0, REASON_ROWS)) byYear.set(r.year, [...(byYear.get(r.year) ?? []), r.path]);
  const shown =
    [...byYear].map(([year, paths]) => `${year}方案 ${paths.join("、")}`).join("；") +
    (rows.length > REASON_ROWS ? `等 ${rows.length} 项` : "");
  return {
    unitId,
    name,
    role: e.role,
    score: round(Math.min(1, e.score + AGREEMENT_BONUS * (rows.length - 1))),
    basis: "history",
    reason: `${shown}由其${ROLE_VERB[e.role]}（与本项内容相近）`,
  };
}

/**
 * Units whose remit keywords occur in the text. The strongest one is suggested to lead unless an earlier plan
 * already names a lead; the others to assist.
 */
function remitSuggestions(text: string, units: readonly CandidateUnit[], hasHistoryLead: boolean): UnitSuggestion[] {
  const hits = units
    .map((u) => ({ unit: u, hits: remitHits(text, u.keywords) }))
    .filter((h) => h.hits.length > 0)
    .map((h) => ({ ...h, score: round(REMIT_MAX * (1 - 0.5 ** h.hits.length)) }))
    .sort((a, b) => b.score - a.score || a.unit.name.localeCompare(b.unit.name, "zh-CN"));
  return hits.map((h, i) => ({
    unitId: h.unit.unitId,
    name: h.unit.name,
    role: i === 0 && !hasHistoryLead ? "lead" : "assist",
    score: h.score,
    basis: "remit",
    reason: `职责关键词：${h.hits.slice(0, REASON_KEYWORDS).join("、")}`,
  }));
}

const round = (n: number) => Math.round(n * 1000) / 1000;
