import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

export const repoRoot = resolve(import.meta.dirname, "../../../..");
/** shared/ (seeds, gold, contracts) sits beside the repository, in CI and on developer machines alike. */
export const sharedDir = resolve(repoRoot, "../shared");
export const cliMain = resolve(repoRoot, "apps/server/src/cli/main.ts");
// By URL, so the loader is found whatever the child's working directory.
export const tsxLoader = pathToFileURL(resolve(repoRoot, "node_modules/tsx/dist/loader.mjs")).href;

export type CliRun = { code: number | null; stdout: string; stderr: string };

/**
 * Runs `luoshi …` as a real child process: node with tsx's loader, which is what `npm run luoshi` does minus
 * npm's own start-up. node is spawned by absolute path so tests can hand the CLI a PATH without soffice.
 */
export function runCli(args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ["--import", tsxLoader, cliMain, ...args], {
      cwd: options.cwd ?? repoRoot,
      env: options.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code) =>
      resolvePromise({
        code,
        stdout: Buffer.concat(stdout).toString("utf8"),
        stderr: Buffer.concat(stderr).toString("utf8"),
      }),
    );
  });
}
