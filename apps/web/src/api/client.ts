import { z } from "zod";
import {
  calendarDaySchema,
  calendarNoticeResultSchema,
  calendarYearSchema,
  coverageReportSchema,
  draftPlanResultSchema,
  itemLinkListSchema,
  itemSuggestionsSchema,
  publicPlanListSchema,
  publicPlanSchema,
  type CalendarNoticeRequest,
  type DraftPlanRequest,
  type SetCalendarDayRequest,
  type SetItemLinksRequest,
  assignmentListSchema,
  auditPageSchema,
  createUserResponseSchema,
  documentDetailSchema,
  documentListSchema,
  importResultSchema,
  planDetailSchema,
  planItemSchema,
  planListSchema,
  planVersionListSchema,
  publishResultSchema,
  resolveDeadlineResponseSchema,
  unitMappingResultSchema,
  unitNoticeListSchema,
  unitNoticeSchema,
  errorBodySchema,
  jurisdictionListSchema,
  meResponseSchema,
  resetPasswordResponseSchema,
  unitGroupListSchema,
  unitGroupSchema,
  unitListSchema,
  unitSchema,
  userListSchema,
  userSchema,
  type AuditExportQuery,
  type AuditQuery,
  type ChangePasswordRequest,
  type CreateGroupRequest,
  type CreateUnitRequest,
  type CreateUserRequest,
  type ImportFileRequest,
  type LoginRequest,
  type MergePlanItemsRequest,
  type PlanExportQuery,
  type PublishPlanRequest,
  type ResolveDeadlineRequest,
  type SplitPlanItemRequest,
  type UnitMappingRequest,
  type UnitRole,
  type UpdatePlanItemRequest,
  type UpdateUnitRequest,
  type ListUsersQuery,
  type UpdateUserRequest,
} from "@luoshi/contract";

/**
 * The one way the UI talks to the server. Every response is parsed with the contract's zod schema, every write
 * carries the session's CSRF token, and every failure becomes an ApiError holding the server's Chinese message.
 * Screens call the typed functions in `api` at the bottom of this file, never fetch().
 */

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const CSRF_HEADER = "x-csrf-token";

let csrfToken: string | undefined;

