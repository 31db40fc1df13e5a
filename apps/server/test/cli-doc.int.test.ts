import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { errorBodySchema, parseOutputSchema } from "@luoshi/contract";
import { convertToDocx, findSoffice } from "../src/convert/soffice.ts";
import { runCli } from "./support/run-cli.ts";
import { seedPath } from "./support/sample-files.ts";

const soffice = findSoffice();
// Locally a machine without LibreOffice skips the .doc tests; CI installs it (.ci/run), so there it is a failure.
const requireSoffice = process.env.CI === "true";

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "luoshi-doc-test-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A real Word 97 .doc made by LibreOffice from a seed's text, one paragraph per line. */
function makeDoc(seed: string, sofficeBin: string): string {
  const source = join(scratch, "seed.txt");
  writeFileSync(source, readFileSync(seed));
  const profile = pathToFileURL(join(scratch, "profile")).href;
  const args = [`-env:UserInstallation=${profile}`, "--headless", "--infilter=Text (encoded):UTF8,LF,,,"];
  args.push("--convert-to", "doc:MS Word 97", "--outdir", join(scratch, "doc"), source);
  const made = spawnSync(sofficeBin, args, { timeout: 60_000, encoding: "utf8" });
  const doc = join(scratch, "doc", "seed.doc");
  if (!existsSync(doc)) throw new Error(`soffice could not make a .doc: ${made.stderr}`);
  return doc;
}

describe("legacy .doc input through LibreOffice", () => {
  it("LibreOffice is installed (required under CI=true)", () => {
    if (requireSoffice) expect(soffice, "CI=true but soffice/libreoffice is not on PATH").toBeDefined();
  });

  it.skipIf(!soffice && !requireSoffice)("luoshi parse FILE.doc converts and parses it", async () => {
    const doc = makeDoc(seedPath("001"), soffice ?? "soffice");
    expect([...readFileSync(doc).subarray(0, 4)]).toEqual([0xd0, 0xcf, 0x11, 0xe0]);
    const run = await runCli(["parse", doc, "--json"]);
    expect(run.code, run.stderr).toBe(0);
    const output = parseOutputSchema.parse(JSON.parse(run.stdout));
    expect(output.documents).toHaveLength(1);
    expect(output.documents[0]?.docNumber).toBe("江府办〔2022〕7号");
  });

  it.skipIf(!soffice && !requireSoffice)(
    "a conversion that overruns its time limit is killed and reported",
    async () => {
      const bytes = readFileSync(seedPath("002"));
      const before = readdirSync(tmpdir()).filter((f) => f.startsWith("luoshi-soffice-")).length;
      const result = await convertToDocx({ bytes, filename: "slow.doc", timeoutMs: 50 });
      expect(result.ok ? "ok" : result.error.code).toBe("CONVERSION_TIMEOUT");
      // The per-run profile and output directory are removed even on timeout.
      expect(readdirSync(tmpdir()).filter((f) => f.startsWith("luoshi-soffice-")).length).toBeLessThanOrEqual(before);
    },
  );

  it("without soffice on PATH, a .doc is SOFFICE_MISSING with install advice", async () => {
    const emptyBin = join(scratch, "empty-bin");
    mkdirSync(emptyBin);
    const doc = join(scratch, "legacy.doc");
    writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const run = await runCli(["parse", doc, "--json"], { env: { ...process.env, PATH: emptyBin } });
    expect(run.code, run.stderr).toBe(2);
    const body = errorBodySchema.parse(JSON.parse(run.stderr));
    expect(body.error.code).toBe("SOFFICE_MISSING");
    expect(body.error.message).toContain("apt-get install libreoffice-writer");
  });
});
