import type { TestProject } from "vitest/node";
import { hasPostgresBinaries, startCluster, type Cluster } from "./postgres-cluster.ts";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string | null;
  }
}

let cluster: Cluster | undefined;

/**
 * One PostgreSQL for the whole integration run: LUOSHI_TEST_DATABASE_URL if given, else a throwaway cluster.
 * Without PostgreSQL binaries the PostgreSQL suites skip, except under CI, where that is a failure.
 */
export async function setup(project: TestProject): Promise<void> {
  let url = process.env.LUOSHI_TEST_DATABASE_URL || null;
  if (!url && hasPostgresBinaries()) {
    cluster = await startCluster();
    url = cluster.url;
  }
  if (!url && process.env.CI === "true") {
    throw new Error("CI=true but no PostgreSQL: install postgresql or set LUOSHI_TEST_DATABASE_URL");
  }
  if (!url) console.warn("[luoshi] 未找到 PostgreSQL（initdb/pg_ctl）：跳过 PostgreSQL 存储测试");
  project.provide("postgresUrl", url);
}

export async function teardown(): Promise<void> {
  cluster?.stop();
}
