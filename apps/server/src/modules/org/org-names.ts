/**
 * Pure rules about unit and group names: how two spellings are compared, how a name relative to a
 * jurisdiction ("市司法局" in 江门市) becomes absolute ("江门市司法局"), and when a dated name is valid.
 */

/**
 * The comparison key of a name. NFKC folds full-width brackets and letters to half-width (real documents mix
 * （） and ()), spaces are dropped (converted text is full of them), and "人民政府" counts as "政府" because
 * documents write 市政府办公室 for 江门市人民政府办公室.
 */
export function nameKey(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/人民政府/g, "政府");
}

/**
 * "市司法局" written in 江门市 means 江门市司法局; "县财政局" in 遂溪县 means 遂溪县财政局. A name is relative when
 * it starts with the last character of the jurisdiction's name (市, 区, 县, 省, 镇) and does not already start with
 * the jurisdiction's name. Returns undefined when the name is not relative to this jurisdiction.
 */
export function absoluteName(name: string, jurisdictionName: string): string | undefined {
  const trimmed = name.normalize("NFKC").replace(/\s+/g, "");
  const levelChar = jurisdictionName.at(-1);
  if (!levelChar || trimmed.startsWith(jurisdictionName)) return undefined;
  if (!trimmed.startsWith(levelChar) || trimmed.length < 2) return undefined;
  return jurisdictionName + trimmed.slice(1);
}

/** Open-ended validity: null bounds are open; dates are ISO YYYY-MM-DD, so string order is date order. */
export function isValidOn(
  range: { validFrom: string | null; validTo: string | null },
  date: string | null | undefined,
): boolean {
  if (!date) return range.validTo === null;
  return (range.validFrom === null || range.validFrom <= date) && (range.validTo === null || date <= range.validTo);
}

/** The day before an ISO date: a renamed unit's old name is valid until the day before the new one. */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Character bigrams of a key; a one-character key is its own bigram so it can still score. */
export function bigrams(key: string): Set<string> {
  const chars = [...key];
  if (chars.length < 2) return new Set(chars);
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(`${chars[i]}${chars[i + 1]}`);
  return out;
}

/** Sørensen–Dice similarity of two bigram sets, 0…1. */
export function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/**
 * The comparison key of a group name. On top of nameKey, every spelling of "the county-level governments"
 * (各县（市、区）政府, 各市（区）政府, 各县(市、区)人民政府, 各区政府 …) becomes one key, because each city words it after
 * its own mix of 县, 市 and 区 while meaning the same set.
 */
export function groupKey(name: string): string {
  return nameKey(name).replace(/^各[县市区]+(\([县市区、,]+\))?政府/, "各县(市、区)政府");
}

/** The group key without a trailing bracketed qualifier: 各县(市、区)政府(管委会) → 各县(市、区)政府. */
export function looseGroupKey(name: string): string {
  return groupKey(name).replace(/\([^()]*\)$/, "");
}

/** Names that stand for a set of units rather than one unit (the parser's `group` flag uses the same cues). */
export function isGroupLike(name: string): boolean {
  const key = nameKey(name);
  return /^各|各单位|各部门|有关单位|相关单位|等单位|等部门|直属各|各直属/.test(key);
}

/** "市发展改革局等单位" names one unit and leaves the rest open: the unit is the best suggestion. */
export function stripGroupWords(name: string): string {
  return nameKey(name)
    .replace(/等(有关|相关)?(单位|部门)$/, "")
    .replace(/^涉及/, "");
}
