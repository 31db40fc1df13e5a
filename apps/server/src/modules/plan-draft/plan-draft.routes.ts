import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  coverageQuerySchema,
  coverageReportSchema,
  draftPlanRequestSchema,
  draftPlanResultSchema,
  itemLinkListSchema,
  itemSuggestionsSchema,
  setItemLinksRequestSchema,
  type Role,
} from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { getItemLinks, setItemLinks } from "./item-links.service.ts";
import { getPlanCoverage } from "./plan-coverage.service.ts";
import { draftPlan } from "./plan-draft.service.ts";
import { getItemSuggestions } from "./unit-suggestions.service.ts";

/** Who drafts plans and records links: the office of a jurisdiction (its subtree) and admins. */
const WRITERS: readonly Role[] = ["admin", "office"];
/** Who reads links, suggestions and coverage: those who see draft plans (not liaisons or leaders). */
const READERS: readonly Role[] = ["admin", "office", "viewer", "evaluator"];
const TAG = "plan-drafting";
const idParams = z.object({ id: z.string().min(1) });
const itemParams = z.object({ id: z.string().min(1), itemId: z.string().min(1) });

export function registerPlanDraftRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "POST",
    url: "/api/plans/draft",
    summary: "据上级方案起草本级分工方案（逐条对应、关联上级任务，返回建议责任单位，不自动指定）",
    tag: TAG,
    access: { roles: WRITERS },
    body: draftPlanRequestSchema,
    response: draftPlanResultSchema,
    handler: async ({ body, user, reply }) => {
      const result = await draftPlan(ctx.db, requireUser(user), body);
      reply.code(201);
      return result;
    },
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/plans/:id/items/:itemId/suggestions",
    summary: "任务的建议责任单位（依据往年本地方案的相近任务与单位职责关键词）",
    tag: TAG,
    access: { roles: READERS },
    params: itemParams,
    response: itemSuggestionsSchema,
    handler: async ({ params, user }) => ({
      items: await getItemSuggestions(ctx.db, requireUser(user), { planId: params.id, itemId: params.itemId }),
    }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/plans/:id/items/:itemId/links",
    summary: "任务落实的上级任务（关联）",
    tag: TAG,
    access: { roles: READERS },
    params: itemParams,
    response: itemLinkListSchema,
    handler: async ({ params, user }) => ({
      items: await getItemLinks(ctx.db, requireUser(user), { planId: params.id, itemId: params.itemId }),
    }),
  });

  defineRoute(app, {
    method: "PUT",
    url: "/api/plans/:id/items/:itemId/links",
    summary: "设置任务落实的上级任务（整体替换；只能关联有权查看的其他方案的任务）",
    tag: TAG,
    access: { roles: WRITERS },
    params: itemParams,
    body: setItemLinksRequestSchema,
    response: itemLinkListSchema,
    handler: async ({ params, body, user }) => ({
      items: await setItemLinks(ctx.db, requireUser(user), {
        planId: params.id,
        itemId: params.itemId,
        upstreamItemIds: body.upstreamItemIds,
      }),
    }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/plans/:id/coverage",
    summary: "上级方案承接情况（逐条：覆盖、部分覆盖、未覆盖；已记录的关联优先）",
    tag: TAG,
    access: { roles: READERS },
    params: idParams,
    query: coverageQuerySchema,
    response: coverageReportSchema,
    handler: async ({ params, query, user }) =>
      getPlanCoverage(ctx.db, requireUser(user), { planId: params.id, upstreamPlanId: query.upstreamPlanId }),
  });
}
