import type { Insertable, Kysely, Selectable, Transaction } from "kysely";
import type { DocumentSummary, ParsedDocument, SourceFile } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";

/** Every query of source files, documents and the links between documents. */

export type Db = Kysely<DB> | Transaction<DB>;
export type SourceFileRow = Omit<Selectable<DB["source_files"]>, "content">;
export type DocumentRow = Selectable<DB["documents"]>;
export type LinkRow = Selectable<DB["document_links"]>;

const SOURCE_COLUMNS = [
  "id",
  "jurisdiction_id",
  "filename",
  "media_type",
  "size",
  "sha256",
  "uploaded_by",
  "uploaded_at",
] as const;

export function sourceFileRowToSourceFile(row: SourceFileRow): SourceFile {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    filename: row.filename,
    mediaType: row.media_type,
    size: Number(row.size),
    sha256: row.sha256,
    uploadedBy: row.uploaded_by,
    uploadedAt: row.uploaded_at,
  };
}

export function documentRowToSummary(row: DocumentRow): DocumentSummary {
  return {
    id: row.id,
    jurisdictionId: row.jurisdiction_id,
    sourceFileId: row.source_file_id,
    position: row.position,
    docNumber: row.doc_number,
    title: row.title,
    issuer: row.issuer,
    date: row.date,
    disclosure: row.disclosure,
    previousVersionId: row.previous_version_id,
    isCurrent: row.is_current === 1,
    createdAt: row.created_at,
    version: row.version,
  };
}

// The JSON columns hold only what documentToRow wrote from a parsed (contract-validated) document.
export function documentRowToParsedParts(row: DocumentRow) {
  return {
    recipients: JSON.parse(row.recipients_json) as ParsedDocument["recipients"],
    cc: JSON.parse(row.cc_json) as ParsedDocument["cc"],
    printed: (row.printed_json ? JSON.parse(row.printed_json) : null) as ParsedDocument["printed"],
    references: JSON.parse(row.references_json) as ParsedDocument["references"],
    attachments: JSON.parse(row.attachments_json) as ParsedDocument["attachments"],
    deadlines: JSON.parse(row.deadlines_json) as ParsedDocument["deadlines"],
  };
}

export function documentToRow(
  doc: ParsedDocument,
  fields: Pick<
    DocumentRow,
    "id" | "jurisdiction_id" | "source_file_id" | "position" | "content_sha256" | "previous_version_id" | "created_at"
  >,
): DocumentRow {
  return {
    ...fields,
    doc_number: doc.docNumber,
    title: doc.title,
    issuer: doc.issuer,
    date: doc.date,
    recipients_json: JSON.stringify(doc.recipients),
    cc_json: JSON.stringify(doc.cc),
    disclosure: doc.disclosure,
    printed_json: doc.printed ? JSON.stringify(doc.printed) : null,
    references_json: JSON.stringify(doc.references),
    attachments_json: JSON.stringify(doc.attachments),
    deadlines_json: JSON.stringify(doc.deadlines),
    is_current: 1,
    version: 1,
  };
}

// ---- source files ----

export async function findSourceFileBySha(db: Db, jurisdictionId: string, sha256: string) {
  return db
    .selectFrom("source_files")
    .select(SOURCE_COLUMNS)
    .where("jurisdiction_id", "=", jurisdictionId)
    .where("sha256", "=", sha256)
    .executeTakeFirst();
}

export async function findSourceFileRow(db: Db, id: string): Promise<SourceFileRow | undefined> {
  return db.selectFrom("source_files").select(SOURCE_COLUMNS).where("id", "=", id).executeTakeFirst();
}

export async function findSourceFileContent(db: Db, id: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom("source_files").select("content").where("id", "=", id).executeTakeFirst();
  return row?.content;
}

export async function insertSourceFileRow(db: Db, row: Insertable<DB["source_files"]>): Promise<void> {
  await db.insertInto("source_files").values(row).execute();
}

// ---- documents ----

export async function insertDocumentRow(db: Db, row: Insertable<DB["documents"]>): Promise<void> {
  await db.insertInto("documents").values(row).execute();
}

