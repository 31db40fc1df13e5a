/**
 * The measured half of `npm run bench`, run in its own process (with --expose-gc) so that its peak RSS belongs
 * to the parse alone, not to the parent's bookkeeping. Prints one JSON line for parse-bench.ts.
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseText } from "../../packages/parser/src/grammar/parse-text.ts";

export type ChildReport = {
  inputBytes: number;
  seconds: number;
  documents: number;
  baselineRssBytes: number;
  peakRssBytes: number;
  seeds: { file: string; bytes: number; medianMs: number; runsMs: number[] }[];
};

const MIN_INPUT_BYTES = 20 * 1024 * 1024;
const SEED_RUNS = 5;

function statusBytes(field: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(readFileSync("/proc/self/status", "utf8"));
  if (!match?.[1]) throw new Error(`${field} not in /proc/self/status (Linux only)`);
  return Number(match[1]) * 1024;
}

function collectGarbage(): void {
  // `gc` exists only under --expose-gc, so no type declares it.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("run with node --expose-gc");
  gc();
  gc();
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

const seedsDir = resolve(import.meta.dirname, "../../../shared/seeds");
const seedFiles = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort();
const seedTexts = seedFiles.map((f) => readFileSync(resolve(seedsDir, f), "utf8"));

// Per-seed timings first: they also warm the JIT before the large run.
const seeds = seedFiles.map((file, i) => {
  const text = seedTexts[i] ?? "";
  const runsMs = Array.from({ length: SEED_RUNS }, () => {
    const started = performance.now();
    parseText(text);
    return performance.now() - started;
  });
  return { file, bytes: Buffer.byteLength(text), medianMs: median(runsMs), runsMs };
});

collectGarbage();
const baselineRssBytes = statusBytes("VmRSS");
// Writing 5 to clear_refs resets VmHWM, so the peak read below is the peak from here on.
writeFileSync("/proc/self/clear_refs", "5");

const bundle = seedTexts.join("\n\n") + "\n\n";
const bundleBytes = Buffer.byteLength(bundle);
const input = bundle.repeat(Math.ceil(MIN_INPUT_BYTES / bundleBytes));
const inputBytes = Buffer.byteLength(input);

const started = performance.now();
const output = parseText(input);
const seconds = (performance.now() - started) / 1000;
const peakRssBytes = statusBytes("VmHWM");

const report: ChildReport = {
  inputBytes,
  seconds,
  documents: output.documents.length,
  baselineRssBytes,
  peakRssBytes,
  seeds,
};
process.stdout.write(JSON.stringify(report) + "\n");
