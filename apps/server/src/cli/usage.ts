import { parseArgs, type ParseArgsConfig } from "node:util";
import { CliError } from "./cli-error.ts";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs in strict mode, with its TypeErrors turned into a USAGE_ERROR the user can act on. */
export function parseCommandArgs<T extends Options>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new CliError("USAGE_ERROR", `命令行参数有误：${detail}（运行 luoshi help 查看用法）`);
  }
}
