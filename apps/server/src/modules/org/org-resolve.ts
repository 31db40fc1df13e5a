import type { Jurisdiction, Resolution, Unit, UnitGroup, UnitName } from "@luoshi/contract";
import {
  absoluteName,
  bigrams,
  dice,
  groupKey,
  isGroupLike,
  isValidOn,
  looseGroupKey,
  nameKey,
  stripGroupWords,
} from "./org-names.ts";

/**
 * Name resolution: the unit names a parser read from a 责任单位 cell → units and groups of the registry.
 * Pure: it receives the registry as data. Nothing is guessed silently — a name that matches no unit, or more than
 * one, is "unresolved" with ranked suggestions; a match that is not certain (a name used outside its dates, a
 * unit that did not exist on the document's date) carries the unit as a suggestion too.
 */

export type RegistrySnapshot = {
  jurisdictions: readonly Jurisdiction[];
  units: readonly Unit[];
  groups: readonly UnitGroup[];
};

export type ResolveInput = {
  /** The jurisdiction whose document named the units: 市/区/县 prefixes are read relative to it. */
  jurisdictionId: string;
  /** The document's date (YYYY-MM-DD); names are taken as they were on that day. Null: as they are now. */
  date?: string | null;
  names: readonly string[];
};

type Entry = { unit: Unit; name: UnitName };
type Suggestion = Resolution["suggestions"][number];

const MAX_SUGGESTIONS = 5;
const MIN_SCORE = 0.3;

export function resolveNames(snapshot: RegistrySnapshot, input: ResolveInput): Resolution[] {
  const resolver = createResolver(snapshot, input.jurisdictionId);
  return input.names.map((name) => resolver(name, input.date ?? null));
}

/** Builds the indexes once for a jurisdiction; the returned function resolves one name on a date. */
export function createResolver(
  snapshot: RegistrySnapshot,
  jurisdictionId: string,
): (name: string, date: string | null) => Resolution {
  const byId = new Map(snapshot.jurisdictions.map((j) => [j.id, j]));
  const ancestry = ancestorsOf(byId, jurisdictionId); // nearest first, starting with the jurisdiction itself
  const view = new Set([...ancestry.map((j) => j.id), ...subtreeOf(snapshot.jurisdictions, jurisdictionId)]);
  const units = snapshot.units.filter((u) => view.has(u.jurisdictionId));
  const index = indexUnits(units, byId);

  return (raw, date) => {
    const name = raw.trim();
    const none = { name: raw, unitId: null, groupId: null };
    if (!name) return { ...none, status: "unresolved", suggestions: [] };

    const group = findGroup(snapshot.groups, ancestry, name);
    if (group) return { ...none, status: "group", groupId: group.id, suggestions: [] };

    const direct = index.byKey.get(nameKey(name));
    if (direct) return fromEntries(raw, direct, date, false);
    for (const j of ancestry) {
      const expanded = absoluteName(name, j.name);
      const entries = expanded ? index.byKey.get(nameKey(expanded)) : undefined;
      if (entries) return fromEntries(raw, entries, date, true);
    }
    const query = isGroupLike(name) ? stripGroupWords(name) : name;
    return { ...none, status: "unresolved", suggestions: suggest(index, queryKeys(query, ancestry)) };
  };
}

function fromEntries(raw: string, entries: readonly Entry[], date: string | null, expanded: boolean): Resolution {
  const byUnit = new Map<string, Entry[]>();
  for (const e of entries) byUnit.set(e.unit.id, [...(byUnit.get(e.unit.id) ?? []), e]);
  let candidates = [...byUnit.values()];
  if (candidates.length > 1) {
    // Two units share the name (a merged unit and its successor, or a reused short name): the date may decide.
    const valid = candidates.filter((es) => es.some((e) => isCertain(e, date)));
    if (valid.length === 1) candidates = valid;
  }
  const only = candidates[0];
  if (candidates.length !== 1 || !only) {
    const suggestions = candidates
      .map((es) => es[0] as Entry)
      .map((e) => ({ unitId: e.unit.id, name: e.unit.name, score: 1 }))
      .sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
    return { name: raw, status: "unresolved", unitId: null, groupId: null, suggestions };
  }
  const best = [...only].sort((a, b) => entryRank(b, date) - entryRank(a, date))[0] as Entry;
  const unit = best.unit;
  const isCurrentOfficial = best.name.kind === "official" && best.name.name === unit.name;
  const status: Resolution["status"] =
    best.name.kind !== "official" ? "alias" : !isCurrentOfficial ? "historical" : expanded ? "prefix" : "exact";
  return {
    name: raw,
    status,
    unitId: unit.id,
    groupId: null,
    suggestions: isCertain(best, date) ? [] : [{ unitId: unit.id, name: unit.name, score: 1 }],
  };
}

