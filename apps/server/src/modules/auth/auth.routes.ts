import type { FastifyInstance } from "fastify";
import { changePasswordRequestSchema, loginRequestSchema, type MeResponse } from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { SESSION_COOKIE, requireSession } from "../../http/session-hook.ts";
import { parseBody } from "../../http/validate.ts";
import { changePassword, login, logout } from "./auth.service.ts";

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.post("/api/auth/login", { config: { public: true } }, async (request, reply) => {
    const input = parseBody(loginRequestSchema, request.body);
    const result = await login(ctx.db, input, { sessionHours: ctx.config.sessionHours });
    reply.setCookie(SESSION_COOKIE, result.token, {
      httpOnly: true,
      sameSite: "strict",
      secure: ctx.config.secureCookies,
      path: "/",
      expires: new Date(result.expiresAt),
    });
    return { user: result.user, csrfToken: result.csrfToken } satisfies MeResponse;
  });

  app.get("/api/auth/me", async (request) => {
    const session = requireSession(request);
    return { user: session.user, csrfToken: session.csrfToken } satisfies MeResponse;
  });

  app.post("/api/auth/logout", async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await logout(ctx.db, token);
    reply.clearCookie(SESSION_COOKIE, { path: "/" });
    return { ok: true };
  });

  app.post("/api/auth/password", { config: { allowPasswordChangePending: true } }, async (request) => {
    const session = requireSession(request);
    const input = parseBody(changePasswordRequestSchema, request.body);
    await changePassword(ctx.db, { userId: session.user.id, sessionId: session.sessionId, ...input });
    return { ok: true };
  });
}
