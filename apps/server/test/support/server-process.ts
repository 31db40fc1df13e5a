import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { meResponseSchema } from "@luoshi/contract";
import { cliMain, repoRoot, tsxLoader } from "./run-cli.ts";

/** A `luoshi serve` (or `demo`) child process on a free port, as an operator would run it. */
export type ServerProcess = {
  url: string;
  child: ChildProcess;
  output: () => string;
  /** Sends the signal and resolves with the exit code (null when killed by the signal). */
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
};

export const ADMIN_PASSWORD = "Admin-Pass-2026";

export function serverEnv(target: { url: string | undefined; dataDir: string }): NodeJS.ProcessEnv {
  return {
    ...process.env,
    LUOSHI_HOST: "127.0.0.1",
    // 0: the kernel picks a free port; the URL is read back from the start-up line.
    LUOSHI_PORT: "0",
    LUOSHI_DATA_DIR: target.dataDir,
    LUOSHI_DATABASE_URL: target.url ?? "",
    LUOSHI_ADMIN_PASSWORD: ADMIN_PASSWORD,
    LUOSHI_LOGIN_ATTEMPTS_PER_MINUTE: "10000",
  };
}

export function startServerProcess(env: NodeJS.ProcessEnv, command = "serve"): Promise<ServerProcess> {
  const child = spawn(process.execPath, ["--import", tsxLoader, cliMain, command], {
    cwd: repoRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop("SIGKILL");
      reject(new Error(`server did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = () => {
      const match = /已启动：(http:\/\/[^\s（]+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout.off("data", onData);
      resolve({ url: match[1], child, output: () => output, stop });
    };
    child.stdout.on("data", onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before starting:\n${output}`));
    });
  });
}

/** A signed-in HTTP client of a server process: cookie and CSRF header, as the browser sends them. */
export type HttpClient = { headers: Record<string, string>; userId: string };

export async function login(url: string, username: string, password: string): Promise<HttpClient> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  const cookie = /luoshi_session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0] ?? "";
  const me = meResponseSchema.parse(await res.json());
  return { headers: { cookie, "x-csrf-token": me.csrfToken }, userId: me.user.id };
}

export function createUserOver(url: string, client: HttpClient, username: string): Promise<Response> {
  return fetch(`${url}/api/users`, {
    method: "POST",
    headers: { ...client.headers, "content-type": "application/json" },
    body: JSON.stringify({ username, displayName: username, roles: ["admin"] }),
  });
}

/** A new, empty database in the test cluster (not migrated: the servers under test do that). */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = inject("postgresUrl");
  if (!admin) throw new Error("no PostgreSQL for this run");
  const name = `t_${randomUUID().replace(/-/g, "")}`;
  const run = async (statement: string) => {
    const client = new pg.Client({ connectionString: admin });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  return {
    url: admin.replace(/\/[^/]*$/, `/${name}`),
    drop: () => run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
