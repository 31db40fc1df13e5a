import type { ParsedDocument, ParseOutput } from "@luoshi/contract";
import { toBlocks } from "./blocks.ts";
import { parseDocument, segmentDocuments, type DocumentDraft } from "./document.ts";

/**
 * Canonical text (what the format readers produce, or a .txt as saved) → documents, plans and items.
 * Pure and total: any string gives a valid ParseOutput; what could not be understood becomes a warning.
 */
export function parseText(text: string): ParseOutput {
  const blocks = toBlocks(text);
  const segments = segmentDocuments(blocks);
  const drafts = segments.map((segment, k) => {
    const end = segments[k + 1]?.start ?? blocks.length;
    const anchor = segment.anchor === undefined ? undefined : segment.anchor - segment.start;
    return parseDocument(blocks.slice(segment.start, end), anchor);
  });
  settleForwardedRecords(drafts);
  const documents = drafts.map(toDocument).filter((d) => d.plans.length > 0 || d.docNumber || d.title);
  const warnings: ParseOutput["warnings"] = drafts.flatMap((d) => d.warnings);
  for (const doc of documents) {
    const undated = doc.plans.flatMap((p) => p.items).some((i) => i.deadlines.some((d) => d.kind === "by" && !d.date));
    if (undated) {
      warnings.push({
        code: "DEADLINE_YEAR_UNKNOWN",
        message: `《${doc.title ?? doc.docNumber ?? "未命名文件"}》没有成文日期，部分时限（如“年底前”）无法确定年份，未换算日期`,
      });
    }
  }
  if (documents.length === 0 && text.trim().length > 0) {
    warnings.push({ code: "NO_DOCUMENT", message: "未识别出公文或工作方案的结构（标题、文号、编号条目或任务表格）" });
  }
  return { documents, warnings };
}

/**
 * In a 转发 bundle the 版记 (公开方式, 抄送, 印发) printed after the forwarded text belongs to the forwarding
 * notice: the forwarded document carries its own disclosure only as "（此件公开发布）".
 */
function settleForwardedRecords(drafts: DocumentDraft[]): void {
  drafts.forEach((doc, k) => {
    if (!doc.hasTrailingRecord || !doc.docNumber) return;
    // A bundle holds a handful of 公文; looking further back would only make large files quadratic.
    const forwarder = drafts
      .slice(Math.max(0, k - 8), k)
      .reverse()
      .find((d) => d.forwards && d.references.some((r) => r.docNumber === doc.docNumber));
    if (!forwarder) return;
    if (doc.cc.length > 0 && forwarder.cc.length === 0) [forwarder.cc, doc.cc] = [doc.cc, []];
    if (doc.printed && !forwarder.printed) [forwarder.printed, doc.printed] = [doc.printed, null];
    if (doc.disclosure && !forwarder.disclosure) {
      forwarder.disclosure = doc.disclosure;
      doc.disclosure = doc.ownDisclosure ?? null;
    }
  });
}

function toDocument(draft: DocumentDraft): ParsedDocument {
  const { hasTrailingRecord: _t, forwards: _f, ownDisclosure: _o, warnings: _w, ...doc } = draft;
  return doc;
}
