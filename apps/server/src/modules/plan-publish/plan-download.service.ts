import type { PlanExportQuery } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import type { Actor } from "../org/org-context.ts";
import { findJurisdictionRow, findUnitRow } from "../org/org.repository.ts";
import type { Db } from "../plan/document.repository.ts";
import { getReadablePlan } from "../plan/plan-context.ts";
import { seesDraftPlans } from "../plan/plan.ts";
import type { PlanRow } from "../plan/plan.repository.ts";
import { planDocx, unitTaskListDocx } from "../plan-export/plan-docx.ts";
import { viewForUnit, viewFromStoredPlan } from "../plan-export/plan-export.ts";
import { planXlsx, unitTaskListXlsx } from "../plan-export/plan-xlsx.ts";
import type { PlanSnapshot } from "./plan-snapshot.ts";
import { buildSnapshot } from "./snapshot-builder.ts";
import { loadLatestVersion } from "./snapshot-store.ts";
import { unitInScope } from "./unit-scope.ts";

/**
 * Downloads of a stored plan: the 分工方案 table, or one unit's 本单位任务清单, as .docx or .xlsx. The published
 * version by default; the office may also take its working copy (a draft to circulate for comments). A unit's list
 * holds the items assigned to it, groups expanded (a county government finds the 各县（市、区）政府 items).
 */

export type PlanDownload = { filename: string; mediaType: string; content: Uint8Array };

const MEDIA_TYPES = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

export async function downloadPlan(
  db: Db,
  actor: Actor,
  input: PlanExportQuery & { planId: string },
  options: { now?: Date } = {},
): Promise<PlanDownload> {
  const plan = await getReadablePlan(db, actor, input.planId);
  const source = input.source ?? (plan.published_version === null ? "draft" : "published");
  if (source === "draft" && !seesDraftPlans(actor.roles)) throw new AppError("FORBIDDEN", "只能导出已发布的方案");
  const { snapshot, versionLabel, fileLabel } = await exportSource(db, plan, source, options.now ?? new Date());
  const jurisdiction = await findJurisdictionRow(db, plan.jurisdiction_id);
  const view = viewFromStoredPlan(
    {
      title: snapshot.title,
      columns: snapshot.columns,
      items: snapshot.items.map((item) => ({
        ...item,
        assigned: item.assigned.map((a) => ({ unitName: snapshot.unitNames[a.unitId] ?? a.unitId, role: a.role })),
      })),
    },
    { jurisdictionName: jurisdiction?.name ?? "", year: snapshot.year, versionLabel },
  );
  const unitId = await unitInScope(db, actor, input.unitId);
  if (unitId === undefined) {
    const content = input.format === "docx" ? await planDocx(view) : await planXlsx(view);
    return file(`${view.title}（${fileLabel}）`, input.format, content);
  }
  const unitName = snapshot.unitNames[unitId] ?? (await findUnitRow(db, unitId))?.name ?? unitId;
  if (viewForUnit(view, unitName).items.length === 0) {
    throw new AppError("NOT_FOUND", `${unitName}在此方案中没有任务`);
  }
  const content =
    input.format === "docx" ? await unitTaskListDocx(view, unitName) : await unitTaskListXlsx(view, unitName);
  return file(`${unitName}任务清单（${view.title}，${fileLabel}）`, input.format, content);
}

async function exportSource(
  db: Db,
  plan: PlanRow,
  source: "published" | "draft",
  now: Date,
): Promise<{ snapshot: PlanSnapshot; versionLabel: string; fileLabel: string }> {
  if (source === "published") {
    const { row, snapshot } = await loadLatestVersion(db, plan);
    const label = `第${row.number}版`;
    return { snapshot, versionLabel: `${label}（${row.published_at.slice(0, 10)}发布）`, fileLabel: label };
  }
  const { snapshot } = await buildSnapshot(db, plan, { date: now.toISOString().slice(0, 10) });
  return { snapshot, versionLabel: "草稿（未发布）", fileLabel: "草稿" };
}

function file(stem: string, format: "docx" | "xlsx", content: Uint8Array): PlanDownload {
  // Characters Windows refuses in file names.
  const safe = stem.replace(/[\\/:*?"<>|\r\n]/g, "_").slice(0, 150);
  return { filename: `${safe}.${format}`, mediaType: MEDIA_TYPES[format], content };
}
