import { existsSync, readFileSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseOutputSchema } from "@luoshi/contract";
import { parseBytes, parseText, type ParseResult } from "../src/index.ts";

/**
 * The parser's promise is totality: whatever text or bytes arrive, it returns a valid ParseOutput or an expected
 * failure as a value, never an exception. These properties hammer that promise with random and mutated input.
 * numRuns are sized so the whole file stays around 30 s on one core.
 */

const seedsDir = resolve(import.meta.dirname, "../../../../shared/seeds");
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(resolve(seedsDir, f), "utf8"));
const fixturesDir = resolve(import.meta.dirname, "fixtures");

function assertValidResult(result: ParseResult): void {
  if (result.ok) {
    parseOutputSchema.parse(result.output);
  } else {
    expect(result.error.code).toMatch(/^[A-Z_]+$/);
    expect(result.error.message).toMatch(/[\u4e00-\u9fff]/);
  }
}

// Tokens the grammar keys on, so random text reaches numbering, tables, units and deadlines, not just prose.
const GRAMMAR_TOKENS = [
  "一、",
  "二、",
  "十一、",
  "（一）",
  "（二十）",
  "(三)",
  "1.",
  "2．",
  "12、",
  "\t",
  "\n",
  "\n\n",
  " ",
  "　",
  "|",
  "江府办〔2022〕7号",
  "国办发[2019]14号",
  "号",
  "〔",
  "〕",
  "关于印发",
  "的通知",
  "分工方案",
  "工作要点",
  "江门市人民政府办公室",
  "各县（市、区）政府",
  "市有关单位",
  "市财政局",
  "、水务局",
  "牵头",
  "配合",
  "负责",
  "负责监督落实",
  "；",
  "，",
  "。",
  "：",
  "责任单位",
  "工作任务",
  "具体要求",
  "评价标准",
  "2022年底前",
  "年底前",
  "每年的 1 月 31 日前",
  "5个工作日内",
  "长期坚持",
  "12 月份",
  "2019年7月31日",
  "《",
  "》",
  "附件：",
  "抄送：",
  "主动公开",
  "印发",
  "（此件公开发布）",
  "<div>",
  "</td>",
  "---",
  "#",
];
const grammarText = fc.array(fc.constantFrom(...GRAMMAR_TOKENS), { maxLength: 400 }).map((t) => t.join(""));
const mixedText = fc.oneof(
  fc.string({ maxLength: 2000 }),
  fc.string({ unit: "binary", maxLength: 2000 }),
  grammarText,
  fc.tuple(grammarText, fc.string({ unit: "binary", maxLength: 200 }), grammarText).map((p) => p.join("")),
);

const PUNCTUATION_SWAPS: [string, string][] = [
  ["，", ","],
  ["、", ","],
  ["（", "("],
  ["）", ")"],
  ["〔", "["],
  ["〕", "]"],
  ["：", ":"],
  ["。", "."],
  ["；", ";"],
  ["《", "<"],
  ["》", ">"],
  ["　", " "],
  ["\t", "  "],
  ["号", ""],
];

type Mutation =
  { op: "delete" | "duplicate" | "tab"; at: number } | { op: "swap"; which: number } | { op: "truncate"; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constantFrom("delete" as const, "duplicate" as const, "tab" as const), at: fc.nat() }),
  fc.record({ op: fc.constant("swap" as const), which: fc.nat(PUNCTUATION_SWAPS.length - 1) }),
  fc.record({ op: fc.constant("truncate" as const), at: fc.nat() }),
);

function mutate(text: string, m: Mutation): string {
  const lines = text.split("\n");
  switch (m.op) {
    case "delete":
      lines.splice(m.at % lines.length, 1);
      return lines.join("\n");
    case "duplicate": {
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i] ?? "");
      return lines.join("\n");
    }
    case "tab": {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + "\t" + text.slice(at);
    }
    case "swap": {
      const [from, to] = PUNCTUATION_SWAPS[m.which] ?? ["，", ","];
      return text.split(from).join(to);
    }
    case "truncate":
      return text.slice(0, m.at % (text.length + 1));
  }
}

const mutatedSeeds = fc
  .record({
    picks: fc.array(fc.nat(seeds.length - 1), { minLength: 1, maxLength: 3 }),
    mutations: fc.array(mutation, { maxLength: 12 }),
  })
  .map(({ picks, mutations }) => mutations.reduce(mutate, picks.map((i) => seeds[i] ?? "").join("\n\n")));

