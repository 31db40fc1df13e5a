import type { z } from "zod";
import { AppError } from "./app-error.ts";

/** Validates a request body with a contract schema; the first problem becomes a Chinese VALIDATION_FAILED. */
export function parseBody<T extends z.ZodType>(schema: T, body: unknown): z.infer<T> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `（${issue.path.join(".")}）` : "";
  throw new AppError("VALIDATION_FAILED", `请求内容无效${where}：${issue?.message ?? "格式错误"}`);
}
