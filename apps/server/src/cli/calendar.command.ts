import type { Command } from "./command.ts";

export const calendarCommand: Command = {
  name: "calendar",
  args: "import <通知> | show <年份>",
  summaryZh: "工作日历：导入节假日安排通知，查看某年节假日与工作日数",
  summaryEn: "Working-day calendar: import a holiday notice, show a year",
  help: [
    "用法：luoshi calendar import <通知.txt> [--dry-run] [--year 年份] [--json]",
    "      luoshi calendar show <年份> [--json]",
    "",
    "  import  读取保存下来的《国务院办公厅关于XXXX年部分节假日安排的通知》全文（UTF-8 或 GB18030 文本），",
    "          列出将新增或改动的放假日和调休上班日，写入工作日历（记入审计日志），并将该年标记为完整，",
    "          此后该年的“X个工作日内”即可计算。--dry-run 只预览不写入；--year 用于全文中没有标题年份的情况。",
    "  show    列出某年的节假日、调休上班日（注明来源：内置数据 chinese-days 或本单位录入）及全年工作日数。",
    "  数据库由 LUOSHI_DATA_DIR / LUOSHI_DATABASE_URL 指定，与 serve 相同。",
    "",
    "Usage: luoshi calendar import <notice.txt> [--dry-run] [--year YYYY] [--json]",
    "       luoshi calendar show <year> [--json]",
    "  import  reads a saved State Council holiday notice, shows the holidays and make-up working days it adds or",
    "          changes, stores them (with an audit entry) and marks the year complete. --dry-run only previews.",
    "  show    lists a year's holidays and make-up working days with their source, and its number of working days.",
  ].join("\n"),
  load: async () => (await import("./calendar.run.ts")).runCalendar,
};