export async function findDocumentRow(db: Db, id: string): Promise<DocumentRow | undefined> {
  return db.selectFrom("documents").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function listDocumentRowsOfSource(db: Db, sourceFileId: string): Promise<DocumentRow[]> {
  return db
    .selectFrom("documents")
    .selectAll()
    .where("source_file_id", "=", sourceFileId)
    .orderBy("position")
    .execute();
}

/** Documents of the jurisdictions, newest first; only the current version of each 文号 unless asked. */
export async function listDocumentRows(
  db: Db,
  options: { jurisdictionIds: readonly string[]; includeOld?: boolean },
): Promise<DocumentRow[]> {
  if (options.jurisdictionIds.length === 0) return [];
  let query = db.selectFrom("documents").selectAll().where("jurisdiction_id", "in", options.jurisdictionIds);
  if (!options.includeOld) query = query.where("is_current", "=", 1);
  return query.orderBy("created_at", "desc").orderBy("position").execute();
}

/** The current document with this 文号 in one jurisdiction: the one a new import versions. */
export async function findCurrentDocumentByNumber(
  db: Db,
  jurisdictionId: string,
  docNumber: string,
): Promise<DocumentRow | undefined> {
  return db
    .selectFrom("documents")
    .selectAll()
    .where("jurisdiction_id", "=", jurisdictionId)
    .where("doc_number", "=", docNumber)
    .where("is_current", "=", 1)
    .executeTakeFirst();
}

/** Current documents carrying any of the 文号 in any of the jurisdictions (for linking citations). */
export async function listCurrentDocumentsByNumbers(
  db: Db,
  jurisdictionIds: readonly string[],
  docNumbers: readonly string[],
): Promise<DocumentRow[]> {
  if (jurisdictionIds.length === 0 || docNumbers.length === 0) return [];
  return db
    .selectFrom("documents")
    .selectAll()
    .where("jurisdiction_id", "in", jurisdictionIds)
    .where("doc_number", "in", docNumbers)
    .where("is_current", "=", 1)
    .execute();
}

export async function markDocumentSuperseded(db: Db, id: string): Promise<void> {
  await db
    .updateTable("documents")
    .set((eb) => ({ is_current: 0, version: eb("version", "+", 1) }))
    .where("id", "=", id)
    .execute();
}

/** Every version of a 文号 in a jurisdiction, oldest first. */
export async function listDocumentVersions(db: Db, jurisdictionId: string, docNumber: string): Promise<DocumentRow[]> {
  return db
    .selectFrom("documents")
    .selectAll()
    .where("jurisdiction_id", "=", jurisdictionId)
    .where("doc_number", "=", docNumber)
    .orderBy("created_at")
    .execute();
}

// ---- links ----

export async function insertLinkRows(db: Db, rows: readonly LinkRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto("document_links")
    .values([...rows])
    .execute();
}

/** Citations of `docNumber` not yet pointing at a document, made by documents of the given jurisdictions. */
export async function attachOpenLinks(
  db: Db,
  options: { docNumber: string; toDocumentId: string; fromJurisdictionIds: readonly string[] },
): Promise<void> {
  if (options.fromJurisdictionIds.length === 0) return;
  await db
    .updateTable("document_links")
    .set({ to_document_id: options.toDocumentId })
    .where("doc_number", "=", options.docNumber)
    .where("to_document_id", "is", null)
    .where("from_document_id", "in", (eb) =>
      eb.selectFrom("documents").select("id").where("jurisdiction_id", "in", options.fromJurisdictionIds),
    )
    .execute();
}

/** A new version takes over the citations that pointed at the version it replaces. */
export async function moveIncomingLinks(db: Db, fromId: string, toId: string): Promise<void> {
  await db.updateTable("document_links").set({ to_document_id: toId }).where("to_document_id", "=", fromId).execute();
}

export async function listUpstreamLinks(db: Db, documentId: string): Promise<LinkRow[]> {
  return db.selectFrom("document_links").selectAll().where("from_document_id", "=", documentId).execute();
}

export async function listDownstreamLinks(db: Db, documentId: string) {
  return db
    .selectFrom("document_links")
    .innerJoin("documents", "documents.id", "document_links.from_document_id")
    .select(["document_links.from_document_id", "documents.doc_number", "documents.title"])
    .where("document_links.to_document_id", "=", documentId)
    .execute();
}