/** Set from the login response or /api/auth/me; cleared on logout. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

type Listener = (error: ApiError) => void;
const sessionListeners = new Set<Listener>();

/** Told when the server says the session is gone (401) or the password must be changed first. */
export function onSessionProblem(listener: Listener): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(url: string, query: Query | undefined): string {
  if (!query) return url;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${url}?${text}` : url;
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

async function send(method: Method, url: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers[CSRF_HEADER] = csrfToken;
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: "same-origin",
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError("NETWORK", "无法连接服务器，请检查网络或稍后重试", 0);
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  const text = await response.text();
  let parsed: ReturnType<typeof errorBodySchema.safeParse> | undefined;
  try {
    parsed = errorBodySchema.safeParse(JSON.parse(text));
  } catch {
    parsed = undefined;
  }
  const error = parsed?.success
    ? new ApiError(parsed.data.error.code, parsed.data.error.message, response.status)
    : new ApiError("HTTP_" + response.status, `服务器返回错误（HTTP ${response.status}）`, response.status);
  if (error.code === "UNAUTHENTICATED" || error.code === "PASSWORD_CHANGE_REQUIRED") {
    for (const listener of sessionListeners) listener(error);
  }
  return error;
}

/** Call a JSON endpoint and parse its answer with the contract schema `schema`. */
export async function request<S extends z.ZodType>(
  method: Method,
  url: string,
  schema: S,
  options: { body?: unknown; query?: Query } = {},
): Promise<z.infer<S>> {
  const response = await send(method, withQuery(url, options.query), options.body);
  if (!response.ok) throw await toApiError(response);
  const result = schema.safeParse(await response.json());
  if (!result.success) {
    // The server and the UI share one contract, so this means they were deployed from different versions.
    console.error(`response of ${method} ${url} does not match the contract`, result.error.issues);
    throw new ApiError("CONTRACT_MISMATCH", "服务器返回的数据格式与界面版本不一致，请刷新页面", response.status);
  }
  return result.data;
}

/**
 * Download a file the server generates (exports). Fetched rather than linked so an error body becomes a
 * Chinese message instead of a browser error page.
 */
export async function download(url: string, query: Query | undefined, fallbackName: string): Promise<void> {
  const response = await send("GET", withQuery(url, query), undefined);
  if (!response.ok) throw await toApiError(response);
  const blob = await response.blob();
  saveBlob(blob, fileNameOf(response.headers.get("content-disposition")) ?? fallbackName);
}

function fileNameOf(disposition: string | null): string | undefined {
  if (!disposition) return undefined;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) return decodeURIComponent(star[1]);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1];
}

export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = href;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** How far an upload has got: bytes sent of the request body (the server's work after that has no progress). */
export type UploadProgress = { loaded: number; total: number };

/**
 * A JSON POST with upload progress (fetch cannot report it): XMLHttpRequest, otherwise the same rules as
 * `request` — CSRF header, contract-parsed answer, ApiError with the server's Chinese message.
 */
export function requestWithProgress<S extends z.ZodType>(
  url: string,
  schema: S,
  body: unknown,
  onProgress: (progress: UploadProgress) => void,
): Promise<z.infer<S>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json");
    xhr.setRequestHeader("content-type", "application/json");
    if (csrfToken) xhr.setRequestHeader(CSRF_HEADER, csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    };
    xhr.onerror = () => reject(new ApiError("NETWORK", "无法连接服务器，请检查网络或稍后重试", 0));
    xhr.onload = () => {
      const response = new Response(xhr.responseText, { status: xhr.status });
      if (xhr.status < 200 || xhr.status >= 300) {
        void toApiError(response).then(reject);
        return;
      }
      let json: unknown;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        reject(new ApiError("HTTP_" + xhr.status, "服务器返回的内容无法识别", xhr.status));
        return;
      }
      const result = schema.safeParse(json);
      if (!result.success) {
        console.error(`response of POST ${url} does not match the contract`, result.error.issues);
        reject(new ApiError("CONTRACT_MISMATCH", "服务器返回的数据格式与界面版本不一致，请刷新页面", xhr.status));
        return;
      }
      resolve(result.data);
    };
    xhr.send(JSON.stringify(body));
  });
}

const okSchema = z.object({ ok: z.literal(true) });
const id = (value: string) => encodeURIComponent(value);

/** Every endpoint the UI uses, by module. URLs live here and nowhere else. */
export const api = {
  auth: {
    me: () => request("GET", "/api/auth/me", meResponseSchema),
    login: (body: LoginRequest) => request("POST", "/api/auth/login", meResponseSchema, { body }),
    logout: () => request("POST", "/api/auth/logout", okSchema),
    changePassword: (body: ChangePasswordRequest) => request("POST", "/api/auth/password", okSchema, { body }),
  },
  org: {
    jurisdictions: () => request("GET", "/api/org/jurisdictions", jurisdictionListSchema),
    units: (query: { jurisdictionId?: string; q?: string; includeBelow?: boolean }) =>
      request("GET", "/api/org/units", unitListSchema, { query }),
    unit: (unitId: string) => request("GET", `/api/org/units/${encodeURIComponent(unitId)}`, unitSchema),
    createUnit: (body: CreateUnitRequest) => request("POST", "/api/org/units", unitSchema, { body }),
    updateUnit: (id: string, body: UpdateUnitRequest) =>
      request("PATCH", `/api/org/units/${encodeURIComponent(id)}`, unitSchema, { body }),
    addAlias: (id: string, name: string) =>
      request("POST", `/api/org/units/${encodeURIComponent(id)}/aliases`, unitSchema, { body: { name } }),
    groups: (query: { jurisdictionId?: string }) => request("GET", "/api/org/groups", unitGroupListSchema, { query }),
    createGroup: (body: CreateGroupRequest) => request("POST", "/api/org/groups", unitGroupSchema, { body }),
    setGroupMembers: (id: string, body: { version: number; memberIds: string[] }) =>
      request("PUT", `/api/org/groups/${encodeURIComponent(id)}/members`, unitGroupSchema, { body }),
    exportXlsx: (jurisdictionId: string) =>
      download("/api/org/export", { format: "xlsx", jurisdictionId }, "组织机构.xlsx"),
  },
  users: {
    list: (query: ListUsersQuery = {}) => request("GET", "/api/users", userListSchema, { query }),
    create: (body: CreateUserRequest) => request("POST", "/api/users", createUserResponseSchema, { body }),
    update: (id: string, body: UpdateUserRequest) =>
      request("PATCH", `/api/users/${encodeURIComponent(id)}`, userSchema, { body }),
    resetPassword: (id: string) =>
      request("POST", `/api/users/${encodeURIComponent(id)}/reset-password`, resetPasswordResponseSchema),
    unlock: (id: string) => request("POST", `/api/users/${encodeURIComponent(id)}/unlock`, userSchema),
  },
  audit: {
    page: (query: Partial<AuditQuery>) => request("GET", "/api/audit", auditPageSchema, { query }),
    exportXlsx: (query: Partial<AuditExportQuery>) =>
      download("/api/audit/export", { ...query, format: "xlsx" }, "审计日志.xlsx"),
  },
  imports: {
    /** One file, base64 in JSON; `onProgress` follows the upload of the request body. */
    upload: (body: ImportFileRequest, onProgress: (progress: UploadProgress) => void) =>
      requestWithProgress("/api/imports", importResultSchema, body, onProgress),
  },
  documents: {
    list: (query: { jurisdictionId?: string }) => request("GET", "/api/documents", documentListSchema, { query }),
    get: (documentId: string) => request("GET", `/api/documents/${id(documentId)}`, documentDetailSchema),
    downloadSource: (documentId: string, fallbackName: string) =>
      download(`/api/documents/${id(documentId)}/source`, undefined, fallbackName),
  },
  plans: {
    list: (query: { jurisdictionId?: string }) => request("GET", "/api/plans", planListSchema, { query }),
    get: (planId: string) => request("GET", `/api/plans/${id(planId)}`, planDetailSchema),
    mapUnit: (planId: string, body: UnitMappingRequest) =>
      request("POST", `/api/plans/${id(planId)}/unit-mappings`, unitMappingResultSchema, { body }),
    updateItem: (planId: string, itemId: string, body: UpdatePlanItemRequest) =>
      request("PATCH", `/api/plans/${id(planId)}/items/${id(itemId)}`, planItemSchema, { body }),
    splitItem: (planId: string, itemId: string, body: SplitPlanItemRequest) =>
      request("POST", `/api/plans/${id(planId)}/items/${id(itemId)}/split`, planDetailSchema, { body }),
    mergeItems: (planId: string, body: MergePlanItemsRequest) =>
      request("POST", `/api/plans/${id(planId)}/items/merge`, planDetailSchema, { body }),
    publish: (planId: string, body: PublishPlanRequest) =>
      request("POST", `/api/plans/${id(planId)}/publish`, publishResultSchema, { body }),
    versions: (planId: string) => request("GET", `/api/plans/${id(planId)}/versions`, planVersionListSchema),
    /** 分工方案 (whole table) or, with unitId, 本单位任务清单, as Word or Excel from the server. */
    exportFile: (planId: string, query: PlanExportQuery, fallbackName: string) =>
      download(`/api/plans/${id(planId)}/export`, query, fallbackName),
  },
  assignments: {
    list: (query: { planId?: string; unitId?: string; role?: UnitRole }) =>
      request("GET", "/api/assignments", assignmentListSchema, { query }),
  },
  notices: {
    list: (query: { unitId?: string; unreadOnly?: boolean }) =>
      request("GET", "/api/notices", unitNoticeListSchema, { query }),
    markRead: (noticeId: string) => request("POST", `/api/notices/${id(noticeId)}/read`, unitNoticeSchema),
  },
  calendar: {
    year: (year: number) => request("GET", `/api/calendar/${year}`, calendarYearSchema),
    /** Add or change one date (an office entry overrides the built-in one). */
    setDay: (body: SetCalendarDayRequest) => request("POST", "/api/calendar/days", calendarDaySchema, { body }),
    /** The State Council's holiday notice: `dryRun` only previews the days it would add or change. */
    importNotice: (body: CalendarNoticeRequest, dryRun: boolean) =>
      request("POST", "/api/calendar/notice", calendarNoticeResultSchema, { body, query: { dryRun } }),
    resolve: (body: ResolveDeadlineRequest) =>
      request("POST", "/api/calendar/resolve", resolveDeadlineResponseSchema, { body }),
  },
  drafting: {
    /** “据此起草本地方案”: a draft local plan from an upstream one, with suggested units per item. */
    draft: (body: DraftPlanRequest) => request("POST", "/api/plans/draft", draftPlanResultSchema, { body }),
    suggestions: (planId: string, itemId: string) =>
      request("GET", `/api/plans/${id(planId)}/items/${id(itemId)}/suggestions`, itemSuggestionsSchema),
    links: (planId: string, itemId: string) =>
      request("GET", `/api/plans/${id(planId)}/items/${id(itemId)}/links`, itemLinkListSchema),
    /** Which upstream items a local item implements (replaces the item's links). */
    setLinks: (planId: string, itemId: string, body: SetItemLinksRequest) =>
      request("PUT", `/api/plans/${id(planId)}/items/${id(itemId)}/links`, itemLinkListSchema, { body }),
    coverage: (planId: string, upstreamPlanId?: string) =>
      request("GET", `/api/plans/${id(planId)}/coverage`, coverageReportSchema, { query: { upstreamPlanId } }),
  },
  /** The public pages (no login). */
  publicPlans: {
    list: (jurisdiction: string) =>
      request("GET", "/api/public/plans", publicPlanListSchema, { query: { jurisdiction } }),
    get: (planId: string) => request("GET", `/api/public/plans/${id(planId)}`, publicPlanSchema),
  },
};
