import type { ErrorCode } from "./app-error.ts";

/** The one table from error code to HTTP status. Exhaustive: a new code without a status does not compile. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  // Publishing a plan whose unit names are not all mapped to the registry: a state the office must fix first.
  UNRESOLVED_UNITS: 409,
  PASSWORD_POLICY: 422,
  ACCOUNT_LOCKED: 423,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
};
