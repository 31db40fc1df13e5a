import { loadConfig } from "../config.ts";
import { startServer, type RunningServer } from "../server.ts";
import { CliError } from "./cli-error.ts";
import { writeStderr } from "./output.ts";
import { parseCommandArgs } from "./usage.ts";

export async function runServe(argv: string[]): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (positionals.length > 0) throw new CliError("USAGE_ERROR", "用法：luoshi serve（配置通过环境变量传入）");
  const config = loadConfig();
  return serveUntilSignal(() => startServer(config));
}

/**
 * Runs until SIGINT/SIGTERM, then closes the HTTP side before the database, so no request loses its storage.
 * The handlers are installed before the server starts: a signal arriving just after "started" is printed
 * (a supervisor's quick restart, a test) would otherwise meet Node's default handler and kill the process.
 */
export async function serveUntilSignal(start: () => Promise<RunningServer>): Promise<number> {
  let signalled: NodeJS.Signals | undefined;
  let onSignal: (signal: NodeJS.Signals) => void = (signal) => (signalled = signal);
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    // A second Ctrl+C while requests drain means "now": leave without waiting.
    if (stopping) process.exit(130);
    onSignal(signal);
  };
  process.on("SIGINT", handler);
  process.on("SIGTERM", handler);
  const server = await start();
  const signal = signalled ?? (await new Promise<NodeJS.Signals>((resolve) => (onSignal = resolve)));
  stopping = true;
  await writeStderr(`收到 ${signal}，正在停止服务… / ${signal} received, shutting down…\n`);
  try {
    await server.close();
    return 0;
  } catch (error) {
    await writeStderr(`停止服务时出错 / error while stopping: ${String(error)}\n`);
    return 1;
  }
}
