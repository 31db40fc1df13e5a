import type { FastifyInstance, FastifyRequest } from "fastify";
import { roleSchema, type Role, type SessionUser } from "@luoshi/contract";
import { findSessionUser } from "../modules/auth/auth.service.ts";
import { findApiTokenUser } from "../modules/users/api-token.service.ts";
import { AppError } from "./app-error.ts";
import type { AppContext } from "./app-context.ts";

export const SESSION_COOKIE = "luoshi_session";
export const CSRF_HEADER = "x-csrf-token";

/**
 * Who is calling. `via: "cookie"` is a browser session (sessionId set, CSRF enforced); `via: "token"` an
 * integration with `Authorization: Bearer` (no cookie, no CSRF, csrfToken empty, apiTokenId set).
 */
type Session = {
  user: SessionUser;
  csrfToken: string;
  sessionId: string | undefined;
  via: "cookie" | "token";
  apiTokenId?: string;
};

declare module "fastify" {
  interface FastifyRequest {
    session?: Session;
  }
  interface FastifyContextConfig {
    /** Reachable without a session (health, login, public pages). */
    public?: boolean;
    /** Who may call the route; every non-public /api route must declare it (checked when routes register). */
    roles?: readonly Role[];
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
    const bearer = bearerToken(request.headers.authorization);
    let session: Session;
    if (bearer !== undefined) {
      // A bearer token is never sent by a browser on its own, so there is no cross-site request to guard against.
      const found = await findApiTokenUser(ctx.db, bearer);
      if (!found) throw new AppError("UNAUTHENTICATED", "API 令牌无效或已撤销");
      session = { user: found.user, csrfToken: "", sessionId: undefined, via: "token", apiTokenId: found.apiTokenId };
    } else {
      const token = request.cookies[SESSION_COOKIE];
      const found = token
        ? await findSessionUser(ctx.db, token, {
            sessionHours: ctx.config.sessionHours,
            idleMinutes: ctx.config.sessionIdleMinutes,
          })
        : undefined;
      if (!found) throw new AppError("UNAUTHENTICATED", "请先登录");
      if (!SAFE_METHODS.has(request.method) && request.headers[CSRF_HEADER] !== found.csrfToken) {
        throw new AppError("CSRF_FAILED", "请求校验失败，请刷新页面后重试");
      }
      session = { ...found, via: "cookie" };
    }
    if (
      session.user.mustChangePassword &&
      !request.routeOptions.config.allowPasswordChangePending &&
      request.method !== "GET"
    ) {
      throw new AppError("PASSWORD_CHANGE_REQUIRED", "首次登录须先修改密码");
    }
    const allowed = request.routeOptions.config.roles ?? [];
    if (!session.user.roles.some((role) => allowed.includes(role))) {
      throw new AppError("FORBIDDEN", "没有权限执行此操作");
    }
    request.session = session;
  });

  // A route that forgets to say who may call it must not start: the authorisation test walks these declarations.
  app.addHook("onRoute", (route) => {
    if (!route.url.startsWith("/api/")) return;
    const config = (route.config ?? {}) as { public?: boolean; roles?: readonly Role[] };
    if (!config.public && !config.roles?.length) {
      throw new Error(`route ${String(route.method)} ${route.url} declares neither public nor roles`);
    }
  });
}

export const ALL_ROLES: readonly Role[] = roleSchema.options;

/** The token of an `Authorization: Bearer <token>` header; undefined for no header or another scheme. */
function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

export function requireSession(request: FastifyRequest): Session {
  if (!request.session) throw new AppError("UNAUTHENTICATED", "请先登录");
  return request.session;
}
