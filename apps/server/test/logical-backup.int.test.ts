import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportLogical, importLogical, readLogical } from "../src/db/logical-dump.ts";
import { insertAudit } from "../src/modules/audit/audit.repository.ts";
import { seedStarterRegistry } from "../src/modules/org/org-starter.service.ts";
import { insertTestUser, seedTwoCities } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { integrityProblems, snapshotRows } from "./support/db-state.ts";

// The fallback `luoshi backup` uses when pg_dump is not installed; exercised in-process on both dialects.
describe.each(dialects())("logical backup on %s", (dialect) => {
  let source: TestDatabase;
  let target: TestDatabase;
  let scratch: string;
  beforeAll(async () => {
    [source, target] = await Promise.all([createTestDatabase(dialect), createTestDatabase(dialect)]);
    scratch = mkdtempSync(join(tmpdir(), "luoshi-logical-"));
  });
  afterAll(async () => {
    await Promise.all([source.drop(), target.drop()]);
    rmSync(scratch, { recursive: true, force: true });
  });

  it("round-trips every row, parents before children, and keeps serial ids usable", async () => {
    // The starter registry has a jurisdiction tree (a self-reference) and groups referencing units.
    await seedStarterRegistry(source.db);
    await insertTestUser(source.db, { username: "kept", roles: ["admin"] });
    await seedTwoCities(target.db); // rows that the import must replace
    const file = join(scratch, "dump.json");
    expect(await exportLogical(source.db, { dialect, file })).toBeGreaterThan(100);
    await importLogical(target.db, { dialect, dump: readLogical(file) });
    // Each database ran its own migrations; the migration timestamps are theirs, everything else must match.
    const { kysely_migration: _targetRuns, ...restored } = await snapshotRows(target.db);
    const { kysely_migration: _sourceRuns, ...original } = await snapshotRows(source.db);
    expect(restored).toEqual(original);
    expect(await integrityProblems(target.db, dialect)).toEqual([]);
    // A sequence left behind would make the next audit row collide with an imported id.
    await insertAudit(target.db, {
      at: new Date().toISOString(),
      actorId: null,
      action: "x",
      entity: "y",
      entityId: null,
    });
  });
});
