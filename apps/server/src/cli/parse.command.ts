import type { Command } from "./command.ts";

export const parseCommand: Command = {
  name: "parse",
  args: "<文件> [--json]",
  summaryZh: "解析公文/方案文件，输出结构化结果",
  summaryEn: "Parse a document into structured plans",
  help: [
    "用法：luoshi parse <文件> [--json]",
    "",
    "  解析一个文件（.txt .html .docx .pdf；.doc/.wps 先用 LibreOffice 转为 .docx），",
    "  列出其中的公文、方案、任务、责任单位和期限。",
    '  --json   输出一个 JSON 对象（格式见 shared/parse-output.md），失败时 stderr 输出 {"error":…}，退出码 2',
    "",
    "Usage: luoshi parse <file> [--json]",
    "  Parses one file and prints its documents, plans, items, units and deadlines.",
    '  --json   print one JSON object (see shared/parse-output.md); on failure {"error":…} on stderr, exit 2',
  ].join("\n"),
  load: async () => (await import("./parse.run.ts")).runParse,
};
