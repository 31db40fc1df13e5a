import { randomUUID } from "node:crypto";
import type { Insertable, Transaction } from "kysely";
import type { DocumentChanges, ImportResult, ParsedDocument, ParseOutput } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionPath, jurisdictionSubtree } from "../access/scope.repository.ts";
import { SYSTEM_ACTOR, audit, inTransaction, nowIso, type Actor } from "../org/org-context.ts";
import { createResolver } from "../org/org-resolve.ts";
import { loadRegistrySnapshot } from "../org/org-resolve.service.ts";
import { findJurisdictionRow } from "../org/org.repository.ts";
import { diffItems, documentContentHash, mediaTypeOf, planYear, resolutionDate, sha256Hex } from "./plan.ts";
import { collectUnresolved, presentPlans, unitRowsFor, assertWriteIn } from "./plan-context.ts";
import { parseUpload } from "./plan-parse.ts";
import {
  attachOpenLinks,
  documentRowToSummary,
  documentToRow,
  findCurrentDocumentByNumber,
  findSourceFileBySha,
  insertDocumentRow,
  insertLinkRows,
  insertSourceFileRow,
  listCurrentDocumentsByNumbers,
  listDocumentRowsOfSource,
  markDocumentSuperseded,
  moveIncomingLinks,
  sourceFileRowToSourceFile,
  type Db,
  type DocumentRow,
  type LinkRow,
  type SourceFileRow,
} from "./document.repository.ts";
import { insertItemRows, insertItemUnitRows, insertPlanRows, listItemRows, listPlanRows } from "./plan.repository.ts";

export type ImportFileInput = { jurisdictionId: string; filename: string; bytes: Uint8Array };
type Outcome = ImportResult["documents"][number]["outcome"];
type Stored = { row: DocumentRow; outcome: Outcome; changes: DocumentChanges | null };

const jurisdictionNotFound = () => new AppError("NOT_FOUND", "行政区划不存在或无权访问");

/**
 * Imports one file into a jurisdiction: keeps the original, stores every 公文 it holds with its plans, items and
 * unit occurrences (each name resolved against the registry on the document's date), links documents by the 文号
 * they cite, and versions a 文号 that comes back with different content. One transaction with one audit row.
 * The same bytes a second time change nothing: the earlier result comes back with `duplicate: true`.
 */
export async function importFile(
  db: Db,
  actor: Actor,
  input: ImportFileInput,
  options: { now?: Date } = {},
): Promise<ImportResult> {
  if (!(await findJurisdictionRow(db, input.jurisdictionId))) throw jurisdictionNotFound();
  await assertWriteIn(db, actor, input.jurisdictionId, jurisdictionNotFound);
  const sha256 = sha256Hex(input.bytes);
  const earlier = await findSourceFileBySha(db, input.jurisdictionId, sha256);
  if (earlier) return presentDuplicate(db, earlier);

  // Parsing (and a LibreOffice conversion) happens before the transaction: a file that fails stores nothing.
  const parsed = await parseUpload({ bytes: input.bytes, filename: input.filename });
  if (parsed.documents.length === 0) {
    throw new AppError("VALIDATION_FAILED", "文件中没有识别出公文（发文字号、标题或正文编号），未导入");
  }

  return inTransaction(db, async (trx) => {
    // A concurrent import of the same bytes may have committed meanwhile; the unique index backs this up.
    const raced = await findSourceFileBySha(trx, input.jurisdictionId, sha256);
    if (raced) return presentDuplicate(trx, raced);
    const at = nowIso(options.now);
    const source: SourceFileRow = {
      id: randomUUID(),
      jurisdiction_id: input.jurisdictionId,
      filename: input.filename,
      media_type: mediaTypeOf(input.filename),
      size: input.bytes.length,
      sha256,
      // The system actor (CLI, seeding) is no user row; the file then has no uploader.
      uploaded_by: actor === SYSTEM_ACTOR ? null : actor.id,
      uploaded_at: at,
    };
    await insertSourceFileRow(trx, { ...source, content: Buffer.from(input.bytes) });
    const stored = await storeDocuments(trx, { source, parsed, at });
    await linkDocuments(trx, input.jurisdictionId, stored);
    const result = await presentResult(trx, { source, stored, parsed, duplicate: false });
    await audit(trx, actor, {
      at,
      action: "plan.file.imported",
      entity: "source_file",
      entityId: source.id,
      after: {
        filename: source.filename,
        sha256,
        documents: result.documents.map((d) => ({ id: d.id, docNumber: d.docNumber, outcome: d.outcome })),
        plans: result.plans.map((p) => ({ id: p.id, items: p.itemCount })),
      },
    });
    return result;
  });
}

