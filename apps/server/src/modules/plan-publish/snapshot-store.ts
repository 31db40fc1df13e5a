import { AppError } from "../../http/app-error.ts";
import type { Db } from "../plan/document.repository.ts";
import { expandSnapshot, type PlanSnapshot, type StoredSnapshot } from "./plan-snapshot.ts";
import { findVersionSnapshotJson, findVersionSummaryRow } from "./plan-publish.repository.ts";

/**
 * Reading frozen versions. A version never changes once written, so a parsed snapshot can be kept in memory and
 * shared by every process-local reader (a 60 × 200 plan is about a megabyte of JSON; parsing it per request for
 * every liaison would dominate the read). A small LRU bounds the memory.
 */

const MAX_CACHED = 32;
const cache = new Map<string, PlanSnapshot>();

export async function loadSnapshot(db: Db, versionId: string): Promise<PlanSnapshot> {
  const hit = cache.get(versionId);
  if (hit) {
    cache.delete(versionId);
    cache.set(versionId, hit);
    return hit;
  }
  const json = await findVersionSnapshotJson(db, versionId);
  if (json === undefined) throw new AppError("NOT_FOUND", "方案版本不存在");
  // Written by the publish service from a StoredSnapshot; never edited afterwards.
  const snapshot = expandSnapshot(JSON.parse(json) as StoredSnapshot);
  remember(versionId, snapshot);
  return snapshot;
}

/** The latest published version of a plan with its snapshot; not found while the plan was never published. */
export async function loadLatestVersion(db: Db, plan: { id: string; published_version: number | null }) {
  const notPublished = () => new AppError("NOT_FOUND", "方案尚未发布");
  if (plan.published_version === null) throw notPublished();
  const row = await findVersionSummaryRow(db, plan.id, plan.published_version);
  if (!row) throw notPublished();
  return { row, snapshot: await loadSnapshot(db, row.id) };
}

/** Publishing puts the snapshot it just wrote here, so the first readers need not parse it. */
export function remember(versionId: string, snapshot: PlanSnapshot): void {
  cache.set(versionId, snapshot);
  while (cache.size > MAX_CACHED) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    cache.delete(oldest);
  }
}
