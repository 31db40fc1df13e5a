import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseBytes } from "../src/parse-bytes.ts";
import { decodeText } from "../src/readers/decode-text.ts";
import { readDocx } from "../src/readers/docx-reader.ts";
import { readHtml } from "../src/readers/html-reader.ts";
import { readPdf } from "../src/readers/pdf-reader.ts";

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`fixtures/${name}`, import.meta.url)));
const seed = (name: string) => readFileSync(new URL(`../../../../shared/seeds/${name}`, import.meta.url), "utf8");

function textOf(result: { ok: true; text: string } | { ok: false; error: { message: string } }): string {
  if (!result.ok) throw new Error(result.error.message);
  return result.text;
}

describe("docx reader on seed-001-table.docx (made by the docx package, real merges and numbering)", () => {
  const text = textOf(readDocx(fixture("seed-001-table.docx")));
  const rows = text.split("\n").filter((line) => line.includes("\t"));

  it("renders the table once, header first, every row four cells", () => {
    expect(rows[0]).toBe("工作要求\t工作任务\t具体要求\t责任单位");
    expect(rows).toHaveLength(60);
    expect(rows.every((row) => row.split("\t").length === 4)).toBe(true);
  });

  it("gives vertically merged 工作要求/工作任务 cells as empty continuation cells", () => {
    expect(rows[1]?.startsWith("一、优化政务公开工作基础\t(一)深化行政规章、规范性文件集中公开。\t1.依托")).toBe(true);
    expect(rows[2]?.startsWith("\t\t2.做好政府门户网站")).toBe(true);
    expect(rows[3]?.startsWith("\t(二)持续推进基层政务公开标准化规范化。\t3.")).toBe(true);
    const section5 = rows.find((row) => row.startsWith("五、"));
    expect(section5?.split("\t")[1]).toBe("");
  });

  it("prints the numbers Word generates for the notice's points", () => {
    expect(text).toContain("\n一、各地、各部门要高度重视");
    expect(text).toContain(
      "\n（一）提出具体工作措施，明确具体分工；\n（二）实时跟进推动，确保落实到位。\n二、各地、各部门要将",
    );
  });
});

describe("html reader on seed-004-page.html", () => {
  const result = readHtml(new TextDecoder().decode(fixture("seed-004-page.html")));
  const text = textOf(result);

  it("drops the site chrome and the 信息公开 metadata table, with a warning", () => {
    for (const chrome of [
      "首页",
      "当前位置",
      "索引号",
      "007024553",
      "网站地图",
      "ICP",
      "分享到",
      "统计代码",
      "无障碍",
    ]) {
      expect(text).not.toContain(chrome);
    }
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(["HTML_METADATA_DROPPED"]);
    expect(text.startsWith("湛江市人民政府办公室\n湛府办函〔2019〕59号\n")).toBe(true);
  });

  it("fills rowspan and colspan cells with empty strings", () => {
    const rows = text.split("\n").filter((line) => line.includes("\t"));
    expect(rows[0]).toBe("\t工作任务\t评价标准\t责任单位");
    expect(rows[1]).toBe("一、着眼稳定预期，加强政策解读和回应关切\t\t\t");
    expect(rows[2]?.startsWith("(一) 深入解读重要政策措施\t1. 围绕我市")).toBe(true);
    expect(rows[3]?.startsWith("\t2. 政策性文件与解读方案")).toBe(true);
    expect(rows.every((row) => row.split("\t").length === 4)).toBe(true);
  });
});

describe("pdf reader on LibreOffice-made PDFs", () => {
  it("extracts the text layer, joins wrapped lines and rebuilds the simple table", async () => {
    const text = textOf(await readPdf(fixture("seed-002-prose-table.pdf")));
    const lines = text.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "广东省人民政府办公厅关于转发国务院办公厅",
      "2020 年政务公开工作要点的通知",
      "粤府办〔2020〕14 号",
      "各地级以上市人民政府，省政府各部门、各直属机构：",
    ]);
    const point1 = seed("002_da572b0f681d1c21.txt")
      .split("\n")
      .find((l) => l.includes("一、加快推进"))
      ?.trim();
    expect(lines.find((l) => l.startsWith("一、加快推进"))).toBe(point1);
    expect(lines.filter((l) => /^[一二三四五]、/.test(l))).toHaveLength(5);
    expect(text).toContain(
      "\n\n序号\t工作事项\t责任单位\t完成时限\n1\t基层政务公开标准化规范化\t各地级以上市\t2020 年底前\n",
    );
  });

  it("maps radical look-alikes in the text layer to ideographs", async () => {
    const text = textOf(await readPdf(fixture("radicals.pdf")));
    expect(text).toContain("湛江市人民政府办公室关于加强政府门户网站建设的通知");
    expect(text).not.toMatch(/[\u2e80-\u2fdf]/);
  });
});

describe("text fixtures", () => {
  it("detects GB18030 and strips a UTF-8 BOM", () => {
    expect(decodeText(fixture("seed-002-gbk.txt"))).toEqual({
      ok: true,
      text: seed("002_da572b0f681d1c21.txt"),
      encoding: "gb18030",
    });
    expect(decodeText(fixture("seed-003-utf8-bom.txt"))).toEqual({
      ok: true,
      text: seed("003_578ff0769096711f.txt"),
      encoding: "utf-8",
    });
  });
});

describe("parseBytes on bad inputs", () => {
  const cases: [string, string][] = [
    ["empty.txt", "EMPTY_INPUT"],
    ["binary.bin", "BINARY_INPUT"],
    ["truncated.docx", "CORRUPT_DOCX"],
    ["corrupt.pdf", "CORRUPT_PDF"],
    ["encrypted.pdf", "CORRUPT_PDF"],
    ["no-text-layer.pdf", "PDF_NO_TEXT_LAYER"],
    ["zip-bomb.docx", "ZIP_BOMB"],
    ["seed-001-table.doc", "NEEDS_CONVERSION"],
  ];
  for (const [name, code] of cases) {
    it(`${name} → ${code}`, async () => {
      const result = await parseBytes(fixture(name), { filename: name });
      expect(result).toMatchObject({ ok: false, error: { code } });
      expect(!result.ok && result.error.message).toMatch(/[\u4e00-\u9fff]/);
    });
  }

  it("says an encrypted PDF is encrypted", async () => {
    const result = await parseBytes(fixture("encrypted.pdf"), { filename: "encrypted.pdf" });
    expect(!result.ok && result.error.message).toContain("加密");
  });

  it("refuses a file over maxBytes before reading it", async () => {
    const result = await parseBytes(fixture("seed-001-table.docx"), { filename: "a.docx", maxBytes: 1024 });
    expect(result).toMatchObject({ ok: false, error: { code: "INPUT_TOO_LARGE" } });
  });
});
