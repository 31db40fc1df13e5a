import type { Command } from "./command.ts";

export const demoCommand: Command = {
  name: "demo",
  args: "",
  summaryZh: "启动演示：内置单位名录和每种角色的演示账号",
  summaryEn: "Start a demo: starter registry and one account per role",
  help: [
    "用法：luoshi demo（或 npm run demo）",
    "",
    "  准备演示数据后启动服务：导入内置单位名录（广东省、江门市、湛江市及其区县），并为每种角色各建一个演示账号",
    "  （管理员；江门市政务公开办；江门市司法局的联络员和领导；江门市评估人员、查看人员；湛江市政务公开办）。",
    "  账号的初始密码只在创建时显示一次，首次登录须修改。再次运行不会重复创建，只提示账号已存在。",
    "  数据位置与 serve 相同（默认 ./data 中的 SQLite），环境变量同 serve。",
    "",
    "Usage: luoshi demo (or npm run demo)",
    "  Seeds the starter registry (广东省, 江门市, 湛江市 and their counties), creates one demo account per role and",
    "  starts the server. Each initial password is printed once, when the account is created, and must be changed",
    "  at first login. A second run creates nothing and says the accounts exist. Same data and variables as serve.",
  ].join("\n"),
  load: async () => (await import("./demo.run.ts")).runDemo,
};