async function storeDocuments(
  trx: Transaction<DB>,
  input: { source: SourceFileRow; parsed: ParseOutput; at: string },
): Promise<Stored[]> {
  const jurisdictionId = input.source.jurisdiction_id;
  const resolver = createResolver(await loadRegistrySnapshot(trx, jurisdictionId), jurisdictionId);
  const out: Stored[] = [];
  for (const [position, doc] of input.parsed.documents.entries()) {
    const contentSha = documentContentHash(doc);
    const previous = doc.docNumber ? await findCurrentDocumentByNumber(trx, jurisdictionId, doc.docNumber) : undefined;
    if (previous && previous.content_sha256 === contentSha) {
      out.push({ row: previous, outcome: "unchanged", changes: null });
      continue;
    }
    const row = documentToRow(doc, {
      id: randomUUID(),
      jurisdiction_id: jurisdictionId,
      source_file_id: input.source.id,
      position,
      content_sha256: contentSha,
      previous_version_id: previous?.id ?? null,
      created_at: input.at,
    });
    if (previous) await markDocumentSuperseded(trx, previous.id);
    await insertDocumentRow(trx, row);
    const date = resolutionDate(doc);
    const cache = new Map<string, ReturnType<typeof resolver>>();
    const resolve = (name: string) => {
      const hit = cache.get(name) ?? resolver(name, date);
      cache.set(name, hit);
      return hit;
    };
    await storePlans(trx, { doc, documentId: row.id, jurisdictionId, at: input.at, resolve });
    const changes = previous ? await changesSince(trx, previous.id, doc) : null;
    if (previous) await moveIncomingLinks(trx, previous.id, row.id);
    out.push({ row, outcome: previous ? "new_version" : "new", changes });
  }
  return out;
}

async function storePlans(
  trx: Transaction<DB>,
  input: {
    doc: ParsedDocument;
    documentId: string;
    jurisdictionId: string;
    at: string;
    resolve: (name: string) => ReturnType<ReturnType<typeof createResolver>>;
  },
): Promise<void> {
  const plans: Insertable<DB["plans"]>[] = [];
  const items: Insertable<DB["plan_items"]>[] = [];
  const units: Insertable<DB["plan_item_units"]>[] = [];
  for (const [position, plan] of input.doc.plans.entries()) {
    const planId = randomUUID();
    plans.push({
      id: planId,
      jurisdiction_id: input.jurisdictionId,
      document_id: input.documentId,
      position,
      title: plan.title ?? input.doc.title,
      source: plan.source,
      columns_json: JSON.stringify(plan.columns),
      year: planYear(plan.title ?? input.doc.title, resolutionDate(input.doc)),
      status: "draft",
      created_at: input.at,
      updated_at: input.at,
      version: 1,
    });
    for (const [itemPosition, item] of plan.items.entries()) {
      const itemId = randomUUID();
      items.push({
        id: itemId,
        plan_id: planId,
        position: itemPosition,
        path_json: JSON.stringify(item.path),
        headings_json: JSON.stringify(item.headings),
        text: item.text,
        criteria: item.criteria,
        units_text: item.unitsText,
        deadlines_json: JSON.stringify(item.deadlines),
        version: 1,
      });
      units.push(...unitRowsFor(itemId, item.units, input.resolve));
    }
  }
  await insertPlanRows(trx, plans);
  await insertItemRows(trx, items);
  await insertItemUnitRows(trx, units);
}

