import type { Command } from "./command.ts";
import { parseCommand } from "./parse.command.ts";

/** Every subcommand, in the order `luoshi help` lists them. */
export const COMMANDS: readonly Command[] = [parseCommand];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
