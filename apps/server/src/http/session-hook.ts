import type { FastifyInstance, FastifyRequest } from "fastify";
import type { SessionUser } from "@luoshi/contract";
import { findSessionUser } from "../modules/auth/auth.service.ts";
import { AppError } from "./app-error.ts";
import type { AppContext } from "./app-context.ts";

export const SESSION_COOKIE = "luoshi_session";
export const CSRF_HEADER = "x-csrf-token";

type Session = { user: SessionUser; csrfToken: string; sessionId: string };

declare module "fastify" {
  interface FastifyRequest {
    session?: Session;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, login, public pages). */
    public?: boolean;
    /** Reachable while the user still has to change the initial password. */
    allowPasswordChangePending?: boolean;
  }
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Every /api route needs a session unless it declares `public`. Cookie-authenticated writes must echo the
 * session's CSRF token in a header (SameSite=Strict is the first line, this the second).
 */
export function registerSessionHook(app: FastifyInstance, ctx: AppContext): void {
  app.addHook("onRequest", async (request) => {
    if (!request.url.startsWith("/api/") || request.routeOptions.config.public) return;
    const token = request.cookies[SESSION_COOKIE];
    const session = token ? await findSessionUser(ctx.db, token, { sessionHours: ctx.config.sessionHours }) : undefined;
    if (!session) throw new AppError("UNAUTHENTICATED", "请先登录");
    if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== session.csrfToken) {
      throw new AppError("CSRF_FAILED", "请求校验失败，请刷新页面后重试");
    }
    if (
      session.user.mustChangePassword &&
      !request.routeOptions.config.allowPasswordChangePending &&
      request.method !== "GET"
    ) {
      throw new AppError("PASSWORD_CHANGE_REQUIRED", "首次登录须先修改密码");
    }
    request.session = session;
  });
}

export function requireSession(request: FastifyRequest): Session {
  if (!request.session) throw new AppError("UNAUTHENTICATED", "请先登录");
  return request.session;
}
