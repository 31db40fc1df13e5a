import cookie from "@fastify/cookie";
import Fastify, { type FastifyInstance } from "fastify";
import type { ErrorBody } from "@luoshi/contract";
import { registerAuditRoutes } from "../modules/audit/audit.routes.ts";
import { registerAuthRoutes } from "../modules/auth/auth.routes.ts";
import { registerCalendarRoutes } from "../modules/calendar/calendar.routes.ts";
import { registerHealthRoutes } from "../modules/health/health.routes.ts";
import { registerOrgRoutes } from "../modules/org/org.routes.ts";
import { registerPlanRoutes } from "../modules/plan/plan.routes.ts";
import { registerPlanDraftRoutes } from "../modules/plan-draft/plan-draft.routes.ts";
import { registerPlanPublishRoutes } from "../modules/plan-publish/plan-publish.routes.ts";
import { registerApiTokenRoutes } from "../modules/users/api-token.routes.ts";
import { registerUserRoutes } from "../modules/users/users.routes.ts";
import { AppError } from "./app-error.ts";
import type { AppContext } from "./app-context.ts";
import { ERROR_STATUS } from "./error-status.ts";
import { registerSessionHook } from "./session-hook.ts";
import { registerWebAssets } from "./web-assets.ts";

/** The HTTP application: plugins, the session gate, every module's routes, and one error presenter. */
export async function buildApp(ctx: AppContext, options: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 50 * 1024 * 1024 });
  await app.register(cookie);
  registerSessionHook(app, ctx);
  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerOrgRoutes(app, ctx);
  registerUserRoutes(app, ctx);
  registerApiTokenRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerPlanRoutes(app, ctx);
  registerPlanPublishRoutes(app, ctx);
  registerPlanDraftRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerWebAssets(app);

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { error: { code: "NOT_FOUND", message: `接口不存在：${request.method} ${request.url}` } };
    // An unknown /api route without a session answers 401 like every other protected route.
    void reply
      .status(request.url.startsWith("/api/") && !request.cookies.luoshi_session ? 401 : 404)
      .send(
        request.url.startsWith("/api/") && !request.cookies.luoshi_session
          ? { error: { code: "UNAUTHENTICATED", message: "请先登录" } }
          : body,
      );
  });

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof AppError) {
      return reply
        .status(ERROR_STATUS[error.code])
        .send({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
    }
    const status =
      typeof (error as { statusCode?: unknown }).statusCode === "number"
        ? (error as { statusCode: number }).statusCode
        : 500;
    if (status < 500) {
      return reply.status(status).send({
        error: { code: "VALIDATION_FAILED", message: `请求无效：${(error as Error).message}` },
      } satisfies ErrorBody);
    }
    request.log.error(error);
    return reply
      .status(500)
      .send({ error: { code: "INTERNAL_ERROR", message: "服务器内部错误，请稍后重试" } } satisfies ErrorBody);
  });
  return app;
}
