import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { healthResponseSchema, meResponseSchema } from "@luoshi/contract";
import { runCli } from "./support/run-cli.ts";
import { login, serverEnv, startServerProcess, type ServerProcess } from "./support/server-process.ts";

let scratch: string;
const running: ServerProcess[] = [];
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "luoshi-serve-"));
});
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop("SIGKILL")));
  rmSync(scratch, { recursive: true, force: true });
});

describe("luoshi serve (what npm start runs)", () => {
  it("answers /api/health within seconds on a fresh data directory, migrated, and stops cleanly on SIGTERM", async () => {
    const env = serverEnv({ url: undefined, dataDir: join(scratch, "serve") });
    const started = Date.now();
    const server = await startServerProcess(env);
    running.push(server);
    const health = await fetch(`${server.url}/api/health`);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(health.status).toBe(200);
    expect(healthResponseSchema.parse(await health.json()).database).toBe("sqlite");

    // Every migration ran on start: a separate `luoshi migrate` finds nothing left to do.
    const migrate = await runCli(["migrate"], { env });
    expect(migrate.code, migrate.stderr).toBe(0);
    expect(migrate.stdout).toContain("无需迁移");

    expect(await server.stop("SIGTERM")).toBe(0);
    expect(server.output()).toContain("SIGTERM");
  });

  it("luoshi migrate on a new database lists the migrations it ran", async () => {
    const run = await runCli(["migrate"], { env: serverEnv({ url: undefined, dataDir: join(scratch, "migrate") }) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/已执行 \d+ 个迁移/);
    expect(run.stdout).toContain("_foundation");
  });
});

describe("luoshi demo", () => {
  it("seeds the registry and one account per role, printing passwords once, and is idempotent", async () => {
    const env = { ...serverEnv({ url: undefined, dataDir: join(scratch, "demo") }), LUOSHI_ADMIN_PASSWORD: "" };
    const first = await startServerProcess(env, "demo");
    running.push(first);
    const out = first.output();
    const passwords = new Map(
      [...out.matchAll(/^ {2}(\S+)\s+(\w+)\s+([A-Za-z0-9_-]{12,})$/gm)].map((m) => [m[1] ?? "", m[3] ?? ""]),
    );
    expect([...passwords.keys()].sort()).toEqual(
      [
        "admin",
        "demo-jm-evaluator",
        "demo-jm-office",
        "demo-jm-sfj-leader",
        "demo-jm-sfj-liaison",
        "demo-jm-viewer",
        "demo-zj-office",
      ].sort(),
    );
    const liaison = await login(first.url, "demo-jm-sfj-liaison", passwords.get("demo-jm-sfj-liaison") ?? "");
    const me = meResponseSchema.parse(
      await (await fetch(`${first.url}/api/auth/me`, { headers: liaison.headers })).json(),
    );
    expect(me.user).toMatchObject({ roles: ["liaison"], mustChangePassword: true });
    expect(me.user.unitId).toBeTruthy();
    expect(await first.stop("SIGINT")).toBe(0);

    const second = await startServerProcess(env, "demo");
    running.push(second);
    expect(second.output()).toContain("+0 区划, +0 单位, +0 分组");
    expect(second.output().match(/已存在/g)).toHaveLength(7);
    for (const password of passwords.values()) expect(second.output()).not.toContain(password);
    expect(await second.stop("SIGTERM")).toBe(0);
  });
});
