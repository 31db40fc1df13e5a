/**
 * `npm run bench` (second part): the server's cold start (spawn → /api/health 200), idle memory (RSS 5 s after
 * start) and requests per second of an authenticated read (GET /api/auth/me with a session cookie) against a
 * bare Fastify hello-world measured in the same run with the same load generator, on loopback.
 * SQLite by default; LUOSHI_BENCH_DATABASE_URL=postgres://… benchmarks PostgreSQL. Writes bench-out/server-bench.json.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";

const WARMUP_S = 2;
const MEASURE_S = 5;
const CONNECTIONS = 10;
const ADMIN_PASSWORD = "Bench-Pass-2026";

const repoRoot = resolve(import.meta.dirname, "../..");
const tsxLoader = pathToFileURL(resolve(repoRoot, "node_modules/tsx/dist/loader.mjs")).href;
const databaseUrl = process.env.LUOSHI_BENCH_DATABASE_URL || "";

type Started = { child: ChildProcess; url: string; startMs: number };

/** Spawns a node process and resolves once it prints a URL matching `pattern`. */
function spawnUntil(args: string[], env: NodeJS.ProcessEnv, pattern: RegExp): Promise<Started> {
  const begun = performance.now();
  const child = spawn(process.execPath, ["--import", tsxLoader, ...args], { cwd: repoRoot, env, stdio: "pipe" });
  let output = "";
  return new Promise((resolvePromise, reject) => {
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const url = pattern.exec(output)?.[1];
      if (url) resolvePromise({ child, url, startMs: performance.now() - begun });
    });
    child.once("exit", (code) => reject(new Error(`exited ${code} before listening:\n${output}`)));
  });
}

async function waitForHealth(url: string): Promise<void> {
  for (;;) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** RSS from /proc (Linux): the child's own resident memory, not this process's. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return Number(kb) / 1024;
}

async function load(
  url: string,
  headers: Record<string, string>,
): Promise<{ rps: number; p99: number; errors: number }> {
  await autocannon({ url, headers, connections: CONNECTIONS, duration: WARMUP_S });
  const result = await autocannon({ url, headers, connections: CONNECTIONS, duration: MEASURE_S });
  return { rps: result.requests.average, p99: result.latency.p99, errors: result.errors + result.non2xx };
}

async function signIn(url: string): Promise<Record<string, string>> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: "admin", password: ADMIN_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = /luoshi_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error("no session cookie");
  return { cookie };
}

const dataDir = mkdtempSync(join(tmpdir(), "luoshi-bench-"));
const children: ChildProcess[] = [];
try {
  const server = await spawnUntil(
    [resolve(repoRoot, "apps/server/src/cli/main.ts"), "serve"],
    {
      ...process.env,
      LUOSHI_HOST: "127.0.0.1",
      LUOSHI_PORT: "0",
      LUOSHI_DATA_DIR: dataDir,
      LUOSHI_DATABASE_URL: databaseUrl,
      LUOSHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    },
    /已启动：(http:\/\/[^\s（]+)/,
  );
  children.push(server.child);
  await waitForHealth(server.url);
  const coldStartMs = server.startMs;
  await new Promise((r) => setTimeout(r, 5000));
  const idleRssMb = rssMb(server.child.pid ?? 0);
  const me = await load(`${server.url}/api/auth/me`, await signIn(server.url));

  const hello = await spawnUntil([resolve(import.meta.dirname, "hello-server.ts")], process.env, /listening (\S+)/);
  children.push(hello.child);
  const bare = await load(`${hello.url}/hello`, {});
  const ratio = me.rps / bare.rps;

  const row = (label: string, value: string) => `  ${label.padEnd(44)}${value.padStart(14)}`;
  console.log(
    `\n服务基准 / server benchmark (${databaseUrl ? "PostgreSQL" : "SQLite"}, loopback, ${CONNECTIONS} connections)`,
  );
  console.log(row("cold start (spawn → /api/health 200)", `${coldStartMs.toFixed(0)} ms`));
  console.log(row("idle RSS (5 s after start)", `${idleRssMb.toFixed(1)} MB`));
  console.log(row("GET /api/auth/me (session)", `${me.rps.toFixed(0)} req/s`));
  console.log(row("bare Fastify hello-world", `${bare.rps.toFixed(0)} req/s`));
  console.log(row("ratio me / hello-world", `${(ratio * 100).toFixed(1)} %`));

  const outDir = resolve(repoRoot, "bench-out");
  mkdirSync(outDir, { recursive: true });
  const result = {
    database: databaseUrl ? "postgres" : "sqlite",
    coldStartMs,
    idleRssMb,
    authMe: me,
    helloWorld: bare,
    ratio,
    load: { tool: "autocannon", connections: CONNECTIONS, warmupSeconds: WARMUP_S, seconds: MEASURE_S },
    node: process.version,
    at: new Date().toISOString(),
  };
  writeFileSync(resolve(outDir, "server-bench.json"), JSON.stringify(result, null, 2) + "\n");
  console.log("\n  → bench-out/server-bench.json");
  if (me.errors > 0) {
    console.error(`GET /api/auth/me 出错 ${me.errors} 次 / errors during the authenticated run`);
    process.exitCode = 1;
  }
} finally {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
}
