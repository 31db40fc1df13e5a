import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CliError, FAILURE_EXIT_CODE, toErrorBody } from "./cli-error.ts";
import { COMMANDS, findCommand } from "./commands.ts";
import { formatHelp } from "./help.ts";
import { ignoreBrokenPipe, writeStderr, writeStdout } from "./output.ts";

/** `luoshi <command> …`: dispatches to one subcommand; every failure ends as exit 2 with a JSON error on stderr. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await dispatch(argv);
  } catch (error) {
    await reportFailure(error);
    return FAILURE_EXIT_CODE;
  }
}

async function dispatch(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === "--help" || first === "-h") return printHelp();
  if (first === "help") return rest[0] === undefined ? printHelp() : printCommandHelp(rest[0]);
  const command = findCommand(first);
  if (!command) {
    const known = COMMANDS.map((c) => c.name).join("、");
    throw new CliError("UNKNOWN_COMMAND", `未知子命令：${first}（可用：${known}、help；运行 luoshi help 查看用法）`);
  }
  if (rest.includes("--help") || rest.includes("-h")) return printCommandHelp(command.name);
  const run = await command.load();
  return run(rest);
}

async function printHelp(): Promise<number> {
  await writeStdout(formatHelp(COMMANDS));
  return 0;
}

async function printCommandHelp(name: string): Promise<number> {
  const command = findCommand(name);
  if (!command) throw new CliError("UNKNOWN_COMMAND", `未知子命令：${name}（运行 luoshi help 查看用法）`);
  await writeStdout(command.help + "\n");
  return 0;
}

async function reportFailure(error: unknown): Promise<void> {
  await writeStderr(JSON.stringify(toErrorBody(error)) + "\n");
  // The JSON line stays the whole contract; the stack is for whoever is debugging the CLI itself.
  if (process.env.LUOSHI_DEBUG && !(error instanceof CliError)) {
    await writeStderr(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
}

function isEntryPoint(): boolean {
  try {
    const entry = process.argv[1];
    return entry !== undefined && realpathSync(entry) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  ignoreBrokenPipe();
  // Errors escaping main() (a stray callback, a rejected promise nobody awaited) must still end as exit 2
  // with the JSON error, not as Node's default stack dump and exit 1.
  const crash = (error: unknown) => void reportFailure(error).finally(() => process.exit(FAILURE_EXIT_CODE));
  process.on("uncaughtException", crash);
  process.on("unhandledRejection", crash);
  // exitCode, not process.exit(): let stdout drain (a large --json output is written asynchronously to pipes).
  process.exitCode = await main(process.argv.slice(2));
}
