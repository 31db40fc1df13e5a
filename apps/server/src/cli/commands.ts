import type { Command } from "./command.ts";
import { backupCommand } from "./backup.command.ts";
import { calendarCommand } from "./calendar.command.ts";
import { demoCommand } from "./demo.command.ts";
import { exportCommand } from "./export.command.ts";
import { importCommand } from "./import.command.ts";
import { migrateCommand } from "./migrate.command.ts";
import { parseCommand } from "./parse.command.ts";
import { restoreCommand } from "./restore.command.ts";
import { serveCommand } from "./serve.command.ts";

/** Every subcommand, in the order `luoshi help` lists them. */
export const COMMANDS: readonly Command[] = [
  serveCommand,
  demoCommand,
  migrateCommand,
  backupCommand,
  restoreCommand,
  parseCommand,
  importCommand,
  exportCommand,
  calendarCommand,
];

export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
