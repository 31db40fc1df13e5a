import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  addAliasRequestSchema,
  createGroupRequestSchema,
  createUnitRequestSchema,
  importReportSchema,
  jurisdictionListSchema,
  listGroupsQuerySchema,
  listUnitsQuerySchema,
  orgExportQuerySchema,
  orgImportRequestSchema,
  resolveNamesRequestSchema,
  resolveNamesResponseSchema,
  setGroupMembersRequestSchema,
  unitGroupListSchema,
  unitGroupSchema,
  unitListSchema,
  unitSchema,
  updateUnitRequestSchema,
  type Role,
} from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { ALL_ROLES } from "../../http/session-hook.ts";
import { exportRegistry } from "./org-export.service.ts";
import { createGroup, listGroups, setGroupMembers } from "./org-groups.service.ts";
import { importRegistry } from "./org-import.service.ts";
import { resolveUnitNames } from "./org-resolve.service.ts";
import { addAlias, createUnit, getUnit, listJurisdictions, listUnits, updateUnit } from "./org-units.service.ts";

/*
 * POST /api/org/import takes JSON, not multipart: `{ jurisdictionId, filename, contentBase64 }`, where filename
 * ends in .xlsx (sheets 单位 and 分组, as exported) or .csv (one table, told apart by its header row). The answer
 * is an ImportReport; when `errors` is not empty nothing was applied. GET /api/org/export streams the file with
 * `Content-Disposition: attachment; filename*=UTF-8''…`; for CSV, `sheet=units|groups` picks the table.
 */

/** Who changes the registry: the office of a jurisdiction (its subtree) and admins. Scope is checked per record. */
const WRITERS: readonly Role[] = ["admin", "office"];
/** Who reads whole registries (lists, export, resolution); a liaison sees only its own unit. */
const READERS: readonly Role[] = ["admin", "office", "viewer", "evaluator"];
const TAG = "org";
const idParams = z.object({ id: z.string().min(1) });

export function registerOrgRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "GET",
    url: "/api/org/jurisdictions",
    summary: "行政区划列表（本人可见范围）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    response: jurisdictionListSchema,
    handler: async ({ user }) => ({ items: await listJurisdictions(ctx.db, requireUser(user)) }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/org/units",
    summary: "单位列表（按区划，可含下级区划、按名称筛选）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    query: listUnitsQuerySchema,
    response: unitListSchema,
    handler: async ({ query, user }) => ({ items: await listUnits(ctx.db, requireUser(user), query) }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/org/units/:id",
    summary: "单位详情（含曾用名、别名、简称）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    params: idParams,
    response: unitSchema,
    handler: async ({ params, user }) => getUnit(ctx.db, requireUser(user), params.id),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/org/units",
    summary: "新增单位",
    tag: TAG,
    access: { roles: WRITERS },
    body: createUnitRequestSchema,
    response: unitSchema,
    handler: async ({ body, user, reply }) => {
      const unit = await createUnit(ctx.db, requireUser(user), body);
      reply.code(201);
      return unit;
    },
  });

  defineRoute(app, {
    method: "PATCH",
    url: "/api/org/units/:id",
    summary: "修改单位（更名须填更名日期，旧名称保留为曾用名）",
    tag: TAG,
    access: { roles: WRITERS },
    params: idParams,
    body: updateUnitRequestSchema,
    response: unitSchema,
    handler: async ({ params, body, user }) => updateUnit(ctx.db, requireUser(user), { ...body, id: params.id }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/org/units/:id/aliases",
    summary: "为单位添加别名",
    tag: TAG,
    access: { roles: WRITERS },
    params: idParams,
    body: addAliasRequestSchema,
    response: unitSchema,
    handler: async ({ params, body, user }) => addAlias(ctx.db, requireUser(user), { id: params.id, name: body.name }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/org/groups",
    summary: "单位分组列表（各县（市、区）政府、市政府各部门等）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    query: listGroupsQuerySchema,
    response: unitGroupListSchema,
    handler: async ({ query, user }) => ({ items: await listGroups(ctx.db, requireUser(user), query) }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/org/groups",
    summary: "新增单位分组",
    tag: TAG,
    access: { roles: WRITERS },
    body: createGroupRequestSchema,
    response: unitGroupSchema,
    handler: async ({ body, user, reply }) => {
      const group = await createGroup(ctx.db, requireUser(user), body);
      reply.code(201);
      return group;
    },
  });

  defineRoute(app, {
    method: "PUT",
    url: "/api/org/groups/:id/members",
    summary: "设置分组成员",
    tag: TAG,
    access: { roles: WRITERS },
    params: idParams,
    body: setGroupMembersRequestSchema,
    response: unitGroupSchema,
    handler: async ({ params, body, user }) => setGroupMembers(ctx.db, requireUser(user), { ...body, id: params.id }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/org/resolve",
    summary: "责任单位名称解析（按文件日期；未能确定的给出候选）",
    tag: TAG,
    access: { roles: READERS },
    body: resolveNamesRequestSchema,
    response: resolveNamesResponseSchema,
    handler: async ({ body, user }) => ({ results: await resolveUnitNames(ctx.db, requireUser(user), body) }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/org/export",
    summary: "导出单位名录（.xlsx 含单位、分组两表；.csv 按 sheet 导出一表）",
    tag: TAG,
    access: { roles: READERS },
    query: orgExportQuerySchema,
    produces: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    handler: async ({ query, user, reply }) => {
      const file = await exportRegistry(ctx.db, requireUser(user), query);
      const ascii = `luoshi-org.${query.format}`;
      return reply
        .header("content-type", file.contentType)
        .header(
          "content-disposition",
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .send(file.content);
    },
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/org/import",
    summary: "导入单位名录（JSON：filename、contentBase64、jurisdictionId；任一行有误则全部不导入）",
    tag: TAG,
    access: { roles: WRITERS },
    body: orgImportRequestSchema,
    response: importReportSchema,
    handler: async ({ body, user }) =>
      importRegistry(ctx.db, requireUser(user), {
        jurisdictionId: body.jurisdictionId,
        filename: body.filename,
        content: Buffer.from(body.contentBase64, "base64"),
      }),
  });
}
