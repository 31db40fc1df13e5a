/** One subcommand: how `luoshi help` lists it, and how to load what it runs. Register new ones in commands.ts. */
export type Command = {
  name: string;
  /** Argument synopsis after the name, e.g. "<文件> [--json]". */
  args: string;
  summaryZh: string;
  summaryEn: string;
  /** Full help for `luoshi help <name>` / `luoshi <name> --help`, Chinese first. */
  help: string;
  /**
   * Loaded on use, so `luoshi help` stays fast and a broken module (a parser that fails to load) surfaces as
   * a JSON error from main() instead of a stack dump at import time.
   */
  load: () => Promise<(argv: string[]) => Promise<number>>;
};
