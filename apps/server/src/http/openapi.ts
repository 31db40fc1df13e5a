import { z } from "zod";
import { errorBodySchema } from "@luoshi/contract";
import { routeRegistry } from "./define-route.ts";

const toSchema = (schema: z.ZodType) => z.toJSONSchema(schema, { unrepresentable: "any", io: "input" });

/** OpenAPI 3.1 generated from the routes' contract schemas: the document cannot drift from the code. */
export function buildOpenApi(version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routeRegistry) {
    const path = route.url.replace(/:([A-Za-z_]+)/g, "{$1}");
    const parameters = [
      ...Object.keys((route.params as z.ZodObject | undefined)?.shape ?? {}).map((name) => ({
        name,
        in: "path",
        required: true,
        schema: { type: "string" },
      })),
      ...Object.entries((route.query as z.ZodObject | undefined)?.shape ?? {}).map(([name, s]) => ({
        name,
        in: "query",
        required: !(s as z.ZodType).safeParse(undefined).success,
        schema: toSchema(s as z.ZodType),
      })),
    ];
    (paths[path] ??= {})[route.method.toLowerCase()] = {
      summary: route.summary,
      tags: [route.tag],
      security: "public" in route.access ? [] : [{ session: [] }, { bearer: [] }],
      "x-roles": "public" in route.access ? "public" : route.access.roles,
      parameters,
      ...(route.body
        ? { requestBody: { required: true, content: { "application/json": { schema: toSchema(route.body) } } } }
        : {}),
      responses: {
        200: route.response
          ? { description: "成功", content: { "application/json": { schema: toSchema(route.response) } } }
          : {
              description: "文件",
              content: Object.fromEntries([route.produces ?? "application/octet-stream"].flat().map((t) => [t, {}])),
            },
        default: { description: "错误", content: { "application/json": { schema: toSchema(errorBodySchema) } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: { title: "落实 Luoshi API", version },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "luoshi_session" },
        // Integrations: an API token from POST /api/tokens, sent as `Authorization: Bearer <token>` (no CSRF).
        bearer: { type: "http", scheme: "bearer" },
      },
    },
    paths,
  };
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c] ?? c);

/** A readable API page for integrators: every route, who may call it, and its schemas, from the same document. */
export function renderApiPage(doc: Record<string, unknown>): string {
  const paths = doc.paths as Record<
    string,
    Record<string, { summary: string; "x-roles": unknown; requestBody?: unknown }>
  >;
  const rows = Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(
      ([method, op]) =>
        `<tr><td><code>${method.toUpperCase()}</code></td><td><code>${escapeHtml(path)}</code></td><td>${escapeHtml(op.summary)}</td><td>${escapeHtml(
          Array.isArray(op["x-roles"]) ? op["x-roles"].join("、") : "公开",
        )}</td></tr>`,
    ),
  );
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>落实 Luoshi API</title>
<style>body{font-family:"Noto Sans CJK SC",sans-serif;margin:2rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}</style>
</head><body><h1>落实 Luoshi API</h1><p>机器可读文档：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1）。错误响应统一为 <code>{"error":{"code","message"}}</code>。</p>
<table><thead><tr><th>方法</th><th>路径</th><th>说明</th><th>角色</th></tr></thead><tbody>${rows.join("")}</tbody></table></body></html>`;
}
