import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ParsedPlan } from "@luoshi/contract";
import { parseText } from "../../../packages/parser/src/grammar/parse-text.ts";
import { findSoffice } from "../src/convert/soffice.ts";
import { documentXml } from "../src/modules/plan-export/docx-style.ts";
import { planDocx, unitTaskListDocx } from "../src/modules/plan-export/plan-docx.ts";
import { viewFromParsedPlan, type PlanExportView } from "../src/modules/plan-export/plan-export.ts";
import { XLSX_HEADER_ROW, planXlsx } from "../src/modules/plan-export/plan-xlsx.ts";
import { repoRoot, runCli } from "./support/run-cli.ts";
import { seedPath } from "./support/sample-files.ts";

const soffice = findSoffice();
// Locally a machine without LibreOffice skips the rendering tests; CI installs it, so there it is a failure.
const requireSoffice = process.env.CI === "true";
const exportsDir = resolve(repoRoot, "test-results/exports");

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "luoshi-export-test-"));
  mkdirSync(exportsDir, { recursive: true });
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function seedPlan(seed: string): ParsedPlan {
  const output = parseText(readFileSync(seedPath(seed), "utf8"));
  const plan = output.documents.flatMap((d) => d.plans).find((p) => p.source === "table");
  if (!plan) throw new Error(`seed ${seed} has no table plan`);
  return plan;
}

const SEEDS = [
  { seed: "001", items: 59, landscape: false },
  { seed: "004", items: 57, landscape: true },
];

describe.each(SEEDS)("seed $seed exported", ({ seed, items, landscape }) => {
  const view = () => viewFromParsedPlan(seedPlan(seed));

  it("as a .docx: every item a row, header repeated, categories merged, 公文 fonts, A4", async () => {
    const xml = documentXml(await planDocx(view()));
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(items + 1);
    expect(xml.match(/<w:tblHeader\/>/g)).toHaveLength(1);
    expect(xml).toContain('<w:vMerge w:val="restart"/>');
    expect(xml).toMatch(/<w:vMerge w:val="continue"\/>|<w:vMerge\/>/);
    expect(xml).toContain('w:eastAsia="仿宋_GB2312"');
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toMatch(landscape ? /w:w="16838" w:h="11906" w:orient="landscape"/ : /w:w="11906" w:h="16838"/);
  });

  it("as a .xlsx: one row per item and unit, filtered header", async () => {
    const v = view();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await planXlsx(v)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const expected = v.items.reduce((n, i) => n + Math.max(1, i.units.length), 0);
    expect(sheet?.rowCount).toBe(XLSX_HEADER_ROW + expected);
    expect(sheet?.autoFilter).toBeTruthy();
  });
});

describe("a formula in a seed's text", () => {
  it("stays text in the .xlsx", async () => {
    const view = viewFromParsedPlan(seedPlan("001"));
    const first = view.items[0];
    if (!first) throw new Error("no items");
    const poisoned: PlanExportView = { ...view, items: [{ ...first, text: "=1+2" }, ...view.items.slice(1)] };
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await planXlsx(poisoned)) as unknown as ArrayBuffer);
    const cell = workbook.worksheets[0]?.getRow(XLSX_HEADER_ROW + 1).getCell(5);
    expect(cell?.type).toBe(ExcelJS.ValueType.String);
    expect(cell?.value).toBe("'=1+2");
  });
});

describe("luoshi export", () => {
  it("writes the plan of a seed as .xlsx and a unit's task list as .docx", async () => {
    const xlsx = join(scratch, "plan.xlsx");
    const run = await runCli(["export", seedPath("001"), "--format", "xlsx", "-o", xlsx]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("59");
    expect([...readFileSync(xlsx).subarray(0, 2)]).toEqual([0x50, 0x4b]);
    const docx = join(scratch, "unit.docx");
    const unit = await runCli(["export", seedPath("001"), "--format", "docx", "--unit", "市司法局", "-o", docx]);
    expect(unit.code, unit.stderr).toBe(0);
    expect(documentXml(readFileSync(docx))).toContain("市司法局任务清单");
  });

  it("refuses an unknown format and a unit the plan does not name", async () => {
    const bad = await runCli(["export", seedPath("001"), "--format", "pdf"]);
    expect(bad.code).toBe(2);
    expect(JSON.parse(bad.stderr).error.code).toBe("USAGE_ERROR");
    const none = await runCli(["export", seedPath("001"), "--format", "xlsx", "--unit", "不存在局"]);
    expect(none.code).toBe(2);
    expect(JSON.parse(none.stderr).error.code).toBe("UNIT_NOT_IN_PLAN");
  });
});

/** Converts with a private profile (a shared one is locked by any running LibreOffice) and a time limit. */
function toPdf(file: string, sofficeBin: string): string {
  const run = `${file}-run`;
  const args = [`-env:UserInstallation=${pathToFileURL(join(run, "profile")).href}`, "--headless", "--norestore"];
  // An output directory per file: plan-001.docx and plan-001.xlsx would both become plan-001.pdf.
  const done = spawnSync(sofficeBin, [...args, "--convert-to", "pdf", "--outdir", run, file], {
    timeout: 90_000,
    encoding: "utf8",
  });
  const pdf = join(run, basename(file).replace(/\.(docx|xlsx)$/, ".pdf"));
  if (!existsSync(pdf)) throw new Error(`LibreOffice could not open ${file}: ${done.stderr}`);
  return pdf;
}

/** The first page as a small PNG under test-results/exports/, for a person to look at. */
function firstPagePng(pdf: string, name: string): void {
  const run = spawnSync("pdftoppm", [
    "-png",
    "-r",
    "60",
    "-f",
    "1",
    "-l",
    "1",
    "-singlefile",
    pdf,
    join(exportsDir, name),
  ]);
  if (run.error) return; // poppler-utils missing: the PDF already proves LibreOffice opened the file
  expect(existsSync(join(exportsDir, `${name}.png`))).toBe(true);
}

describe("LibreOffice (the WPS stand-in) opens the exports", () => {
  it("LibreOffice is installed (required under CI=true)", () => {
    if (requireSoffice) expect(soffice, "CI=true but soffice/libreoffice is not on PATH").toBeDefined();
  });

  it.skipIf(!soffice && !requireSoffice)("converts the .docx and .xlsx of seeds 001 and 004 to PDF", async () => {
    for (const { seed } of SEEDS) {
      const view = viewFromParsedPlan(seedPlan(seed));
      const files: [string, Uint8Array][] = [
        [`plan-${seed}.docx`, await planDocx(view)],
        [`plan-${seed}.xlsx`, await planXlsx(view)],
      ];
      if (seed === "001") files.push([`unit-${seed}.docx`, await unitTaskListDocx(view, "市司法局")]);
      for (const [name, bytes] of files) {
        const file = join(scratch, name);
        writeFileSync(file, bytes);
        const pdf = toPdf(file, soffice ?? "soffice");
        expect(readFileSync(pdf).subarray(0, 5).toString("latin1")).toBe("%PDF-");
        firstPagePng(pdf, name.replace(".", "-"));
      }
    }
  });
});
