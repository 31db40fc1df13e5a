import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema, parseOutputSchema } from "@luoshi/contract";
import { runCli, type CliRun } from "./support/run-cli.ts";
import {
  binaryBytes,
  docxFromText,
  parserFixture,
  goldDocumentCount,
  seedFiles,
  seedPath,
  seedsDir,
} from "./support/sample-files.ts";

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "luoshi-cli-test-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: Uint8Array | string): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

/** The contract for every failure: exit 2, nothing on stdout, exactly one JSON error body on stderr. */
function expectFailure(run: CliRun, codes: string[]): void {
  expect(run.code, run.stderr).toBe(2);
  expect(run.stdout).toBe("");
  const body = errorBodySchema.parse(JSON.parse(run.stderr));
  expect(codes).toContain(body.error.code);
  expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
}

describe("luoshi help", () => {
  for (const args of [["--help"], ["help"], []]) {
    it(`luoshi ${args.join(" ") || "(no arguments)"} lists the subcommands in Chinese and English`, async () => {
      const run = await runCli(args);
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/parse <文件> \[--json\]\s+解析公文\/方案文件，输出结构化结果 \/ Parse a document/);
      expect(run.stdout).toContain("help");
      expect(run.stdout.indexOf("解析")).toBeLessThan(run.stdout.indexOf("Parse"));
    });
  }

  it("luoshi parse --help shows the parse usage", async () => {
    const run = await runCli(["parse", "--help"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("用法：luoshi parse");
    expect(run.stdout).toContain("Usage: luoshi parse");
  });

  it("an unknown subcommand exits 2 with UNKNOWN_COMMAND", async () => {
    expectFailure(await runCli(["frobnicate"]), ["UNKNOWN_COMMAND"]);
  });

  it("an unknown option or a missing file argument is a USAGE_ERROR", async () => {
    expectFailure(await runCli(["parse", "--jsn", seedPath("001")]), ["USAGE_ERROR"]);
    expectFailure(await runCli(["parse", "--json"]), ["USAGE_ERROR"]);
  });
});

describe("luoshi parse FILE --json on the seeds", () => {
  it("finds the five seeds", () => {
    expect(seedFiles).toHaveLength(5);
  });

  for (const file of seedFiles) {
    it(`${file}: one JSON object on stdout, valid against the contract, with the gold document count`, async () => {
      const run = await runCli(["parse", join(seedsDir, file), "--json"]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).toBe("");
      const output = parseOutputSchema.parse(JSON.parse(run.stdout));
      expect(output.documents).toHaveLength(goldDocumentCount(file));
    });
  }

  it("a relative path from the repository root works (the README's first command)", async () => {
    const run = await runCli(["parse", `../shared/seeds/${seedFiles[1]}`, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(parseOutputSchema.parse(JSON.parse(run.stdout)).documents[0]?.docNumber).toBe("江府办〔2022〕7号");
  });

  it("writes a large JSON output completely before exiting", async () => {
    const seeds = seedFiles.map((f) => readFileSync(join(seedsDir, f), "utf8")).join("\n\n");
    const file = scratchFile("bundle.txt", Array.from({ length: 20 }, () => seeds).join("\n\n"));
    const run = await runCli(["parse", file, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.length).toBeGreaterThan(1_000_000);
    expect(parseOutputSchema.parse(JSON.parse(run.stdout)).documents.length).toBeGreaterThanOrEqual(20 * 9);
  });
});

describe("luoshi parse FILE (human summary)", () => {
  it("summarises seed 001 in Chinese: document fields, the table plan, units with roles, deadlines", async () => {
    const run = await runCli(["parse", seedPath("001")]);
    expect(run.code, run.stderr).toBe(0);
    for (const text of [
      "发文字号：江府办〔2022〕7号",
      "发文机关：江门市人民政府办公室",
      "成文日期：2022-07-18",
      "引用文件：3 份",
      "来源：表格",
      "列：工作要求 | 工作任务 | 具体要求 | 责任单位",
      "任务：59 项",
      "〔统称〕",
      "牵头",
      "2022年底前 → 2022-12-31",
      "警告",
    ]) {
      expect(run.stdout).toContain(text);
    }
  });

  it("lists every document of a bundle", async () => {
    const run = await runCli(["parse", seedPath("000")]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("共 3 份公文");
    expect(run.stdout).toContain("公文 3/3");
    expect(run.stdout).toContain("来源：提纲");
  });
});

describe("luoshi parse on inputs it cannot read: exit 2 and a JSON error, never a crash", () => {
  it("a missing file is FILE_NOT_FOUND", async () => {
    expectFailure(await runCli(["parse", join(scratch, "nope.docx"), "--json"]), ["FILE_NOT_FOUND"]);
  });

  it("a directory is NOT_A_FILE", async () => {
    expectFailure(await runCli(["parse", scratch, "--json"]), ["NOT_A_FILE"]);
  });

  it("an empty file is EMPTY_INPUT", async () => {
    expectFailure(await runCli(["parse", scratchFile("empty.txt", ""), "--json"]), ["EMPTY_INPUT"]);
  });

  it("binary junk is refused", async () => {
    const file = scratchFile("junk.txt", binaryBytes());
    expectFailure(await runCli(["parse", file, "--json"]), ["BINARY_INPUT", "UNSUPPORTED_FORMAT"]);
    const unnamed = scratchFile("junk.bin", binaryBytes());
    expectFailure(await runCli(["parse", unnamed, "--json"]), ["BINARY_INPUT", "UNSUPPORTED_FORMAT"]);
  });

  it("the human mode fails the same way", async () => {
    expectFailure(await runCli(["parse", join(scratch, "nope.txt")]), ["FILE_NOT_FOUND"]);
  });

  describe("docx", () => {
    let docx: Uint8Array;
    beforeAll(async () => {
      docx = await docxFromText(readFileSync(seedPath("002"), "utf8"));
    });

    it("a well-formed .docx parses (the control for the broken ones)", async () => {
      const run = await runCli(["parse", scratchFile("seed-002.docx", docx), "--json"]);
      expect(run.code, run.stderr).toBe(0);
      expect(parseOutputSchema.parse(JSON.parse(run.stdout)).documents).toHaveLength(2);
    });

    it("a truncated .docx is CORRUPT_DOCX", async () => {
      const half = scratchFile("half.docx", docx.subarray(0, Math.floor(docx.length / 2)));
      expectFailure(await runCli(["parse", half, "--json"]), ["CORRUPT_DOCX"]);
      expectFailure(await runCli(["parse", parserFixture("truncated.docx"), "--json"]), ["CORRUPT_DOCX"]);
    });

    it("a zip bomb is refused without inflating it", async () => {
      expectFailure(await runCli(["parse", parserFixture("zip-bomb.docx"), "--json"]), ["ZIP_BOMB"]);
    });
  });
});
