import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { changePasswordRequestSchema, loginRequestSchema, meResponseSchema } from "@luoshi/contract";
import { AppError } from "../../http/app-error.ts";
import type { AppContext } from "../../http/app-context.ts";
import { defineRoute, requireUser } from "../../http/define-route.ts";
import { ALL_ROLES, SESSION_COOKIE } from "../../http/session-hook.ts";
import { changePassword, login, logout } from "./auth.service.ts";
import { createLoginThrottle } from "./login-throttle.ts";

const okSchema = z.object({ ok: z.literal(true) });

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const throttle = createLoginThrottle({ limit: ctx.config.loginAttemptsPerMinute });
  defineRoute(app, {
    method: "POST",
    url: "/api/auth/login",
    summary: "登录（设置会话 Cookie）",
    tag: "auth",
    access: { public: true },
    body: loginRequestSchema,
    response: meResponseSchema,
    handler: async ({ body, request, reply }) => {
      // request.ip is the socket address: behind a reverse proxy all clients share it (see trustProxy).
      if (!throttle.tryAttempt(request.ip)) {
        void reply.header("retry-after", String(throttle.retryAfterSeconds(request.ip)));
        throw new AppError("TOO_MANY_REQUESTS", "登录尝试过于频繁，请稍后再试");
      }
      const result = await login(ctx.db, body, { sessionHours: ctx.config.sessionHours });
      reply.setCookie(SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: "strict",
        secure: ctx.config.secureCookies,
        path: "/",
        expires: new Date(result.expiresAt),
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  });

  defineRoute(app, {
    method: "GET",
    url: "/api/auth/me",
    summary: "当前用户与角色",
    tag: "auth",
    access: { roles: ALL_ROLES },
    allowPasswordChangePending: true,
    response: meResponseSchema,
    handler: async ({ request }) => {
      const session = request.session;
      return { user: requireUser(session?.user), csrfToken: session?.csrfToken ?? "" };
    },
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/auth/logout",
    summary: "退出登录",
    tag: "auth",
    access: { roles: ALL_ROLES },
    allowPasswordChangePending: true,
    response: okSchema,
    handler: async ({ request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await logout(ctx.db, token);
      reply.clearCookie(SESSION_COOKIE, { path: "/" });
      return { ok: true as const };
    },
  });

  defineRoute(app, {
    method: "POST",
    url: "/api/auth/password",
    summary: "修改密码（首次登录必须修改）",
    tag: "auth",
    access: { roles: ALL_ROLES },
    allowPasswordChangePending: true,
    body: changePasswordRequestSchema,
    response: okSchema,
    handler: async ({ body, user, sessionId }) => {
      await changePassword(ctx.db, { userId: requireUser(user).id, sessionId: sessionId ?? "", ...body });
      return { ok: true as const };
    },
  });
}
