import type { FastifyInstance } from "fastify";
import {
  apiTokenListSchema,
  apiTokenSchema,
  createApiTokenRequestSchema,
  createApiTokenResponseSchema,
  idParamsSchema,
} from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { AppError } from "../../http/app-error.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { ALL_ROLES } from "../../http/session-hook.ts";
import { createApiToken, listApiTokens, revokeOwnApiToken } from "./api-token.service.ts";

/** Every user may hold API tokens for integrations; each token acts as its user, with the user's roles. */
export function registerApiTokenRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "POST",
    url: "/api/tokens",
    summary: "创建 API 令牌（令牌仅返回一次）",
    tag: "tokens",
    access: { roles: ALL_ROLES },
    body: createApiTokenRequestSchema,
    response: createApiTokenResponseSchema,
    handler: async ({ body, user, request }) => {
      // A leaked token must not be able to mint successors that survive its revocation.
      if (request.session?.via === "token") throw new AppError("FORBIDDEN", "请登录后在页面上创建 API 令牌");
      return createApiToken(ctx.db, { user: requireUser(user), name: body.name });
    },
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/tokens",
    summary: "我的 API 令牌",
    tag: "tokens",
    access: { roles: ALL_ROLES },
    response: apiTokenListSchema,
    handler: async ({ user }) => ({ items: await listApiTokens(ctx.db, { user: requireUser(user) }) }),
  });

  defineRoute(app, {
    method: "DELETE",
    url: "/api/tokens/:id",
    summary: "撤销 API 令牌",
    tag: "tokens",
    access: { roles: ALL_ROLES },
    params: idParamsSchema,
    response: apiTokenSchema,
    handler: async ({ params, user }) => revokeOwnApiToken(ctx.db, { user: requireUser(user), id: params.id }),
  });
}
