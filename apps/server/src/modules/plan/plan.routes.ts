import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  documentDetailSchema,
  documentListSchema,
  importFileRequestSchema,
  importResultSchema,
  jurisdictionQuerySchema,
  mergePlanItemsRequestSchema,
  planDetailSchema,
  planItemSchema,
  planListSchema,
  splitPlanItemRequestSchema,
  unitMappingRequestSchema,
  unitMappingResultSchema,
  updatePlanItemRequestSchema,
  type Role,
} from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { ALL_ROLES } from "../../http/session-hook.ts";
import { mapUnitName, updatePlanItem } from "./plan-edit.service.ts";
import { importFile } from "./plan-import.service.ts";
import { getDocument, getDocumentSource, getPlan, listDocuments, listPlans } from "./plan-read.service.ts";
import { mergePlanItems, splitPlanItem } from "./plan-restructure.service.ts";

/*
 * POST /api/imports takes JSON `{ jurisdictionId, filename, contentBase64 }` (like /api/org/import; the server's
 * body limit is 50 MB). The same bytes twice answer `duplicate: true` and store nothing. A file the parser cannot
 * read answers 400 VALIDATION_FAILED with the parser's Chinese message.
 */

/** Who imports and corrects: the office of a jurisdiction (its subtree) and admins. */
const WRITERS: readonly Role[] = ["admin", "office"];
/** Who reads documents: everyone with a jurisdiction-wide view. Liaisons see plans only once published. */
const READERS: readonly Role[] = ["admin", "office", "viewer", "evaluator"];
const TAG = "plans";
const idParams = z.object({ id: z.string().min(1) });
const itemParams = z.object({ id: z.string().min(1), itemId: z.string().min(1) });

export function registerPlanRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "POST",
    url: "/api/imports",
    summary: "导入公文文件（JSON：jurisdictionId、filename、contentBase64；同一文件重复导入不重复保存）",
    tag: TAG,
    access: { roles: WRITERS },
    body: importFileRequestSchema,
    response: importResultSchema,
    handler: async ({ body, user, reply }) => {
      const result = await importFile(ctx.db, requireUser(user), {
        jurisdictionId: body.jurisdictionId,
        filename: body.filename,
        bytes: Buffer.from(body.contentBase64, "base64"),
      });
      reply.code(result.duplicate ? 200 : 201);
      return result;
    },
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/documents",
    summary: "已导入公文列表（按区划，含下级区划；每个文号只列现行版本）",
    tag: TAG,
    access: { roles: READERS },
    query: jurisdictionQuerySchema,
    response: documentListSchema,
    handler: async ({ query, user }) => ({ items: await listDocuments(ctx.db, requireUser(user), query) }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/documents/:id",
    summary: "公文详情（上下级关联、版本、方案）",
    tag: TAG,
    access: { roles: READERS },
    params: idParams,
    response: documentDetailSchema,
    handler: async ({ params, user }) => getDocument(ctx.db, requireUser(user), params.id),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/documents/:id/source",
    summary: "下载公文原文件（与上传时逐字节相同）",
    tag: TAG,
    access: { roles: READERS },
    params: idParams,
    produces: "application/octet-stream",
    handler: async ({ params, user, reply }) => {
      const file = await getDocumentSource(ctx.db, requireUser(user), params.id);
      // An ASCII fallback for old clients, the real (usually Chinese) name in filename*.
      const ascii = file.filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
      return reply
        .header("content-type", file.mediaType)
        .header(
          "content-disposition",
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .send(file.content);
    },
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/plans",
    summary: "方案列表（按区划；联络员只见已发布方案）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    query: jurisdictionQuerySchema,
    response: planListSchema,
    handler: async ({ query, user }) => ({ items: await listPlans(ctx.db, requireUser(user), query) }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/plans/:id",
    summary: "方案详情（任务、责任单位及其解析结果）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    params: idParams,
    response: planDetailSchema,
    handler: async ({ params, user }) => getPlan(ctx.db, requireUser(user), params.id),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/plans/:id/unit-mappings",
    summary: "把方案中某一单位名称的所有出现映射到单位或分组（可保存为单位别名）",
    tag: TAG,
    access: { roles: WRITERS },
    params: idParams,
    body: unitMappingRequestSchema,
    response: unitMappingResultSchema,
    handler: async ({ params, body, user }) => mapUnitName(ctx.db, requireUser(user), { ...body, planId: params.id }),
  });

  defineRoute(app, {
    method: "PATCH",
    url: "/api/plans/:id/items/:itemId",
    summary: "修改任务（内容、评价标准、责任单位及角色；版本不符返回 409）",
    tag: TAG,
    access: { roles: WRITERS },
    params: itemParams,
    body: updatePlanItemRequestSchema,
    response: planItemSchema,
    handler: async ({ params, body, user }) =>
      updatePlanItem(ctx.db, requireUser(user), { ...body, planId: params.id, itemId: params.itemId }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/plans/:id/items/:itemId/split",
    summary: "拆分任务（第一部分保留原任务，其余各成新任务，沿用责任单位）",
    tag: TAG,
    access: { roles: WRITERS },
    params: itemParams,
    body: splitPlanItemRequestSchema,
    response: planDetailSchema,
    handler: async ({ params, body, user }) =>
      splitPlanItem(ctx.db, requireUser(user), { ...body, planId: params.id, itemId: params.itemId }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/plans/:id/items/merge",
    summary: "合并任务（保留排在最前的任务，其余并入后删除）",
    tag: TAG,
    access: { roles: WRITERS },
    params: idParams,
    body: mergePlanItemsRequestSchema,
    response: planDetailSchema,
    handler: async ({ params, body, user }) =>
      mergePlanItems(ctx.db, requireUser(user), { ...body, planId: params.id }),
  });
}
