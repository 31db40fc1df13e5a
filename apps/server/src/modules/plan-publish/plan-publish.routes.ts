import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  assignmentListSchema,
  assignmentQuerySchema,
  noticeQuerySchema,
  planExportQuerySchema,
  planVersionListSchema,
  publicPlanListSchema,
  publicPlanQuerySchema,
  publicPlanSchema,
  publishPlanRequestSchema,
  publishResultSchema,
  unitNoticeSchema,
  unitNoticeListSchema,
  type Role,
} from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { attachmentDisposition } from "../../http/attachment.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { ALL_ROLES } from "../../http/session-hook.ts";
import { downloadPlan } from "./plan-download.service.ts";
import { listAssignments, listNotices, listPlanVersions, readNotice } from "./plan-published.service.ts";
import { publishPlan } from "./plan-publish.service.ts";
import { getPublicPlan, listPublicPlans } from "./public-plan.service.ts";

/*
 * Publishing and what follows from it: the office publishes a numbered version; each unit's liaison and leader
 * read their unit's assignments and change notices; anyone downloads the 分工方案 or a 本单位任务清单 they may see;
 * the public reads published plans without a login.
 */

const PUBLISHERS: readonly Role[] = ["admin", "office"];
const UNIT_READERS: readonly Role[] = ["liaison", "leader"];
const TAG = "publishing";
const idParams = z.object({ id: z.string().min(1) });

export function registerPlanPublishRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "POST",
    url: "/api/plans/:id/publish",
    summary:
      "发布方案：冻结为新版本，按责任单位（分组展开到成员单位）生成任务分配，并通知相关单位；" +
      "仍有未映射的单位名称时返回 409 UNRESOLVED_UNITS，版本不符返回 409 CONFLICT",
    tag: TAG,
    access: { roles: PUBLISHERS },
    params: idParams,
    body: publishPlanRequestSchema,
    response: publishResultSchema,
    handler: async ({ params, body, user, reply }) => {
      const result = await publishPlan(ctx.db, requireUser(user), { ...body, planId: params.id });
      reply.code(201);
      return result;
    },
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/plans/:id/versions",
    summary: "方案的已发布版本（最新在前，含每版的变更清单）",
    tag: TAG,
    access: { roles: ALL_ROLES },
    params: idParams,
    response: planVersionListSchema,
    handler: async ({ params, user }) => ({ items: await listPlanVersions(ctx.db, requireUser(user), params.id) }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/plans/:id/export",
    summary:
      "导出分工方案（format=docx|xlsx）；给出 unitId 时导出本单位任务清单（联络员、单位领导只能导出本单位的）；" +
      "默认导出最新发布版本，政务公开办可用 source=draft 导出草稿",
    tag: TAG,
    access: { roles: ALL_ROLES },
    params: idParams,
    query: planExportQuerySchema,
    produces: [
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ],
    handler: async ({ params, query, user, reply }) => {
      const file = await downloadPlan(ctx.db, requireUser(user), { ...query, planId: params.id });
      return reply
        .type(file.mediaType)
        .header("content-disposition", attachmentDisposition(file.filename))
        .send(Buffer.from(file.content));
    },
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/assignments",
    summary: "本单位的任务（最新发布版本）；政务公开办等可用 unitId 查看辖区内某单位的任务",
    tag: TAG,
    access: { roles: ALL_ROLES },
    query: assignmentQuerySchema,
    response: assignmentListSchema,
    handler: async ({ query, user }) => ({ items: await listAssignments(ctx.db, requireUser(user), query) }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/notices",
    summary: "本单位收到的方案发布与变更通知（最新在前）；政务公开办等可用 unitId 查看辖区内某单位的",
    tag: TAG,
    access: { roles: ALL_ROLES },
    query: noticeQuerySchema,
    response: unitNoticeListSchema,
    handler: async ({ query, user }) => ({ items: await listNotices(ctx.db, requireUser(user), query) }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/notices/:id/read",
    summary: "把本单位的一条通知标记为已读",
    tag: TAG,
    access: { roles: UNIT_READERS },
    params: idParams,
    response: unitNoticeSchema,
    handler: async ({ params, user }) => readNotice(ctx.db, requireUser(user), params.id),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/public/plans",
    summary: "公开：某行政区划（jurisdiction=区划代码）已发布的方案列表，无需登录",
    tag: TAG,
    access: { public: true },
    query: publicPlanQuerySchema,
    response: publicPlanListSchema,
    handler: async ({ query }) => ({ items: await listPublicPlans(ctx.db, query.jurisdiction) }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/public/plans/:id",
    summary: "公开：已发布方案的最新版本（任务、责任单位、时限），无需登录；未发布的方案返回 404",
    tag: TAG,
    access: { public: true },
    params: idParams,
    response: publicPlanSchema,
    handler: async ({ params }) => getPublicPlan(ctx.db, params.id),
  });
}
