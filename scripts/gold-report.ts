/** Prints the per-field score of `parseText` against ../shared/seeds/gold, and the first mismatches. */
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseText } from "../packages/parser/src/grammar/parse-text.ts";
import type { ParseOutput } from "@luoshi/contract";
import { compareToGold } from "../packages/parser/test/gold-compare.ts";

const seeds = resolve(import.meta.dirname, "../../shared/seeds");
const only = process.argv[2];
for (const file of readdirSync(seeds).filter((f) => f.endsWith(".txt") && (!only || f.startsWith(only)))) {
  const gold = JSON.parse(readFileSync(resolve(seeds, "gold", file.slice(0, 3) + ".json"), "utf8")) as ParseOutput;
  const actual = parseText(readFileSync(resolve(seeds, file), "utf8"));
  const { scores, mismatches } = compareToGold(gold, actual);
  const total = scores.reduce((s, x) => s + x.total, 0);
  const matched = scores.reduce((s, x) => s + x.matched, 0);
  console.log(`${file}: ${((100 * matched) / total).toFixed(2)}% (${matched}/${total})`);
  for (const s of scores.filter((x) => x.matched < x.total)) console.log(`   ${s.field}: ${s.matched}/${s.total}`);
  for (const m of mismatches.slice(0, Number(process.env.SHOW ?? 6))) {
    console.log(
      `   ✗ ${m.where}\n      expected ${JSON.stringify(m.expected)?.slice(0, 400)}\n      actual   ${JSON.stringify(m.actual)?.slice(0, 400)}`,
    );
  }
}
