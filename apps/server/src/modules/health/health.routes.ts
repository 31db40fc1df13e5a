import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import { healthResponseSchema } from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";
import { defineRoute } from "../../http/define-route.ts";
import { buildOpenApi, renderApiPage } from "../../http/openapi.ts";

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  defineRoute(app, {
    method: "GET",
    url: "/api/health",
    summary: "健康检查",
    tag: "system",
    access: { public: true },
    response: healthResponseSchema,
    handler: async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: "ok" as const, database: ctx.dialect, version: ctx.version };
    },
  });

  // The API document is generated from the declared routes, so it is registered last by the app.
  app.get("/api/openapi.json", { config: { public: true } }, async () => buildOpenApi(ctx.version));
  app.get("/api/docs", { config: { public: true } }, async (_request, reply) =>
    reply.type("text/html; charset=utf-8").send(renderApiPage(buildOpenApi(ctx.version))),
  );
}
