import type { Command } from "./command.ts";
import { displayWidth, padDisplay } from "./text-width.ts";

export function formatHelp(commands: readonly Command[]): string {
  const synopses = commands.map((c) => `${c.name} ${c.args}`);
  const width = Math.max(displayWidth("help [子命令]"), ...synopses.map(displayWidth)) + 3;
  const line = (synopsis: string, zh: string, en: string) => `  ${padDisplay(synopsis, width)}${zh} / ${en}`;
  return [
    "落实 Luoshi — 政务公开工作要点：从上级要点到分工方案、台账与考核",
    "",
    "用法 / Usage: luoshi <子命令 command> [参数 args]",
    "",
    "子命令 / Commands:",
    ...commands.map((c, i) => line(synopses[i] ?? c.name, c.summaryZh, c.summaryEn)),
    line("help [子命令]", "显示帮助", "Show help (for one command)"),
    "",
    '失败时在 stderr 输出 {"error":{"code","message"}} 并以退出码 2 结束。',
    'On failure prints {"error":{"code","message"}} to stderr and exits 2.',
    "",
  ].join("\n");
}
