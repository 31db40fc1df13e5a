import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  documentDetailSchema,
  documentListSchema,
  importResultSchema,
  planDetailSchema,
  planListSchema,
  planItemSchema,
} from "@luoshi/contract";
import { loadConfig } from "../src/config.ts";
import { buildApp } from "../src/http/app.ts";
import { seedStarterRegistry } from "../src/modules/org/org-starter.service.ts";
import { findJurisdictionRowByCode } from "../src/modules/org/org.repository.ts";
import { insertTestUser, signIn, type Client } from "./support/accounts.ts";
import { createTestDatabase, dialects, type TestDatabase } from "./support/databases.ts";
import { runCli } from "./support/run-cli.ts";
import { binaryBytes, seedPath } from "./support/sample-files.ts";

const seedBytes = (prefix: string) => readFileSync(seedPath(prefix));

describe.each(dialects())("plans over HTTP on %s", (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let jm: string;
  let office: Client;
  let zjOffice: Client;
  let liaison: Client;
  let viewer: Client;

  const call = (client: Client, method: "GET" | "POST" | "PATCH", url: string, payload?: object) =>
    app.inject({ method, url, headers: client.headers, ...(payload ? { payload } : {}) });
  const upload = (client: Client, filename: string, bytes: Uint8Array, jurisdictionId = jm) =>
    call(client, "POST", "/api/imports", {
      jurisdictionId,
      filename,
      contentBase64: Buffer.from(bytes).toString("base64"),
    });

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
    await seedStarterRegistry(database.db);
    jm = (await findJurisdictionRowByCode(database.db, "440700"))?.id as string;
    const zj = (await findJurisdictionRowByCode(database.db, "440800"))?.id as string;
    const config = loadConfig({ LUOSHI_DATA_DIR: database.dataDir, LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000" });
    app = await buildApp({ db: database.db, dialect, config, version: "test" });
    const unit = await database.db
      .selectFrom("units")
      .select("id")
      .where("jurisdiction_id", "=", jm)
      .executeTakeFirst();
    await insertTestUser(database.db, { username: "jm-office", roles: ["office"], jurisdictionId: jm });
    await insertTestUser(database.db, { username: "zj-office", roles: ["office"], jurisdictionId: zj });
    await insertTestUser(database.db, { username: "jm-viewer", roles: ["viewer"], jurisdictionId: jm });
    await insertTestUser(database.db, {
      username: "jm-liaison",
      roles: ["liaison"],
      jurisdictionId: jm,
      unitId: unit?.id ?? null,
    });
    office = await signIn(app, "jm-office");
    zjOffice = await signIn(app, "zj-office");
    liaison = await signIn(app, "jm-liaison");
    viewer = await signIn(app, "jm-viewer");
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it("imports seed 000 for an office, answers a duplicate the second time, and serves the original back", async () => {
    const first = await upload(office, "江门2019考核方案.txt", seedBytes("000"));
    expect(first.statusCode).toBe(201);
    const result = importResultSchema.parse(first.json());
    expect(result.documents).toHaveLength(3);
    expect(result.plans.reduce((n, p) => n + p.itemCount, 0)).toBe(69);
    expect(result.unresolved.length).toBeGreaterThan(0);
    expect(result.unresolved[0]?.suggestions).toBeDefined();

    const again = await upload(office, "copy.txt", seedBytes("000"));
    expect(again.statusCode).toBe(200);
    expect(importResultSchema.parse(again.json()).duplicate).toBe(true);

    const docId = result.documents[0]?.id as string;
    const source = await call(office, "GET", `/api/documents/${docId}/source`);
    expect(source.statusCode).toBe(200);
    expect(Buffer.compare(source.rawPayload, seedBytes("000"))).toBe(0);
    expect(source.headers["content-disposition"]).toContain(
      `filename*=UTF-8''${encodeURIComponent("江门2019考核方案.txt")}`,
    );

    const detail = documentDetailSchema.parse((await call(viewer, "GET", `/api/documents/${docId}`)).json());
    expect(detail.upstream.find((l) => l.docNumber === "粤府办〔2019〕9号")?.documentId).toBe(result.documents[1]?.id);
    expect(detail.plans.map((p) => p.itemCount)).toEqual([2, 44]);
    const list = documentListSchema.parse((await call(office, "GET", `/api/documents?jurisdictionId=${jm}`)).json());
    expect(list.items).toHaveLength(3);
  });

  it("keeps 江门's plans from 湛江's office (404) and drafts from liaisons; viewers read", async () => {
    const plans = planListSchema.parse((await call(office, "GET", `/api/plans?jurisdictionId=${jm}`)).json()).items;
    expect(plans.length).toBe(4);
    const planId = plans.find((p) => p.itemCount === 44)?.id as string;
    expect((await call(zjOffice, "GET", `/api/plans/${planId}`)).statusCode).toBe(404);
    expect((await call(zjOffice, "GET", `/api/plans?jurisdictionId=${jm}`)).statusCode).toBe(404);
    expect((await call(zjOffice, "GET", `/api/documents?jurisdictionId=${jm}`)).statusCode).toBe(404);
    expect((await call(liaison, "GET", `/api/plans/${planId}`)).statusCode).toBe(404);
    expect(planListSchema.parse((await call(liaison, "GET", "/api/plans")).json()).items).toEqual([]);
    expect((await call(viewer, "GET", `/api/plans/${planId}`)).statusCode).toBe(200);
    const patch = await call(zjOffice, "PATCH", `/api/plans/${planId}/items/x`, { version: 1, text: "越权" });
    expect(patch.statusCode).toBe(404);
  });

  it("refuses imports by liaisons (403) and binary files with the parser's message (400), storing nothing", async () => {
    const denied = await upload(liaison, "001.txt", seedBytes("001"));
    expect(denied.statusCode).toBe(403);
    const junk = await upload(office, "junk.doc", binaryBytes());
    expect(junk.statusCode).toBe(400);
    expect(junk.json().error.code).toBe("VALIDATION_FAILED");
    expect(junk.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const files = await database.db.selectFrom("source_files").select("filename").execute();
    expect(files.map((f) => f.filename)).toEqual(["江门2019考核方案.txt"]);
  });

  it("maps a name across the plan, edits an item with a version check (409 when stale)", async () => {
    const plans = planListSchema.parse((await call(office, "GET", `/api/plans?jurisdictionId=${jm}`)).json()).items;
    const planId = plans.find((p) => p.itemCount === 44)?.id as string;
    const plan = planDetailSchema.parse((await call(office, "GET", `/api/plans/${planId}`)).json());
    const open = plan.items.flatMap((i) => i.units).find((u) => !u.unitId && !u.groupId && u.suggestions.length > 0);
    expect(open).toBeDefined();
    const mapped = await call(office, "POST", `/api/plans/${planId}/unit-mappings`, {
      rawName: open?.rawName,
      unitId: open?.suggestions[0]?.unitId,
    });
    expect(mapped.statusCode).toBe(200);
    expect(mapped.json().plan.unresolvedCount).toBe(plan.unresolvedCount - mapped.json().updated);

    const fresh = planDetailSchema.parse((await call(office, "GET", `/api/plans/${planId}`)).json());
    const item = fresh.items[0];
    const url = `/api/plans/${planId}/items/${item?.id}`;
    const ok = await call(office, "PATCH", url, {
      version: item?.version,
      text: "修改后的任务内容",
      units: [{ rawName: "市司法局", role: "lead" }],
    });
    expect(ok.statusCode).toBe(200);
    const updated = planItemSchema.parse(ok.json());
    expect(updated.units.map((u) => [u.rawName, u.role, u.status])).toEqual([["市司法局", "lead", "prefix"]]);
    const stale = await call(office, "PATCH", url, { version: item?.version, text: "过期的修改" });
    expect(stale.statusCode).toBe(409);
    const viewerEdit = await call(viewer, "PATCH", url, { version: updated.version, text: "查看者" });
    expect(viewerEdit.statusCode).toBe(403);
  });
});

describe("luoshi import", () => {
  it("imports seed 001 into 江门 (440700) of a fresh data directory and prints JSON", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "luoshi-import-cli-"));
    try {
      const env = { ...process.env, LUOSHI_DATA_DIR: dataDir, LUOSHI_DATABASE_URL: "" };
      const file = `../shared/seeds/${seedPath("001").split("/").at(-1)}`;
      const run = await runCli(["import", file, "--jurisdiction", "440700", "--json"], { env });
      expect(run.stderr).not.toContain('"error"');
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout) as { imports: unknown[] };
      const result = importResultSchema.parse(out.imports[0]);
      expect(result.documents.map((d) => d.docNumber)).toEqual(["江府办〔2022〕7号"]);
      expect(result.plans.map((p) => p.itemCount)).toEqual([59]);
      const again = await runCli(["import", file, "--jurisdiction", "440700"], { env });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("此前已导入");
      const unknown = await runCli(["import", file, "--jurisdiction", "999999"], { env });
      expect(unknown.code).toBe(2);
      expect(JSON.parse(unknown.stderr).error.code).toBe("JURISDICTION_NOT_FOUND");
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
