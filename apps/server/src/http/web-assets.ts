import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

const DEFAULT_ROOT = fileURLToPath(new URL("../../../web/dist/", import.meta.url));

// antd writes its styles at run time (CSS-in-JS), hence 'unsafe-inline' for styles only; scripts are all files.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const PAGE_HEADERS: Record<string, string> = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "same-origin",
};

const BUILD_MISSING_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>落实 · 网页界面尚未构建</title></head>
<body style="font-family: 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.8">
<h1>网页界面尚未构建</h1>
<p>服务器已启动，接口 <code>/api/</code> 可以使用，但找不到网页界面文件（apps/web/dist）。</p>
<p>请在项目根目录执行 <code>npm run build:web</code>（或用 <code>npm start</code> 启动，会自动构建），然后重启服务并刷新本页。</p>
</body></html>`;

/**
 * Serves the built admin UI (apps/web/dist) from the same origin as the API, so the session cookie can stay
 * SameSite=Strict. Hashed files under /assets/ are cached for a year; index.html never, so a deployment shows
 * at once. Any other GET outside /api/ that is not a file answers index.html: the UI routes on the client.
 */
export function registerWebAssets(app: FastifyInstance, options: { root?: string } = {}): void {
  const root = options.root ?? DEFAULT_ROOT;
  const hasBuild = existsSync(join(root, "index.html"));

  if (hasBuild) {
    // Not awaited on purpose: awaiting register() loads the plugin queue at once, which builds the routes declared
    // so far before buildApp sets its error handler, and they would answer errors in Fastify's default format.
    void app.register(fastifyStatic, {
      root,
      // Files are listed once at start; the catch-all below answers everything else.
      wildcard: false,
      index: false,
      // Cache-Control comes from setHeaders, per file kind.
      cacheControl: false,
      setHeaders: (res, path) => {
        const hashed = path.startsWith(join(root, "assets"));
        res.setHeader("cache-control", hashed ? "public, max-age=31536000, immutable" : "no-cache");
        if (path.endsWith(".html"))
          for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value);
      },
    });
  }

  app.get("/*", async (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    // Unknown API routes and missing files keep their 401/404 JSON answers from the not-found handler.
    if (path.startsWith("/api/") || /\.[A-Za-z0-9]+$/.test(path)) return reply.callNotFound();
    if (!hasBuild) {
      return reply.status(503).headers(PAGE_HEADERS).type("text/html; charset=utf-8").send(BUILD_MISSING_PAGE);
    }
    return reply.sendFile("index.html");
  });
}
