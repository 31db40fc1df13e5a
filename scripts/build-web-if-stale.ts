/**
 * `npm start` runs this first: build apps/web/dist only when a source file is newer than the last build, so a
 * restart costs nothing and a deployment that ships a built dist (without devDependencies) still starts.
 * `npm run build:web` passes --force to build regardless.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const builtIndex = join(root, "apps/web/dist/index.html");
const inputs = [
  "apps/web/src",
  "apps/web/public",
  "apps/web/index.html",
  "apps/web/vite.config.ts",
  "packages/contract/src",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

const builtAt = existsSync(builtIndex) ? statSync(builtIndex).mtimeMs : 0;
const changedAt = Math.max(...inputs.map((p) => newestMtime(join(root, p))));
if (builtAt >= changedAt && !process.argv.includes("--force")) process.exit(0);

const vite = join(root, "node_modules/.bin/vite");
if (!existsSync(vite)) {
  if (builtAt > 0) {
    console.warn("[luoshi] 未安装 vite，沿用现有的 apps/web/dist（可能不是最新版本）");
    process.exit(0);
  }
  console.error("[luoshi] 缺少 apps/web/dist 且未安装 vite：请先执行 npm install 再执行 npm run build:web");
  process.exit(1);
}
console.log("[luoshi] 正在构建网页界面（apps/web）…");
// Vite takes NODE_ENV from the environment when set; under Vitest it is "test", which would ship React's and
// antd's development builds. The served UI is always the production build.
const result = spawnSync(vite, ["build", "apps/web", "--logLevel", "warn"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: "production" },
});
process.exit(result.status ?? 1);
