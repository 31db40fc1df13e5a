import type { DocumentDetail, DocumentSummary, PlanDetail, PlanSummary } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionPath } from "../access/scope.repository.ts";
import { defaultJurisdiction, readableSubtree, type Actor } from "../org/org-context.ts";
import { findJurisdictionRow } from "../org/org.repository.ts";
import { seesDraftPlans } from "./plan.ts";
import {
  canReadJurisdiction,
  documentNotFound,
  getReadablePlan,
  presentPlanDetail,
  presentPlans,
} from "./plan-context.ts";
import {
  documentRowToParsedParts,
  documentRowToSummary,
  findDocumentRow,
  findSourceFileContent,
  findSourceFileRow,
  listDocumentRows,
  listDocumentVersions,
  listDownstreamLinks,
  listUpstreamLinks,
  sourceFileRowToSourceFile,
  type Db,
  type DocumentRow,
} from "./document.repository.ts";
import { listPlanRows } from "./plan.repository.ts";
import { presentPublishedPlan, presentPublishedPlans } from "../plan-publish/published-plan.ts";

/** Reading imported documents and plans, each within the actor's scope. */

const jurisdictionNotFound = () => new AppError("NOT_FOUND", "行政区划不存在或无权访问");

/** The jurisdiction and everything below it that the actor may read; not found when it may read none of it. */
async function readableJurisdictions(db: Db, actor: Actor, requested: string | undefined): Promise<string[]> {
  const jurisdictionId = defaultJurisdiction(actor, requested);
  if (!(await findJurisdictionRow(db, jurisdictionId))) throw jurisdictionNotFound();
  const ids = await readableSubtree(db, actor, jurisdictionId);
  if (ids.length === 0) throw jurisdictionNotFound();
  return ids;
}

export async function listDocuments(
  db: Db,
  actor: Actor,
  input: { jurisdictionId?: string | undefined },
): Promise<DocumentSummary[]> {
  const ids = await readableJurisdictions(db, actor, input.jurisdictionId);
  return (await listDocumentRows(db, { jurisdictionIds: ids })).map(documentRowToSummary);
}

async function getReadableDocument(db: Db, actor: Actor, id: string): Promise<DocumentRow> {
  const row = await findDocumentRow(db, id);
  if (!row || !(await canReadJurisdiction(db, actor, row.jurisdiction_id))) throw documentNotFound();
  return row;
}

export async function getDocument(db: Db, actor: Actor, id: string): Promise<DocumentDetail> {
  const row = await getReadableDocument(db, actor, id);
  const source = await findSourceFileRow(db, row.source_file_id);
  if (!source) throw documentNotFound();
  const upstream = await listUpstreamLinks(db, row.id);
  // Citing documents of a scope the actor cannot read (another city citing the same 要点) are left out.
  const downstream = [];
  for (const link of await listDownstreamLinks(db, row.id)) {
    const from = await findDocumentRow(db, link.from_document_id);
    if (from && (await canReadJurisdiction(db, actor, from.jurisdiction_id))) {
      downstream.push({ docNumber: link.doc_number ?? "", title: link.title, documentId: link.from_document_id });
    }
  }
  const versions = row.doc_number ? await listDocumentVersions(db, row.jurisdiction_id, row.doc_number) : [row];
  return {
    ...documentRowToSummary(row),
    ...documentRowToParsedParts(row),
    sourceFile: sourceFileRowToSourceFile(source),
    upstream: upstream.map((l) => ({ docNumber: l.doc_number, title: l.title, documentId: l.to_document_id })),
    downstream,
    versions: versions.map((v) => ({ id: v.id, createdAt: v.created_at, isCurrent: v.is_current === 1 })),
    plans: seesDraftPlans(actor.roles) ? await presentPlans(db, await listPlanRows(db, { documentIds: [row.id] })) : [],
  };
}

/** The file as it was uploaded, byte for byte, with the name it had. */
export async function getDocumentSource(
  db: Db,
  actor: Actor,
  id: string,
): Promise<{ filename: string; mediaType: string; content: Buffer }> {
  const row = await getReadableDocument(db, actor, id);
  const source = await findSourceFileRow(db, row.source_file_id);
  const content = await findSourceFileContent(db, row.source_file_id);
  if (!source || !content) throw documentNotFound();
  return { filename: source.filename, mediaType: source.media_type, content };
}

export async function listPlans(
  db: Db,
  actor: Actor,
  input: { jurisdictionId?: string | undefined },
): Promise<PlanSummary[]> {
  if (!seesDraftPlans(actor.roles)) {
    // Liaisons and leaders: published plans of their own jurisdiction and the ones above it, whatever
    // jurisdiction they ask for, counted as published.
    const path = actor.jurisdictionId ? await jurisdictionPath(db, actor.jurisdictionId) : [];
    return presentPublishedPlans(db, await listPlanRows(db, { jurisdictionIds: path, publishedOnly: true }));
  }
  const ids = await readableJurisdictions(db, actor, input.jurisdictionId);
  return presentPlans(db, await listPlanRows(db, { jurisdictionIds: ids }));
}

export async function getPlan(db: Db, actor: Actor, id: string): Promise<PlanDetail> {
  const row = await getReadablePlan(db, actor, id);
  // Those who only see published plans get the latest version, not the office's later edits.
  return seesDraftPlans(actor.roles) ? presentPlanDetail(db, row) : presentPublishedPlan(db, row);
}