/** What changed from the stored version to the new one, item by item. */
async function changesSince(trx: Transaction<DB>, previousId: string, doc: ParsedDocument): Promise<DocumentChanges> {
  const plans = await listPlanRows(trx, { documentIds: [previousId] });
  const positionOf = new Map(plans.map((p) => [p.id, p.position]));
  const before = (await listItemRows(trx, [...positionOf.keys()])).map((i) => ({
    planPosition: positionOf.get(i.plan_id) ?? 0,
    // Written by the import from the parser's string[].
    path: JSON.parse(i.path_json) as string[],
    text: i.text,
  }));
  const after = doc.plans.flatMap((p, planPosition) =>
    p.items.map((i) => ({ planPosition, path: i.path, text: i.text })),
  );
  return diffItems(before, after);
}

/**
 * Citations by 文号: a new document points at the current document with that number in its own or an ancestor
 * jurisdiction (the provincial notice and the national 要点 it forwards), and documents of this jurisdiction or
 * below that cited its number before it arrived now point at it.
 */
async function linkDocuments(trx: Transaction<DB>, jurisdictionId: string, stored: readonly Stored[]): Promise<void> {
  const fresh = stored.filter((s) => s.outcome !== "unchanged");
  const ancestors = await jurisdictionPath(trx, jurisdictionId);
  const below = await jurisdictionSubtree(trx, jurisdictionId);
  const cited = new Set<string>();
  for (const s of fresh) {
    for (const ref of JSON.parse(s.row.references_json) as ParsedDocument["references"]) {
      if (ref.docNumber) cited.add(ref.docNumber);
    }
  }
  const targets = await listCurrentDocumentsByNumbers(trx, ancestors, [...cited]);
  const byNumber = new Map(targets.map((t) => [t.doc_number, t.id]));
  const links: LinkRow[] = [];
  for (const s of fresh) {
    const seen = new Set<string>();
    for (const ref of JSON.parse(s.row.references_json) as ParsedDocument["references"]) {
      if (!ref.docNumber || seen.has(ref.docNumber) || ref.docNumber === s.row.doc_number) continue;
      seen.add(ref.docNumber);
      const to = byNumber.get(ref.docNumber) ?? null;
      links.push({ from_document_id: s.row.id, doc_number: ref.docNumber, title: ref.title, to_document_id: to });
    }
  }
  await insertLinkRows(trx, links);
  for (const s of fresh) {
    if (!s.row.doc_number) continue;
    await attachOpenLinks(trx, { docNumber: s.row.doc_number, toDocumentId: s.row.id, fromJurisdictionIds: below });
  }
}

async function presentResult(
  db: Db,
  input: { source: SourceFileRow; stored: readonly Stored[]; parsed: ParseOutput | null; duplicate: boolean },
): Promise<ImportResult> {
  const planRows = await listPlanRows(db, { documentIds: input.stored.map((s) => s.row.id) });
  const order = new Map(input.stored.map((s, i) => [s.row.id, i]));
  planRows.sort((a, b) => (order.get(a.document_id) ?? 0) - (order.get(b.document_id) ?? 0) || a.position - b.position);
  return {
    duplicate: input.duplicate,
    sourceFile: sourceFileRowToSourceFile(input.source),
    documents: input.stored.map((s) => ({ ...documentRowToSummary(s.row), outcome: s.outcome, changes: s.changes })),
    plans: await presentPlans(db, planRows),
    unresolved: await collectUnresolved(
      db,
      planRows.map((p) => p.id),
    ),
    warnings: (input.parsed?.warnings ?? []).map((w) => ({ code: w.code, message: w.message })),
  };
}

/** The file was imported before: report what that import stored, as it is now. */
async function presentDuplicate(db: Db, source: SourceFileRow): Promise<ImportResult> {
  const rows = await listDocumentRowsOfSource(db, source.id);
  const stored = rows.map((row) => ({
    row,
    outcome: (row.previous_version_id ? "new_version" : "new") as Outcome,
    changes: null,
  }));
  return presentResult(db, { source, stored, parsed: null, duplicate: true });
}
