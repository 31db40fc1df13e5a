import type { Command } from "./command.ts";

export const importCommand: Command = {
  name: "import",
  args: "<文件>… --jurisdiction <区划代码> [--json]",
  summaryZh: "导入公文文件，保存公文、方案和任务",
  summaryEn: "Import documents and their plans into the database",
  help: [
    "用法：luoshi import <文件>… --jurisdiction <区划代码> [--json]",
    "",
    "  把公文文件（.txt .html .docx .pdf；.doc/.wps 经 LibreOffice 转换）导入到指定行政区划（如 江门市 440700、",
    "  湛江市 440800）：保存原文件、其中每份公文及其方案和任务，按文件日期解析责任单位，按文号关联上下级公文。",
    "  同一文件重复导入不会重复保存；同一文号内容不同则保存为新版本并列出变化。以系统身份执行，记入审计日志。",
    "  单位名录为空时先载入内置起始名录（广东省、江门市、湛江市）。数据库由 LUOSHI_DATA_DIR / LUOSHI_DATABASE_URL 指定。",
    '  --json   输出一个 JSON 对象 {"imports":[…]}（每个文件一项，格式同 POST /api/imports 的结果）',
    "",
    "Usage: luoshi import <file>… --jurisdiction <code> [--json]",
    "  Imports files into a jurisdiction (by 行政区划代码): keeps the original, stores every document with its",
    "  plans and items, resolves unit names on the document's date and links documents by the 文号 they cite.",
    "  Re-importing a file stores nothing; a 文号 with new content becomes a new version. Runs as the system.",
    "  An empty registry is first filled with the built-in starter registry.",
  ].join("\n"),
  load: async () => (await import("./import.run.ts")).runImport,
};
