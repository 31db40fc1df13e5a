import type { FastifyInstance } from "fastify";
import { sql } from "kysely";
import type { HealthResponse } from "@luoshi/contract";
import type { AppContext } from "../../http/app-context.ts";

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get("/api/health", { config: { public: true } }, async () => {
    await sql`select 1`.execute(ctx.db);
    return { status: "ok", database: ctx.dialect, version: ctx.version } satisfies HealthResponse;
  });
}
