import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseOutputSchema, type ParsedItem, type ParseOutput } from "@luoshi/contract";
import { parseBytes } from "../src/parse-bytes.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));
const gold = (n: string): ParseOutput =>
  parseOutputSchema.parse(
    JSON.parse(readFileSync(new URL(`../../../../shared/seeds/gold/${n}.json`, import.meta.url), "utf8")),
  );

async function tableItems(name: string): Promise<ParsedItem[]> {
  const result = await parseBytes(fixture(name), { filename: name });
  if (!result.ok) throw new Error(result.error.message);
  parseOutputSchema.parse(result.output);
  const plan = result.output.documents.flatMap((d) => d.plans).find((p) => p.source === "table");
  return plan?.items ?? [];
}

function goldTableItems(n: string): ParsedItem[] {
  return (
    gold(n)
      .documents.flatMap((d) => d.plans)
      .find((p) => p.source === "table")?.items ?? []
  );
}

function pick<K extends keyof ParsedItem>(items: ParsedItem[], fields: readonly K[]): Pick<ParsedItem, K>[] {
  return items.map((item) => Object.fromEntries(fields.map((f) => [f, item[f]])) as Pick<ParsedItem, K>);
}

describe("real files through the readers and the grammar reproduce the seed's gold items", () => {
  it("seed-001-table.docx: the 59 table items of seed 001 (path, text, unitsText)", async () => {
    const fields = ["path", "text", "unitsText"] as const;
    const actual = await tableItems("seed-001-table.docx");
    expect(actual).toHaveLength(59);
    expect(pick(actual, fields)).toEqual(pick(goldTableItems("001"), fields));
  });

  it("seed-004-page.html: the 57 table items of seed 004 (path, headings, text, criteria, unitsText)", async () => {
    const fields = ["path", "headings", "text", "criteria", "unitsText"] as const;
    const actual = await tableItems("seed-004-page.html");
    expect(actual).toHaveLength(57);
    expect(pick(actual, fields)).toEqual(pick(goldTableItems("004"), fields));
  });

  it("seed-002-gbk.txt and seed-003-utf8-bom.txt: the whole gold output", async () => {
    for (const [name, n] of [
      ["seed-002-gbk.txt", "002"],
      ["seed-003-utf8-bom.txt", "003"],
    ] as const) {
      const result = await parseBytes(fixture(name), { filename: name });
      expect(result.ok && result.output).toEqual(gold(n));
    }
  });
});
