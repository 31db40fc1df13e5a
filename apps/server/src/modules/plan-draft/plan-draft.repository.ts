import type { Insertable, Selectable } from "kysely";
import type { DB } from "../../db/schema.ts";
import type { Db } from "../plan/document.repository.ts";
import type { ItemRow, PlanRow } from "../plan/plan.repository.ts";

/** Every query of item links, and the reads drafting and coverage need beyond the plan module's. */

export type ItemLinkRow = Selectable<DB["plan_item_links"]>;
/** A link with what the upstream end says, for presenting it. */
export type ItemLinkView = ItemLinkRow & {
  upstream_plan_id: string;
  upstream_jurisdiction_id: string;
  upstream_path_json: string;
  upstream_text: string;
};

const CHUNK = 500;

export async function insertItemLinkRows(db: Db, rows: readonly Insertable<DB["plan_item_links"]>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await db
      .insertInto("plan_item_links")
      .values(rows.slice(i, i + CHUNK))
      .execute();
  }
}

export async function deleteItemLinkRows(db: Db, itemId: string, upstreamItemIds: readonly string[]): Promise<void> {
  if (upstreamItemIds.length === 0) return;
  await db
    .deleteFrom("plan_item_links")
    .where("item_id", "=", itemId)
    .where("upstream_item_id", "in", upstreamItemIds)
    .execute();
}

/** The links of the given local items, with the upstream item's plan, numbering and text; upstream plan order. */
export async function listItemLinkViews(db: Db, itemIds: readonly string[]): Promise<ItemLinkView[]> {
  const out: ItemLinkView[] = [];
  for (let i = 0; i < itemIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom("plan_item_links")
      .innerJoin("plan_items", "plan_items.id", "plan_item_links.upstream_item_id")
      .innerJoin("plans", "plans.id", "plan_items.plan_id")
      .selectAll("plan_item_links")
      .select([
        "plan_items.plan_id as upstream_plan_id",
        "plans.jurisdiction_id as upstream_jurisdiction_id",
        "plan_items.path_json as upstream_path_json",
        "plan_items.text as upstream_text",
      ])
      .where("plan_item_links.item_id", "in", itemIds.slice(i, i + CHUNK))
      .orderBy("plan_items.plan_id")
      .orderBy("plan_items.position")
      .execute();
    out.push(...rows);
  }
  return out;
}

/** Links from items of `localPlanId` to items of `upstreamPlanId`. */
export async function listLinksBetweenPlans(
  db: Db,
  localPlanId: string,
  upstreamPlanId: string,
): Promise<{ item_id: string; upstream_item_id: string }[]> {
  return db
    .selectFrom("plan_item_links")
    .innerJoin("plan_items as local", "local.id", "plan_item_links.item_id")
    .innerJoin("plan_items as upstream", "upstream.id", "plan_item_links.upstream_item_id")
    .select(["plan_item_links.item_id", "plan_item_links.upstream_item_id"])
    .where("local.plan_id", "=", localPlanId)
    .where("upstream.plan_id", "=", upstreamPlanId)
    .execute();
}

/** Plan items by id, whatever their plan (the upstream ends of links a person chose). */
export async function listItemRowsByIds(db: Db, ids: readonly string[]): Promise<ItemRow[]> {
  if (ids.length === 0) return [];
  return db.selectFrom("plan_items").selectAll().where("id", "in", ids).execute();
}

/** Documents the given documents cite by 文号 and that are stored (document_links with a target). */
export async function listCitedDocumentIds(db: Db, documentIds: readonly string[]): Promise<string[]> {
  if (documentIds.length === 0) return [];
  const rows = await db
    .selectFrom("document_links")
    .select("to_document_id")
    .where("from_document_id", "in", documentIds)
    .where("to_document_id", "is not", null)
    .orderBy("from_document_id")
    .orderBy("doc_number")
    .execute();
  return rows.flatMap((r) => (r.to_document_id ? [r.to_document_id] : []));
}

/**
 * Plans of one jurisdiction that can teach who did what: plans of current documents, other than `excludePlanIds`,
 * from years before `beforeYear` (all years when it is null), newest first.
 */
export async function listHistoryPlanRows(
  db: Db,
  options: { jurisdictionId: string; beforeYear: number | null; excludePlanIds: readonly string[] },
): Promise<PlanRow[]> {
  let query = db
    .selectFrom("plans")
    .innerJoin("documents", "documents.id", "plans.document_id")
    .selectAll("plans")
    .where("plans.jurisdiction_id", "=", options.jurisdictionId)
    .where("documents.is_current", "=", 1);
  if (options.beforeYear !== null) query = query.where("plans.year", "<", options.beforeYear);
  const excluded = options.excludePlanIds.filter((id) => id !== "");
  if (excluded.length > 0) query = query.where("plans.id", "not in", excluded);
  return query.orderBy("plans.year", "desc").orderBy("plans.created_at", "desc").execute();
}

/**
 * Gives each item of `to` the links of the items of `from` it lacks, keeping their origin: the parts of a split
 * item, and the item a merge keeps, still implement what the originals implemented.
 */
export async function copyItemLinks(
  db: Db,
  options: { from: readonly string[]; to: readonly string[] },
): Promise<void> {
  if (options.from.length === 0 || options.to.length === 0) return;
  const links = await db.selectFrom("plan_item_links").selectAll().where("item_id", "in", options.from).execute();
  const have = await db.selectFrom("plan_item_links").selectAll().where("item_id", "in", options.to).execute();
  const key = (itemId: string, upstreamId: string) => `${itemId}|${upstreamId}`;
  const seen = new Set(have.map((l) => key(l.item_id, l.upstream_item_id)));
  const rows: Insertable<DB["plan_item_links"]>[] = [];
  for (const to of options.to) {
    for (const link of links) {
      if (link.upstream_item_id === to || seen.has(key(to, link.upstream_item_id))) continue;
      seen.add(key(to, link.upstream_item_id));
      rows.push({ ...link, item_id: to });
    }
  }
  await insertItemLinkRows(db, rows);
}

/** Links that pointed at items merged away now point at the item the merge kept (duplicates dropped). */
export async function redirectUpstreamLinks(db: Db, options: { from: readonly string[]; to: string }): Promise<void> {
  if (options.from.length === 0) return;
  const links = await db
    .selectFrom("plan_item_links")
    .selectAll()
    .where("upstream_item_id", "in", [...options.from, options.to])
    .execute();
  const already = new Set(links.filter((l) => l.upstream_item_id === options.to).map((l) => l.item_id));
  const rows: Insertable<DB["plan_item_links"]>[] = [];
  for (const link of links) {
    if (link.upstream_item_id === options.to || already.has(link.item_id) || link.item_id === options.to) continue;
    already.add(link.item_id);
    rows.push({ ...link, upstream_item_id: options.to });
  }
  await insertItemLinkRows(db, rows);
}
