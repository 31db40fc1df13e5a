import type { PublicPlan } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import { findJurisdictionRow, findJurisdictionRowByCode } from "../org/org.repository.ts";
import { findDocumentRow, type Db } from "../plan/document.repository.ts";
import { findPlanRow } from "../plan/plan.repository.ts";
import { listPublishedPlanRows } from "./plan-publish.repository.ts";
import { loadLatestVersion } from "./snapshot-store.ts";

/**
 * The public page (接受社会监督): published plans without a login, each as its latest version — the items, the
 * units as the plan names them, the deadlines as written. Drafts do not exist here. A plan whose 公文 is marked
 * 不予公开 or 依申请公开 is not shown either: publishing to the units is not publishing to the public.
 */

const publicNotFound = () => new AppError("NOT_FOUND", "方案不存在或未公开发布");

export function isPubliclyDisclosed(disclosure: string | null): boolean {
  return !disclosure || !/不予公开|依申请公开|不公开/.test(disclosure);
}

export async function listPublicPlans(db: Db, jurisdictionCode: string) {
  const jurisdiction = await findJurisdictionRowByCode(db, jurisdictionCode);
  if (!jurisdiction) throw new AppError("NOT_FOUND", `行政区划不存在：${jurisdictionCode}`);
  const rows = await listPublishedPlanRows(db, jurisdiction.id);
  return rows
    .filter((r) => isPubliclyDisclosed(r.disclosure))
    .map((r) => ({
      id: r.id,
      title: r.title,
      year: r.year,
      jurisdictionName: jurisdiction.name,
      versionNumber: Number(r.published_version),
      publishedAt: r.published_at ?? "",
    }));
}

export async function getPublicPlan(db: Db, planId: string): Promise<PublicPlan> {
  const plan = await findPlanRow(db, planId);
  if (!plan || plan.published_version === null) throw publicNotFound();
  const document = await findDocumentRow(db, plan.document_id);
  if (!document || !isPubliclyDisclosed(document.disclosure)) throw publicNotFound();
  const { row, snapshot } = await loadLatestVersion(db, plan);
  const jurisdiction = await findJurisdictionRow(db, plan.jurisdiction_id);
  return {
    id: plan.id,
    title: snapshot.title,
    year: snapshot.year,
    jurisdictionName: jurisdiction?.name ?? "",
    docNumber: document.doc_number,
    versionNumber: Number(row.number),
    publishedAt: row.published_at,
    items: snapshot.items.map((item) => ({
      path: item.path,
      headings: item.headings,
      text: item.text,
      units: item.units.map((u) => ({ name: u.rawName, role: u.role })),
      deadlines: item.deadlines.map((d) => d.text),
    })),
  };
}
