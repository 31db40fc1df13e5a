import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createUserResponseSchema, meResponseSchema } from "@luoshi/contract";
import { dialects } from "./support/databases.ts";
import {
  ADMIN_PASSWORD,
  createEmptyPostgresDatabase,
  createUserOver,
  login,
  serverEnv,
  startServerProcess,
  type ServerProcess,
} from "./support/server-process.ts";

// The provincial deployment: several application servers, one PostgreSQL, no shared memory between them.
describe.runIf(dialects().includes("postgres"))("two luoshi serve processes on one PostgreSQL", () => {
  const servers: ServerProcess[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop("SIGKILL")));
    for (const cleanup of cleanups) await cleanup();
  });

  it("share sessions and accounts, migrating an empty database concurrently", async () => {
    const database = await createEmptyPostgresDatabase();
    const dataDir = mkdtempSync(join(tmpdir(), "luoshi-multi-"));
    cleanups.push(database.drop, async () => rmSync(dataDir, { recursive: true, force: true }));
    const env = serverEnv({ url: database.url, dataDir });
    // Started together: both run the migrations and the first-admin check on the same empty database.
    const [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    if (!a || !b) throw new Error("servers did not start");
    servers.push(a, b);
    expect(a.url).not.toBe(b.url);

    const session = await login(a.url, "admin", ADMIN_PASSWORD);
    const meOnB = await fetch(`${b.url}/api/auth/me`, { headers: session.headers });
    expect(meOnB.status).toBe(200);
    expect(meResponseSchema.parse(await meOnB.json()).user.username).toBe("admin");

    const created = await createUserOver(b.url, session, "made.on.b");
    expect(created.status).toBe(200);
    const { initialPassword } = createUserResponseSchema.parse(await created.json());
    const onA = await login(a.url, "made.on.b", initialPassword);
    expect(onA.userId).toBeTruthy();

    const logout = await fetch(`${b.url}/api/auth/logout`, { method: "POST", headers: session.headers });
    expect(logout.status).toBe(200);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: session.headers })).status).toBe(401);
  });
});
