/** `npm run bench`: every benchmark in turn; each still runs when an earlier one misses its target. */
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const tsxLoader = pathToFileURL(resolve(import.meta.dirname, "../../node_modules/tsx/dist/loader.mjs")).href;
const failed = ["parse-bench.ts", "server-bench.ts", "import-bench.ts", "publish-bench.ts"].filter((file) => {
  const run = spawnSync(process.execPath, ["--import", tsxLoader, resolve(import.meta.dirname, file)], {
    stdio: "inherit",
  });
  return run.status !== 0;
});
if (failed.length > 0) {
  console.error(`\n未通过 / failed: ${failed.join(", ")}`);
  process.exitCode = 1;
}
