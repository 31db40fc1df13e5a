import type { FastifyInstance } from "fastify";
import { auditExportQuerySchema, auditPageSchema, auditQuerySchema } from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { exportAudit, findAuditPage } from "./audit.service.ts";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export function registerAuditRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "GET",
    url: "/api/audit",
    summary: "审计日志（管理员全部；政务公开办为本辖区相关条目），最新在前",
    tag: "audit",
    access: { roles: ["admin", "office"] },
    query: auditQuerySchema,
    response: auditPageSchema,
    handler: async ({ query, user }) => findAuditPage(ctx.db, { actor: requireUser(user), query }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/audit/export",
    summary: "导出审计日志（xlsx）",
    tag: "audit",
    access: { roles: ["admin", "office"] },
    query: auditExportQuerySchema,
    produces: XLSX,
    handler: async ({ query, user, reply }) => {
      const file = await exportAudit(ctx.db, { actor: requireUser(user), query });
      void reply
        .type(XLSX)
        .header(
          "content-disposition",
          `attachment; filename="audit-log.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        );
      return file.content;
    },
  });
}
