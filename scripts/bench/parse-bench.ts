/**
 * `npm run bench`: parser throughput and memory against the targets of issue #2 — at least 5 MB/s on one core,
 * peak memory under 10× the input size. Writes bench-out/parse-bench.json; exits 1 when a target is missed.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { padDisplay } from "../../apps/server/src/cli/text-width.ts";
import type { ChildReport } from "./parse-bench-child.ts";

const TARGET_MB_PER_S = 5;
const TARGET_PEAK_RATIO = 10;
const MB = 1024 * 1024;

const repoRoot = resolve(import.meta.dirname, "../..");
const tsxLoader = pathToFileURL(resolve(repoRoot, "node_modules/tsx/dist/loader.mjs")).href;
const child = spawnSync(
  process.execPath,
  ["--expose-gc", "--import", tsxLoader, resolve(import.meta.dirname, "parse-bench-child.ts")],
  { encoding: "utf8", maxBuffer: 16 * MB, stdio: ["ignore", "pipe", "inherit"] },
);
if (child.status !== 0) {
  console.error(`基准测试子进程失败 / bench child failed (exit ${child.status ?? child.signal})`);
  process.exit(2);
}
// Our own child wrote this line from a ChildReport; there is no outside input to validate.
const report = JSON.parse(child.stdout) as ChildReport;

const inputMb = report.inputBytes / MB;
const mbPerS = inputMb / report.seconds;
const peakMb = (report.peakRssBytes - report.baselineRssBytes) / MB;
const peakRatio = peakMb / inputMb;
const misses = [
  ...(mbPerS < TARGET_MB_PER_S ? [`吞吐 ${mbPerS.toFixed(2)} MB/s < ${TARGET_MB_PER_S} MB/s`] : []),
  ...(peakRatio >= TARGET_PEAK_RATIO ? [`峰值内存 ${peakRatio.toFixed(2)}× ≥ ${TARGET_PEAK_RATIO}× 输入`] : []),
];

const row = (label: string, value: string, target = "") =>
  `  ${padDisplay(label, 36)}${value.padStart(14)}   ${target}`;
console.log("parseText 基准 / parser benchmark (one core, in-process)");
console.log(row("input / 输入", `${inputMb.toFixed(1)} MB`, `(${report.documents} documents)`));
console.log(row("time / 用时", `${report.seconds.toFixed(2)} s`));
console.log(row("throughput / 吞吐", `${mbPerS.toFixed(2)} MB/s`, `target ≥ ${TARGET_MB_PER_S} MB/s`));
console.log(row("peak RSS over baseline / 峰值内存", `${peakMb.toFixed(0)} MB`));
console.log(row("peak / input / 峰值与输入之比", `${peakRatio.toFixed(2)}×`, `target < ${TARGET_PEAK_RATIO}×`));
console.log("\n  seed (median of 5) / 单份种子文件（5 次中位数）");
for (const seed of report.seeds) {
  console.log(row(`  ${seed.file}`, `${seed.medianMs.toFixed(1)} ms`, `${(seed.bytes / 1024).toFixed(1)} KB`));
}

const outDir = resolve(repoRoot, "bench-out");
mkdirSync(outDir, { recursive: true });
const result = {
  ...report,
  inputMb,
  mbPerS,
  peakOverBaselineMb: peakMb,
  peakRatio,
  targets: { mbPerS: TARGET_MB_PER_S, peakRatio: TARGET_PEAK_RATIO },
  misses,
  node: process.version,
  at: new Date().toISOString(),
};
writeFileSync(resolve(outDir, "parse-bench.json"), JSON.stringify(result, null, 2) + "\n");
console.log(`\n  → bench-out/parse-bench.json`);

if (misses.length > 0) {
  console.error(`\n未达标 / target missed:\n  ${misses.join("\n  ")}`);
  process.exitCode = 1;
} else {
  console.log("\n全部达标 / all targets met");
}
