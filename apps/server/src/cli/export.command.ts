import type { Command } from "./command.ts";

export const exportCommand: Command = {
  name: "export",
  args: "<文件> --format docx|xlsx [选项]",
  summaryZh: "把文件中的分工方案导出为 Word 表格或 Excel 台账",
  summaryEn: "Export a document's plan table as .docx or .xlsx",
  help: [
    "用法：luoshi export <文件> --format docx|xlsx [--unit 单位名] [--plan 序号] [-o 输出文件]",
    "",
    "  解析一个文件（格式同 luoshi parse），把其中的分工方案导出：",
    "  docx  按公文格式排版的分工方案表（A4，类别单元格合并，表头每页重复，页码“— 1 —”）",
    "  xlsx  台账：每项任务 × 每个责任单位一行，含角色（牵头/配合/负责/监督），表头冻结并可筛选",
    "  --unit   只导出点名该单位的任务（本单位任务清单），并注明其职责",
    "  --plan   文件中有多个方案时选第几个（默认：第一个表格形式的方案）",
    "  -o       输出文件（默认：当前目录下“<文件名>-分工方案.<格式>”）",
    "",
    "Usage: luoshi export <file> --format docx|xlsx [--unit NAME] [--plan N] [-o OUT]",
    "  Parses one file (as luoshi parse does) and writes its plan as a Word table laid out like the published",
    "  ones, or as an Excel ledger with one row per task and unit. --unit keeps only the tasks naming that unit",
    "  (its task list, with its role); --plan picks the Nth plan of a bundle (default: the first table);",
    "  -o names the output (default: ./<name>-分工方案.<format>).",
  ].join("\n"),
  load: async () => (await import("./export.run.ts")).runExport,
};
