import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "../src/db/database.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { integrityProblems } from "./support/db-state.ts";
import {
  ADMIN_PASSWORD,
  createUserOver,
  login,
  serverEnv,
  startServerProcess,
  type ServerProcess,
} from "./support/server-process.ts";

const BURST = 80;
const KILL_AFTER_ACKS = 15;

describe.each(dialects())("kill -9 during a burst of writes on %s", (dialect) => {
  let target: TestDatabase;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    target = await createTestDatabase(dialect);
    await target.close();
  });
  afterAll(async () => {
    await server?.stop("SIGKILL");
    await target.drop();
  });

  it("loses no acknowledged write and leaves the database consistent", async () => {
    const env = serverEnv(target);
    server = await startServerProcess(env);
    const running = server;
    const admin = await login(running.url, "admin", ADMIN_PASSWORD);
    const acknowledged: string[] = [];
    let killed: Promise<number | null> | undefined;
    const requests = Array.from({ length: BURST }, async (_, i) => {
      const username = `burst.${i}`;
      try {
        const res = await createUserOver(running.url, admin, username);
        if (res.status !== 200) return;
        await res.arrayBuffer();
        acknowledged.push(username);
        if (acknowledged.length === KILL_AFTER_ACKS) killed ??= running.stop("SIGKILL");
      } catch {
        // The connection died with the process: not acknowledged, so it may or may not have committed.
      }
    });
    await Promise.all(requests);
    expect(await killed).toBeNull(); // ended by the signal, not by exiting
    server = undefined;
    // The kill landed mid-burst: some writes were still in flight.
    expect(acknowledged.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);
    expect(acknowledged.length).toBeLessThan(BURST);

    server = await startServerProcess(env);
    const reader = openDatabase({ databaseUrl: target.url, dataDir: target.dataDir, applicationName: "luoshi-test" });
    try {
      const users = await reader.db.selectFrom("users").select(["id", "username"]).execute();
      const names = users.map((u) => u.username);
      expect(names).toEqual(expect.arrayContaining(acknowledged));
      // Each account and its audit entry commit together, so no user exists without its "created" row.
      const audited = await reader.db
        .selectFrom("audit_log")
        .select("entity_id")
        .where("action", "=", "user.created")
        .execute();
      const auditedIds = new Set(audited.map((a) => a.entity_id));
      expect(users.filter((u) => !auditedIds.has(u.id))).toEqual([]);
      expect(await integrityProblems(reader.db, dialect)).toEqual([]);
    } finally {
      await reader.close();
    }
    // The restarted server answers and still knows the admin.
    await login(server.url, "admin", ADMIN_PASSWORD);
  });
});