describe("parseText is total", () => {
  it("arbitrary strings give a valid ParseOutput", () => {
    fc.assert(
      fc.property(mixedText, (text) => {
        parseOutputSchema.parse(parseText(text));
      }),
      { numRuns: 600 },
    );
  });

  it("mutated and concatenated seeds give a valid ParseOutput", () => {
    fc.assert(
      fc.property(mutatedSeeds, (text) => {
        parseOutputSchema.parse(parseText(text));
      }),
      { numRuns: 300 },
    );
  });
});

const FILENAMES = ["a.txt", "a.docx", "a.pdf", "a.html", "a.htm", "a.doc", "a.wps", "a", "A.DOCX", "a.xlsx"];
const MAGIC = ["", "PK\u0003\u0004", "%PDF-1.7\n", "<html><body>", "\ufeff", "\u00d0\u00cf\u0011\u00e0"];
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

describe("parseBytes is total", () => {
  it("arbitrary bytes, with and without a format's magic, under any file name", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...MAGIC),
        fc.uint8Array({ maxLength: 4096 }),
        fc.constantFrom(...FILENAMES),
        async (magic, body, filename) => {
          const bytes = new Uint8Array([...latin1(magic), ...body]);
          assertValidResult(await parseBytes(bytes, { filename }));
        },
      ),
      { numRuns: 600 },
    );
  });

  it("mutated seeds as UTF-8 bytes", async () => {
    await fc.assert(
      fc.asyncProperty(mutatedSeeds, fc.constantFrom("a.txt", "a.html", "a"), async (text, filename) => {
        assertValidResult(await parseBytes(new TextEncoder().encode(text), { filename }));
      }),
      { numRuns: 100 },
    );
  });

  const docxFixtures = existsSync(fixturesDir)
    ? readdirSync(fixturesDir)
        .filter((f) => f.endsWith(".docx"))
        .map((f) => readFileSync(resolve(fixturesDir, f)))
    : [];

  it.skipIf(docxFixtures.length === 0)("mutated .docx bytes (flipped, cut, spliced)", async () => {
    const docx = fc.constantFrom(...docxFixtures.map((b) => new Uint8Array(b)));
    const edit = fc.record({ at: fc.nat(), byte: fc.nat(255), kind: fc.constantFrom("flip", "cut", "insert") });
    await fc.assert(
      fc.asyncProperty(docx, fc.array(edit, { minLength: 1, maxLength: 8 }), async (original, edits) => {
        let bytes = original.slice();
        for (const e of edits) {
          const at = e.at % Math.max(1, bytes.length);
          if (e.kind === "flip") bytes[at] = e.byte;
          else if (e.kind === "cut") bytes = bytes.slice(0, at);
          else bytes = new Uint8Array([...bytes.subarray(0, at), e.byte, ...bytes.subarray(at)]);
        }
        assertValidResult(await parseBytes(bytes, { filename: "mutated.docx" }));
      }),
      { numRuns: 200 },
    );
  });
});

describe("parseBytes on hostile sizes and shapes", () => {
  it("100,000 nested <div>s do not overflow the stack", async () => {
    const depth = 100_000;
    const html = "<html><body>" + "<div>".repeat(depth) + "一、深度测试" + "</div>".repeat(depth) + "</body></html>";
    assertValidResult(await parseBytes(new TextEncoder().encode(html), { filename: "deep.html" }));
  });

  it("200 MB of text parses (or is refused as INPUT_TOO_LARGE) without throwing", { timeout: 600_000 }, async () => {
    const unit = new TextEncoder().encode(seeds.join("\n\n") + "\n\n");
    const size = 200 * 1024 * 1024;
    const bytes = new Uint8Array(size);
    for (let at = 0; at < size; at += unit.length) bytes.set(unit.subarray(0, Math.min(unit.length, size - at)), at);
    const started = performance.now();
    const result = await parseBytes(bytes, { filename: "huge.txt" });
    const seconds = (performance.now() - started) / 1000;
    console.info(`200 MB through parseBytes: ${seconds.toFixed(1)} s, ok=${result.ok}`);
    if (result.ok) {
      expect(result.output.documents.length).toBeGreaterThan(1000);
    } else {
      expect(result.error.code).toBe("INPUT_TOO_LARGE");
    }
  });
});
