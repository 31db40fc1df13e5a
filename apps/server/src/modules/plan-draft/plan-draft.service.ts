import { randomUUID } from "node:crypto";
import type { Insertable } from "kysely";
import type { DocReference, DraftPlanRequest, DraftPlanResult } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import type { Actor } from "../access/scope.ts";
import { SYSTEM_ACTOR, audit, inTransaction, nowIso } from "../org/org-context.ts";
import { findJurisdictionRow } from "../org/org.repository.ts";
import { sha256Hex } from "../plan/plan.ts";
import { assertWriteIn, getReadablePlan, planNotFound, presentPlanDetail } from "../plan/plan-context.ts";
import {
  findDocumentRow,
  insertDocumentRow,
  insertLinkRows,
  insertSourceFileRow,
  type Db,
} from "../plan/document.repository.ts";
import { findPlanRow, insertItemRows, insertPlanRows, listItemRows, type ItemRow } from "../plan/plan.repository.ts";
import { DRAFT_MEDIA_TYPE, draftFilename, renderDraftText } from "./draft-text.ts";
import { insertItemLinkRows } from "./plan-draft.repository.ts";
import { toCoverageItem } from "./plan-items.ts";
import { suggestUnitsForItems } from "./unit-suggestions.service.ts";

/**
 * “Create our plan from this”: a local plan drafted from an upstream one, one local item per upstream item
 * (same numbering, headings, text and deadlines), each linked to the item it implements. No unit is assigned:
 * the answer carries suggestions for the office to confirm through the ordinary item edit.
 */

const jurisdictionNotFound = () => new AppError("NOT_FOUND", "行政区划不存在或无权访问");

/** The columns of a drafted 分工方案 table (the export reads the task, units and deadline columns by name). */
const DRAFT_COLUMNS = ["工作任务", "责任单位", "完成时限"];

export async function draftPlan(
  db: Db,
  actor: Actor,
  input: DraftPlanRequest,
  options: { now?: Date } = {},
): Promise<DraftPlanResult> {
  const upstream = await getReadablePlan(db, actor, input.upstreamPlanId);
  const jurisdiction = await findJurisdictionRow(db, input.jurisdictionId);
  if (!jurisdiction) throw jurisdictionNotFound();
  await assertWriteIn(db, actor, jurisdiction.id, jurisdictionNotFound);
  const upstreamItems = await listItemRows(db, [upstream.id]);
  if (upstreamItems.length === 0) throw new AppError("VALIDATION_FAILED", "上级方案没有任务，无法据此起草");
  const upstreamDoc = await findDocumentRow(db, upstream.document_id);
  const at = nowIso(options.now);
  const year = input.year ?? upstream.year ?? Number(at.slice(0, 4));
  const title = input.title ?? `${jurisdiction.name}贯彻落实${upstream.title ?? "上级方案"}分工方案`;

  const { planId, items } = await inTransaction(db, async (trx) => {
    const newPlanId = randomUUID();
    const text = renderDraftText({
      planId: newPlanId,
      title,
      upstreamTitle: upstream.title,
      upstreamDocNumber: upstreamDoc?.doc_number ?? null,
      at,
      items: upstreamItems.map(toCoverageItem),
    });
    const bytes = Buffer.from(text, "utf8");
    const sourceId = randomUUID();
    const uploader = actor === SYSTEM_ACTOR ? null : actor.id;
    await insertSourceFileRow(trx, {
      id: sourceId,
      jurisdiction_id: jurisdiction.id,
      filename: draftFilename(title),
      media_type: DRAFT_MEDIA_TYPE,
      size: bytes.length,
      sha256: sha256Hex(bytes),
      content: bytes,
      uploaded_by: uploader,
      uploaded_at: at,
    });
    const documentId = randomUUID();
    // The draft cites the upstream 文号 like an imported 分工方案 notice does, so the document view shows it.
    const cites: DocReference[] = upstreamDoc?.doc_number
      ? [{ docNumber: upstreamDoc.doc_number, title: upstreamDoc.title }]
      : [];
    await insertDocumentRow(trx, {
      id: documentId,
      jurisdiction_id: jurisdiction.id,
      source_file_id: sourceId,
      position: 0,
      doc_number: null,
      title,
      issuer: null,
      date: null,
      recipients_json: "[]",
      cc_json: "[]",
      disclosure: null,
      printed_json: null,
      references_json: JSON.stringify(cites),
      attachments_json: "[]",
      deadlines_json: "[]",
      content_sha256: sha256Hex(text),
      previous_version_id: null,
      is_current: 1,
      created_at: at,
      version: 1,
    });
    if (upstreamDoc?.doc_number) {
      await insertLinkRows(trx, [
        {
          from_document_id: documentId,
          doc_number: upstreamDoc.doc_number,
          title: upstreamDoc.title,
          to_document_id: upstreamDoc.id,
        },
      ]);
    }
    const planRow: Insertable<DB["plans"]> = {
      id: newPlanId,
      jurisdiction_id: jurisdiction.id,
      document_id: documentId,
      position: 0,
      title,
      source: "table",
      columns_json: JSON.stringify(DRAFT_COLUMNS),
      year,
      status: "draft",
      created_at: at,
      updated_at: at,
      version: 1,
      drafted_from_plan_id: upstream.id,
    };
    await insertPlanRows(trx, [planRow]);
    const drafted = upstreamItems.map((u, position) => ({
      upstreamItemId: u.id,
      row: {
        id: randomUUID(),
        plan_id: planRow.id,
        position,
        path_json: u.path_json,
        headings_json: u.headings_json,
        text: u.text,
        criteria: null,
        units_text: null,
        deadlines_json: u.deadlines_json,
        version: 1,
      } satisfies ItemRow,
    }));
    const itemRows = drafted.map((d) => d.row);
    await insertItemRows(trx, itemRows);
    await insertItemLinkRows(
      trx,
      drafted.map((d) => ({
        item_id: d.row.id,
        upstream_item_id: d.upstreamItemId,
        origin: "draft" as const,
        created_by: uploader,
        created_at: at,
      })),
    );
    await audit(trx, actor, {
      at,
      action: "plan.drafted",
      entity: "plan",
      entityId: planRow.id,
      after: { upstreamPlanId: upstream.id, documentId, title, year, items: itemRows.length },
    });
    return { planId: planRow.id, items: itemRows };
  });

  const suggestions = await suggestUnitsForItems(db, {
    jurisdictionId: jurisdiction.id,
    year,
    excludePlanIds: [planId, upstream.id],
    items,
    today: at.slice(0, 10),
  });
  const plan = await findPlanRow(db, planId);
  if (!plan) throw planNotFound();
  return { plan: await presentPlanDetail(db, plan), suggestions: Object.fromEntries(suggestions) };
}
