import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Role, SessionUser } from "@luoshi/contract";
import { AppError } from "./app-error.ts";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Schema = z.ZodType;

/** Who may call a route: anyone (public), or signed-in users holding one of `roles`. */
export type Access = { public: true } | { roles: readonly Role[] };

export type RouteSpec<B extends Schema, Q extends Schema, P extends Schema, R extends Schema> = {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  access: Access;
  /** Reachable while the user still must change the initial password. */
  allowPasswordChangePending?: boolean;
  body?: B;
  query?: Q;
  params?: P;
  /** The JSON response; omit for routes that stream files (then `produces` names the media type or types). */
  response?: R;
  produces?: string | readonly string[];
  handler: (input: {
    body: z.infer<B>;
    query: z.infer<Q>;
    params: z.infer<P>;
    user: SessionUser | undefined;
    sessionId: string | undefined;
    request: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<R extends Schema ? z.infer<R> : unknown>;
};

export type RegisteredRoute = Omit<RouteSpec<Schema, Schema, Schema, Schema>, "handler">;

/** Every route the app registers, for the OpenAPI document and the generated authorisation test. */
export const routeRegistry: RegisteredRoute[] = [];

function parse<S extends Schema>(schema: S | undefined, value: unknown, where: string): z.infer<S> {
  if (!schema) return undefined as z.infer<S>;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.length ? `（${issue.path.join(".")}）` : "";
  throw new AppError("VALIDATION_FAILED", `${where}无效${path}：${issue?.message ?? "格式错误"}`);
}

/**
 * The one way routes are declared: method, URL, who may call it, the contract schemas for input and output,
 * and a handler that receives validated input. Routes stay thin: validate → call one service → present.
 */
export function defineRoute<B extends Schema, Q extends Schema, P extends Schema, R extends Schema>(
  app: FastifyInstance,
  spec: RouteSpec<B, Q, P, R>,
): void {
  const { handler, ...declared } = spec;
  if (!routeRegistry.some((r) => r.method === spec.method && r.url === spec.url)) routeRegistry.push(declared);
  app.route({
    method: spec.method,
    url: spec.url,
    config:
      "public" in spec.access
        ? { public: true }
        : { roles: spec.access.roles, allowPasswordChangePending: spec.allowPasswordChangePending ?? false },
    handler: async (request, reply) => {
      const result = await handler({
        body: parse(spec.body, request.body, "请求内容"),
        query: parse(spec.query, request.query, "查询参数"),
        params: parse(spec.params, request.params, "路径参数"),
        user: request.session?.user,
        sessionId: request.session?.sessionId,
        request,
        reply,
      });
      return result;
    },
  });
}

export function requireUser(user: SessionUser | undefined): SessionUser {
  if (!user) throw new AppError("UNAUTHENTICATED", "请先登录");
  return user;
}