/** Certain: the name was in use on the date and the unit existed then (no date: the name is in use now). */
function isCertain(e: Entry, date: string | null): boolean {
  const unitValid = date
    ? isValidOn({ validFrom: e.unit.validFrom, validTo: e.unit.validTo }, date)
    : e.unit.validTo === null;
  return isValidOn(e.name, date) && unitValid;
}

function entryRank(e: Entry, date: string | null): number {
  return (isCertain(e, date) ? 4 : 0) + (e.name.kind === "official" ? 2 : 0) + (e.name.name === e.unit.name ? 1 : 0);
}

function findGroup(groups: readonly UnitGroup[], ancestry: readonly Jurisdiction[], name: string) {
  for (const j of ancestry) {
    const own = groups.filter((g) => g.jurisdictionId === j.id);
    if (own.length === 0) continue;
    const level = j.name.at(-1) ?? "";
    const input = relativeGroupName(name, j);
    const keys = [groupKey(input)];
    // "政府各部门", "有关单位": the document left out its own level, which every group name of the office carries.
    if (!input.startsWith(level) && !input.startsWith("各")) keys.push(groupKey(level + input));
    const exact = own.find((g) => keys.includes(groupKey(relativeGroupName(g.name, j))));
    if (exact) return exact;
    const loose = keys.map((k) => k.replace(/\([^()]*\)$/, ""));
    const near = own.find((g) => loose.includes(looseGroupKey(relativeGroupName(g.name, j))));
    if (near) return near;
  }
  return undefined;
}

/** "江门市政府各部门" and "市政府各部门" are one group of 江门市: compare in the relative form. */
function relativeGroupName(name: string, j: Jurisdiction): string {
  const trimmed = name.normalize("NFKC").replace(/\s+/g, "");
  return trimmed.startsWith(j.name) ? (j.name.at(-1) ?? "") + trimmed.slice(j.name.length) : trimmed;
}

type UnitIndex = { byKey: Map<string, Entry[]>; grams: { unit: Unit; grams: Set<string> }[] };

function indexUnits(units: readonly Unit[], byId: ReadonlyMap<string, Jurisdiction>): UnitIndex {
  const byKey = new Map<string, Entry[]>();
  const grams: UnitIndex["grams"] = [];
  for (const unit of units) {
    const jurisdictionName = byId.get(unit.jurisdictionId)?.name ?? "";
    const names = unit.names.some((n) => n.name === unit.name)
      ? unit.names
      : [...unit.names, { name: unit.name, kind: "official" as const, validFrom: unit.validFrom, validTo: null }];
    for (const n of names) {
      // Names are stored as the office writes them ("市发改局"); the index holds them absolute ("江门市发改局").
      const key = nameKey(absoluteName(n.name, jurisdictionName) ?? n.name);
      byKey.set(key, [...(byKey.get(key) ?? []), { unit, name: n }]);
      grams.push({ unit, grams: bigrams(key) });
    }
  }
  return { byKey, grams };
}

function queryKeys(name: string, ancestry: readonly Jurisdiction[]): Set<string>[] {
  const keys = new Set([nameKey(name)]);
  for (const j of ancestry) {
    const expanded = absoluteName(name, j.name);
    if (expanded) keys.add(nameKey(expanded));
  }
  return [...keys].map(bigrams);
}

function suggest(index: UnitIndex, queries: readonly Set<string>[]): Suggestion[] {
  const best = new Map<string, Suggestion>();
  for (const { unit, grams } of index.grams) {
    const score = Math.max(...queries.map((q) => dice(q, grams)));
    if (score < MIN_SCORE) continue;
    const previous = best.get(unit.id);
    if (!previous || previous.score < score) {
      best.set(unit.id, { unitId: unit.id, name: unit.name, score: Math.round(score * 1000) / 1000 });
    }
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, "zh-CN"))
    .slice(0, MAX_SUGGESTIONS);
}

function ancestorsOf(byId: ReadonlyMap<string, Jurisdiction>, id: string): Jurisdiction[] {
  const out: Jurisdiction[] = [];
  let current = byId.get(id);
  while (current && out.length < 10) {
    out.push(current);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return out;
}

function subtreeOf(jurisdictions: readonly Jurisdiction[], id: string): string[] {
  const out: string[] = [];
  const stack = [id];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    out.push(current);
    for (const j of jurisdictions) if (j.parentId === current) stack.push(j.id);
  }
  return out;
}
