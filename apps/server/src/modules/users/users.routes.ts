import type { FastifyInstance } from "fastify";
import {
  createUserRequestSchema,
  createUserResponseSchema,
  idParamsSchema,
  listUsersQuerySchema,
  resetPasswordResponseSchema,
  updateUserRequestSchema,
  userListSchema,
  userSchema,
} from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { createUser, findUsers, getUser, resetPassword, unlockUser, updateUser } from "./users.service.ts";

// Account administration belongs to the system admin and, within their jurisdiction, the 政务公开办.
const MANAGERS = ["admin", "office"] as const;

export function registerUserRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "GET",
    url: "/api/users",
    summary: "账号列表（政务公开办只见本辖区及下级）",
    tag: "users",
    access: { roles: MANAGERS },
    query: listUsersQuerySchema,
    response: userListSchema,
    handler: async ({ query, user }) => ({
      items: await findUsers(ctx.db, { actor: requireUser(user), filter: query }),
    }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/users",
    summary: "创建账号（初始密码仅返回一次，首次登录须修改）",
    tag: "users",
    access: { roles: MANAGERS },
    body: createUserRequestSchema,
    response: createUserResponseSchema,
    handler: async ({ body, user }) => createUser(ctx.db, { actor: requireUser(user), input: body }),
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/users/:id",
    summary: "账号详情",
    tag: "users",
    access: { roles: MANAGERS },
    params: idParamsSchema,
    response: userSchema,
    handler: async ({ params, user }) => getUser(ctx.db, { actor: requireUser(user), id: params.id }),
  });

  defineRoute(app, {
    method: "PATCH",
    url: "/api/users/:id",
    summary: "修改账号（角色、所属、停用；须带读取时的 version）",
    tag: "users",
    access: { roles: MANAGERS },
    params: idParamsSchema,
    body: updateUserRequestSchema,
    response: userSchema,
    handler: async ({ params, body, user }) =>
      updateUser(ctx.db, { actor: requireUser(user), id: params.id, input: body }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/users/:id/reset-password",
    summary: "重置密码（新密码仅返回一次，结束该账号所有会话）",
    tag: "users",
    access: { roles: MANAGERS },
    params: idParamsSchema,
    response: resetPasswordResponseSchema,
    handler: async ({ params, user }) => resetPassword(ctx.db, { actor: requireUser(user), id: params.id }),
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/users/:id/unlock",
    summary: "解除登录锁定",
    tag: "users",
    access: { roles: MANAGERS },
    params: idParamsSchema,
    response: userSchema,
    handler: async ({ params, user }) => unlockUser(ctx.db, { actor: requireUser(user), id: params.id }),
  });
}
