import type { Kysely } from "kysely";
import type { AuditEntry, AuditExportQuery, AuditPage, AuditQuery, SessionUser } from "@luoshi/contract";
import type { DB } from "../../db/schema.ts";
import { AppError } from "../../http/app-error.ts";
import { jurisdictionSubtree } from "../access/scope.repository.ts";
import { auditTimeBound } from "./audit.ts";
import {
  countAudit,
  insertAudit,
  listAudit,
  type AuditFilter,
  type AuditRowWithActor,
  type AuditScope,
} from "./audit.repository.ts";
import { buildAuditWorkbook } from "./audit-export.ts";

/** An export is one workbook in memory; past this, people are asked to narrow the range instead. */
export const MAX_EXPORT_ROWS = 50_000;

/**
 * Admins see the whole log. Office staff see entries whose actor belongs to their jurisdiction subtree, or whose
 * entity is a user, unit, unit group or jurisdiction of it. Entries of other modules are visible through their
 * actor only, until those modules say which jurisdiction their entities belong to.
 */
async function scopeOf(db: Kysely<DB>, actor: SessionUser): Promise<AuditScope> {
  if (actor.roles.includes("admin")) return { all: true };
  if (actor.roles.includes("office") && actor.jurisdictionId) {
    return { jurisdictionIds: await jurisdictionSubtree(db, actor.jurisdictionId) };
  }
  return { jurisdictionIds: [] };
}

function toFilter(query: Omit<AuditQuery, "page" | "pageSize">): AuditFilter {
  const bound = (value: string | undefined, side: "from" | "to") => {
    if (value === undefined || value === "") return undefined;
    const instant = auditTimeBound(value, side);
    if (!instant) throw new AppError("VALIDATION_FAILED", `时间格式无效：${value}（应为 YYYY-MM-DD 或 ISO 时间）`);
    return instant;
  };
  return {
    entity: query.entity || undefined,
    entityId: query.entityId || undefined,
    actorId: query.actorId || undefined,
    action: query.action || undefined,
    from: bound(query.from, "from"),
    to: bound(query.to, "to"),
  };
}

const parseJson = (text: string | null): unknown => (text === null ? null : JSON.parse(text));

function auditRowToEntry(row: AuditRowWithActor): AuditEntry {
  return {
    id: row.id,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    before: parseJson(row.before_json),
    after: parseJson(row.after_json),
  };
}

export async function findAuditPage(
  db: Kysely<DB>,
  options: { actor: SessionUser; query: AuditQuery },
): Promise<AuditPage> {
  const { page, pageSize, ...rest } = options.query;
  const scope = await scopeOf(db, options.actor);
  const filter = toFilter(rest);
  const [total, rows] = await Promise.all([
    countAudit(db, { scope, filter }),
    listAudit(db, { scope, filter, offset: (page - 1) * pageSize, limit: pageSize }),
  ]);
  return { items: rows.map(auditRowToEntry), total };
}

/** The filtered log as an .xlsx workbook; the export itself is recorded, since the log is sensitive. */
export async function exportAudit(
  db: Kysely<DB>,
  options: { actor: SessionUser; query: AuditExportQuery; now?: Date },
): Promise<{ fileName: string; content: Buffer }> {
  const { format: _format, ...rest } = options.query;
  const now = options.now ?? new Date();
  const scope = await scopeOf(db, options.actor);
  const filter = toFilter(rest);
  const total = await countAudit(db, { scope, filter });
  if (total > MAX_EXPORT_ROWS) {
    throw new AppError(
      "VALIDATION_FAILED",
      `符合条件的日志有 ${total} 条，超过单次导出上限 ${MAX_EXPORT_ROWS} 条，请缩小时间范围`,
    );
  }
  const rows = await listAudit(db, { scope, filter, offset: 0, limit: MAX_EXPORT_ROWS });
  const content = await buildAuditWorkbook(rows.map(auditRowToEntry));
  await insertAudit(db, {
    at: now.toISOString(),
    actorId: options.actor.id,
    action: "audit.exported",
    entity: "audit_log",
    entityId: null,
    after: { filter: rest, rows: rows.length },
  });
  return { fileName: `审计日志-${now.toISOString().slice(0, 10)}.xlsx`, content };
}
