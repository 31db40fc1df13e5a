import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema } from "@luoshi/contract";
import { openDatabase } from "../src/db/database.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { integrityProblems, snapshotRows } from "./support/db-state.ts";
import { runCli, type CliRun } from "./support/run-cli.ts";
import {
  ADMIN_PASSWORD,
  createUserOver,
  login,
  serverEnv,
  startServerProcess,
  type ServerProcess,
} from "./support/server-process.ts";

const errorCode = (run: CliRun) => errorBodySchema.parse(JSON.parse(run.stderr)).error.code;

describe.each(dialects())("luoshi backup / restore on %s", (dialect) => {
  let target: TestDatabase;
  let scratch: string;
  let server: ServerProcess | undefined;
  let env: NodeJS.ProcessEnv;
  // The test's own connections name themselves, so restore does not take them for a running server.
  const open = () => openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, applicationName: "luoshi-test" });

  beforeAll(async () => {
    target = await createTestDatabase(dialect);
    await target.close();
    scratch = mkdtempSync(join(tmpdir(), "luoshi-backup-"));
    env = serverEnv(target);
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await target.drop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it("backs up a running server, and restore brings back exactly the backed-up rows", async () => {
    server = await startServerProcess(env);
    const admin = await login(server.url, "admin", ADMIN_PASSWORD);
    for (const name of ["before.one", "before.two"]) {
      expect((await createUserOver(server.url, admin, name)).status).toBe(200);
    }
    const file = join(scratch, "luoshi.backup");
    const backup = await runCli(["backup", file], { env });
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain(dialect === "sqlite" ? "SQLite" : "pg_dump");

    const reader = open();
    const backedUp = await snapshotRows(reader.db);
    await reader.close();

    // Changes after the backup: a new account, and the server's own session and audit rows.
    expect((await createUserOver(server.url, admin, "after.backup")).status).toBe(200);
    const busy = await runCli(["restore", file], { env });
    expect(busy.code).toBe(2);
    expect(errorCode(busy)).toBe("SERVER_RUNNING");

    // Graceful stop: SIGTERM closes the app and the database and exits 0.
    expect(await server.stop("SIGTERM")).toBe(0);
    server = undefined;

    const refused = await runCli(["restore", file], { env });
    expect(refused.code).toBe(2);
    expect(errorCode(refused)).toBe("TARGET_NOT_EMPTY");

    const restored = await runCli(["restore", file, "--force"], { env });
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain("无需迁移");
    if (dialect === "sqlite") expect(existsSync(join(target.dataDir, "luoshi.db-wal"))).toBe(false);

    const after = open();
    try {
      expect(await snapshotRows(after.db)).toEqual(backedUp);
      expect(await integrityProblems(after.db, dialect)).toEqual([]);
    } finally {
      await after.close();
    }
    // And the restored system serves: the restored admin signs in, the later account is gone.
    server = await startServerProcess(env);
    const restoredAdmin = await login(server.url, "admin", ADMIN_PASSWORD);
    const list = await fetch(`${server.url}/api/users`, { headers: restoredAdmin.headers });
    const names = ((await list.json()) as { items: { username: string }[] }).items.map((u) => u.username);
    expect(names).toEqual(expect.arrayContaining(["before.one", "before.two"]));
    expect(names).not.toContain("after.backup");
  });
});
