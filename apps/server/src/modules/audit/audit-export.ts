import ExcelJS from "exceljs";
import type { AuditEntry } from "@luoshi/contract";
import { formatBeijingTime, sanitizeCell } from "./audit.ts";

const json = (value: unknown) => (value === null || value === undefined ? "" : JSON.stringify(value));

/** One sheet, one row per entry, every cell plain text made safe against formula injection. */
export async function buildAuditWorkbook(entries: readonly AuditEntry[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "落实 Luoshi";
  const sheet = workbook.addWorksheet("审计日志", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "编号", key: "id", width: 10 },
    { header: "时间（北京时间）", key: "at", width: 21 },
    { header: "操作人", key: "actor", width: 16 },
    { header: "操作人ID", key: "actorId", width: 38 },
    { header: "操作", key: "action", width: 24 },
    { header: "对象类型", key: "entity", width: 14 },
    { header: "对象ID", key: "entityId", width: 38 },
    { header: "变更前", key: "before", width: 50 },
    { header: "变更后", key: "after", width: 50 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of entries) {
    sheet.addRow({
      id: e.id,
      at: formatBeijingTime(e.at),
      actor: sanitizeCell(e.actorName ?? ""),
      actorId: sanitizeCell(e.actorId ?? ""),
      action: sanitizeCell(e.action),
      entity: sanitizeCell(e.entity),
      entityId: sanitizeCell(e.entityId ?? ""),
      before: sanitizeCell(json(e.before)),
      after: sanitizeCell(json(e.after)),
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
