/**
 * Every expected failure in Luoshi: a stable code and a Chinese message for the UI. Domain code throws these;
 * only the HTTP edge (http/error-status.ts) knows what status a code becomes.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export type ErrorCode =
  | "VALIDATION_FAILED"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "CSRF_FAILED"
  | "NOT_FOUND"
  | "CONFLICT"
  | "UNRESOLVED_UNITS"
  | "INVALID_CREDENTIALS"
  | "ACCOUNT_LOCKED"
  | "PASSWORD_POLICY"
  | "PASSWORD_CHANGE_REQUIRED"
  | "TOO_MANY_REQUESTS"
  | "INTERNAL_ERROR";
