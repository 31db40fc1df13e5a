import type { ErrorBody } from "@luoshi/contract";

/** Every CLI failure exits 2 with `{"error":{code,message}}` on stderr: the same body the HTTP API uses. */
export const FAILURE_EXIT_CODE = 2;

export class CliError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = "CliError";
    this.code = code;
  }
}

export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof CliError) return { error: { code: error.code, message: error.message } };
  const detail = error instanceof Error ? error.message : String(error);
  return { error: { code: "INTERNAL_ERROR", message: `内部错误：${detail || "未知异常"}` } };
}
