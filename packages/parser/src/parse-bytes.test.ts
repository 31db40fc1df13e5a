import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { detectFormat, parseBytes } from "./parse-bytes.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

describe("detectFormat", () => {
  it("trusts magic bytes over the extension", () => {
    expect(detectFormat(zipSync({ "word/document.xml": enc("<x/>") }), "plan.doc")).toBe("docx");
    expect(detectFormat(enc("%PDF-1.7\n"), "plan.html")).toBe("pdf");
    expect(detectFormat(new Uint8Array([...OLE, 0, 0]), "plan.docx")).toBe("ole");
    expect(detectFormat(enc("{\\rtf1\\ansi"), "plan.doc")).toBe("rtf");
  });

  it("tells HTML from text by extension or a leading doctype", () => {
    expect(detectFormat(enc("<p>通知</p>"), "page.htm")).toBe("html");
    expect(detectFormat(enc("\ufeff  <!DOCTYPE html><html>"), "download")).toBe("html");
    expect(detectFormat(enc("<html lang='zh'>"), "page.txt")).toBe("html");
    expect(detectFormat(enc("江府办〔2022〕7号"), "plan.txt")).toBe("text");
  });
});

describe("parseBytes", () => {
  it("parses text and HTML through the grammar, reader warnings first", async () => {
    const text = await parseBytes(enc("江门市人民政府办公室关于印发方案的通知\n"), { filename: "a.txt" });
    expect(text.ok).toBe(true);
    const html = await parseBytes(
      enc(
        "<ul><li>索引号：1</li><li>发布机构：市政府</li><li>成文日期：2022-07-18</li></ul><p>江门市人民政府办公室关于印发方案的通知</p>",
      ),
      { filename: "a.html" },
    );
    expect(html.ok && html.output.warnings[0]?.code).toBe("HTML_METADATA_DROPPED");
  });

  it("maps radical look-alikes before the grammar sees the text", async () => {
    const result = await parseBytes(enc("江府办〔2022〕7号\n\n江门市⼈⺠政府办公室关于印发方案的通知\n"), {
      filename: "a.txt",
    });
    expect(JSON.stringify(result)).not.toMatch(/[⼈⺠]/);
  });

  it("returns every failure as a value with a Chinese message", async () => {
    const cases: [Uint8Array, string, string, number?][] = [
      [new Uint8Array(0), "empty.txt", "EMPTY_INPUT"],
      [enc("1234567890"), "a.txt", "INPUT_TOO_LARGE", 5],
      [new Uint8Array([...OLE, 1, 2, 3]), "plan.doc", "NEEDS_CONVERSION"],
      [new Uint8Array([...OLE, 1, 2, 3]), "plan.wps", "NEEDS_CONVERSION"],
      [enc("{\\rtf1\\ansi 通知}"), "plan.rtf", "NEEDS_CONVERSION"],
      [new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]), "a.bin", "BINARY_INPUT"],
      [enc("PK\u0003\u0004garbage"), "a.docx", "CORRUPT_DOCX"],
      [enc("not a pdf at all"), "a.pdf", "CORRUPT_PDF"],
      [zipSync({ "xl/workbook.xml": enc("<x/>") }), "a.xlsx", "UNSUPPORTED_FORMAT"],
    ];
    for (const [bytes, filename, code, maxBytes] of cases) {
      const result = await parseBytes(bytes, { filename, maxBytes });
      expect(result, filename).toMatchObject({ ok: false, error: { code } });
      expect(result.ok || /[\u4e00-\u9fff]/.test(result.error.message), filename).toBe(true);
    }
  });

  it("mentions LibreOffice when a .doc needs converting", async () => {
    const result = await parseBytes(new Uint8Array([...OLE, 0]), { filename: "a.doc" });
    expect(!result.ok && result.error.message).toContain("soffice");
  });
});
