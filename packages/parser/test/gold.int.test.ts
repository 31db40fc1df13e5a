import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseOutputSchema, type ParseOutput } from "@luoshi/contract";
import { parseText } from "../src/grammar/parse-text.ts";
import { compareToGold } from "./gold-compare.ts";

const seeds = resolve(import.meta.dirname, "../../../../shared/seeds");
const files = readdirSync(seeds).filter((f) => f.endsWith(".txt"));

describe("the five seed documents reproduce their gold parse exactly", () => {
  it("finds all five seeds", () => {
    expect(files).toHaveLength(5);
  });

  for (const file of files) {
    it(`${file}: 100% of fields match gold/${file.slice(0, 3)}.json`, () => {
      const gold = parseOutputSchema.parse(
        JSON.parse(readFileSync(resolve(seeds, "gold", `${file.slice(0, 3)}.json`), "utf8")),
      );
      const actual: ParseOutput = parseOutputSchema.parse(parseText(readFileSync(resolve(seeds, file), "utf8")));
      const { scores, mismatches } = compareToGold(gold, actual);
      const lines = scores.map((s) => `${s.field.padEnd(24)} ${s.matched}/${s.total}`);
      const total = scores.reduce((n, s) => n + s.total, 0);
      const matched = scores.reduce((n, s) => n + s.matched, 0);
      console.info(`${file}: ${((100 * matched) / total).toFixed(2)}% of ${total} fields\n  ${lines.join("\n  ")}`);
      expect(mismatches.slice(0, 5)).toEqual([]);
      expect(matched).toBe(total);
    });
  }
});
