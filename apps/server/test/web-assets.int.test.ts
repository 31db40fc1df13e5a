import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Fastify, { type FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registerWebAssets } from "../src/http/web-assets.ts";

async function appServing(root: string): Promise<FastifyInstance> {
  const app = Fastify();
  app.get("/api/health", async () => ({ status: "ok" }));
  registerWebAssets(app, { root });
  app.setNotFoundHandler((_, reply) => reply.status(404).send({ error: { code: "NOT_FOUND", message: "无" } }));
  await app.ready();
  return app;
}

describe("serving the built UI", () => {
  let root: string;
  let app: FastifyInstance;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), "luoshi-dist-"));
    mkdirSync(join(root, "assets"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>落实</title>");
    writeFileSync(join(root, "assets", "index-abc123.js"), "console.log(1)");
    app = await appServing(root);
  });
  afterAll(async () => {
    await app.close();
    rmSync(root, { recursive: true, force: true });
  });

  it("answers index.html for client routes, never cached, with security headers", async () => {
    for (const url of ["/", "/org", "/users?q=1", "/login"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain("落实");
      expect(res.headers["cache-control"]).toBe("no-cache");
      expect(res.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(res.headers["x-content-type-options"]).toBe("nosniff");
    }
  });

  it("serves hashed assets as immutable", async () => {
    const res = await app.inject({ method: "GET", url: "/assets/index-abc123.js" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["cache-control"]).toContain("immutable");
  });

  it("leaves /api and missing files to the JSON not-found answer", async () => {
    expect((await app.inject({ method: "GET", url: "/api/health" })).json()).toEqual({ status: "ok" });
    for (const url of ["/api/nope", "/assets/missing.js", "/favicon.ico"]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().error.code).toBe("NOT_FOUND");
    }
  });

  it("explains in Chinese how to build when dist is missing", async () => {
    const empty = mkdtempSync(join(tmpdir(), "luoshi-nodist-"));
    const bare = await appServing(empty);
    const res = await bare.inject({ method: "GET", url: "/" });
    expect(res.statusCode).toBe(503);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.body).toContain("npm run build:web");
    expect(res.body).toContain("网页界面尚未构建");
    await bare.close();
    rmSync(empty, { recursive: true, force: true });
  });
});
