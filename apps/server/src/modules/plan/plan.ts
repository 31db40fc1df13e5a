import { createHash } from "node:crypto";
import { extname } from "node:path";
import type { Deadline, DocumentChanges, ParsedDocument, Role } from "@luoshi/contract";

/** Pure rules of imported documents and plans: identity, versions, change lists. No I/O. */

export const sha256Hex = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

const MEDIA_TYPES: Record<string, string> = {
  ".txt": "text/plain",
  ".html": "text/html",
  ".htm": "text/html",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".doc": "application/msword",
  ".wps": "application/vnd.ms-works",
  ".pdf": "application/pdf",
  ".rtf": "application/rtf",
  ".odt": "application/vnd.oasis.opendocument.text",
};

/** The type the file is served back with; by name only, since the original bytes are returned as they came. */
export function mediaTypeOf(filename: string): string {
  return MEDIA_TYPES[extname(filename).toLowerCase()] ?? "application/octet-stream";
}

/**
 * What makes two imports of one 文号 "the same document": everything the parser read, in a fixed key order.
 * A .docx and a .txt of one notice hash alike; a corrected table does not.
 */
export function documentContentHash(doc: ParsedDocument): string {
  return sha256Hex(canonicalJson(doc));
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The plan's year: the 4-digit year its title names (“2019年政务公开工作要点”), else the document's date. */
export function planYear(title: string | null, documentDate: string | null): number | null {
  const named = title?.match(/(20\d{2})\s*年/);
  if (named?.[1]) return Number(named[1]);
  return documentDate ? Number(documentDate.slice(0, 4)) : null;
}

/** The date names are resolved on: the 成文日期, else the 印发 date; null (as of today) when neither is printed. */
export function resolutionDate(doc: Pick<ParsedDocument, "date" | "printed">): string | null {
  return doc.date ?? doc.printed?.date ?? null;
}

export type ComparableItem = { planPosition: number; path: readonly string[]; text: string };

/**
 * Items added, removed and changed between two versions of a document. An item is matched by its plan's
 * position and numbering path; a path printed twice (a renumbering slip) is told apart by its occurrence.
 */
export function diffItems(before: readonly ComparableItem[], after: readonly ComparableItem[]): DocumentChanges {
  const keyed = (items: readonly ComparableItem[]) => {
    const seen = new Map<string, number>();
    const out = new Map<string, ComparableItem>();
    for (const item of items) {
      const base = `${item.planPosition}|${item.path.join("/")}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      out.set(`${base}#${n}`, item);
    }
    return out;
  };
  const old = keyed(before);
  const now = keyed(after);
  const view = (item: ComparableItem) => ({ planPosition: item.planPosition, path: [...item.path], text: item.text });
  const changes: DocumentChanges = { added: [], removed: [], changed: [] };
  for (const [key, item] of now) {
    const previous = old.get(key);
    if (!previous) changes.added.push(view(item));
    else if (previous.text !== item.text) changes.changed.push({ ...view(item), previousText: previous.text });
  }
  for (const [key, item] of old) if (!now.has(key)) changes.removed.push(view(item));
  return changes;
}

/** The deadlines whose phrase a part of a split item still contains. */
export function deadlinesIn(text: string, deadlines: readonly Deadline[]): Deadline[] {
  return deadlines.filter((d) => text.includes(d.text));
}

/** Numbering of the n-th part (n ≥ 2) of a split item: ["一", "3"] → ["一", "3-2"]. */
export function splitPath(path: readonly string[], part: number): string[] {
  if (path.length === 0) return [`-${part}`];
  return [...path.slice(0, -1), `${path.at(-1)}-${part}`];
}

/** Unit liaisons and their leaders never see a draft plan, only the latest published version of one. */
export function seesDraftPlans(roles: readonly Role[]): boolean {
  return roles.some((r) => r === "admin" || r === "office" || r === "viewer" || r === "evaluator");
}
