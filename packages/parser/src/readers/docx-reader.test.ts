import { zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocx } from "./docx-reader.ts";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const enc = (s: string) => new TextEncoder().encode(s);

function docx(body: string, numbering?: string): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": enc("<Types/>"),
    "word/document.xml": enc(`<?xml version="1.0"?><w:document ${W}><w:body>${body}</w:body></w:document>`),
  };
  if (numbering) files["word/numbering.xml"] = enc(`<w:numbering ${W}>${numbering}</w:numbering>`);
  return zipSync(files);
}

const p = (text: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t>${text}</w:t></w:r></w:p>`;
const tc = (text: string, tcPr = "") => `<w:tc>${tcPr ? `<w:tcPr>${tcPr}</w:tcPr>` : ""}${p(text)}</w:tc>`;

describe("readDocx", () => {
  it("renders vertical merges as empty continuation cells and grid spans as extra empty cells", () => {
    const table = `<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>
      <w:tr><w:trPr><w:tblHeader/></w:trPr>${tc("工作任务")}${tc("具体要求")}${tc("责任单位")}</w:tr>
      <w:tr>${tc("一、基础", '<w:gridSpan w:val="3"/>')}</w:tr>
      <w:tr>${tc("(一)公开", '<w:vMerge w:val="restart"/>')}${tc("1.规章")}${tc("市司法局")}</w:tr>
      <w:tr>${tc("", "<w:vMerge/>")}${tc("2.文件")}${tc("市政府办公室")}</w:tr>
    </w:tbl>`;
    expect(readDocx(docx(p("分工方案") + table))).toEqual({
      ok: true,
      text: "分工方案\n\n工作任务\t具体要求\t责任单位\n一、基础\t\t\n(一)公开\t1.规章\t市司法局\n\t2.文件\t市政府办公室\n",
      warnings: [],
    });
  });

  it("joins a cell's paragraphs with a space and skips deleted text and field codes", () => {
    const cell = `<w:tc><w:p><w:r><w:t>市财政局</w:t></w:r><w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>
      <w:p><w:r><w:instrText>PAGE</w:instrText></w:r><w:r><w:t xml:space="preserve">牵头</w:t></w:r></w:p></w:tc>`;
    const table = `<w:tbl><w:tr>${tc("单位")}${cell}</w:tr><w:tr>${tc("a")}${tc("b")}</w:tr></w:tbl>`;
    expect(readDocx(docx(table))).toMatchObject({ ok: true, text: "单位\t市财政局 牵头\na\tb\n" });
  });

  it("prints the labels Word generates for numbered paragraphs", () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
      </w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="0"/></w:num>`;
    const num = (level: number) => `<w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="3"/></w:numPr>`;
    const body = [
      p("优化基础", num(0)),
      p("深化公开", num(1)),
      p("完善规章库", num(2)),
      p("持续推进", num(1)),
      p("平台建设", num(0)),
    ];
    expect(readDocx(docx(body.join(""), numbering))).toMatchObject({
      ok: true,
      text: "一、优化基础\n（一）深化公开\n1. 完善规章库\n（二）持续推进\n二、平台建设\n",
    });
  });

  it("refuses archives that would inflate far beyond their size, before inflating them", () => {
    const bomb = zipSync({ "word/document.xml": new Uint8Array(4 * 1024 * 1024) }, { level: 9 });
    expect(readDocx(bomb)).toMatchObject({ ok: false, error: { code: "ZIP_BOMB" } });
    const many = Object.fromEntries(Array.from({ length: 2001 }, (_, k) => [`f${k}.xml`, enc("x")]));
    expect(readDocx(zipSync(many))).toMatchObject({ ok: false, error: { code: "ZIP_BOMB" } });
  });

  it("reports truncated or foreign archives as CORRUPT_DOCX", () => {
    const whole = docx(p("正文"));
    expect(readDocx(whole.subarray(0, whole.length >> 1))).toMatchObject({
      ok: false,
      error: { code: "CORRUPT_DOCX" },
    });
    expect(readDocx(zipSync({ "content.xml": enc("<x/>") }))).toMatchObject({
      ok: false,
      error: { code: "CORRUPT_DOCX" },
    });
    expect(readDocx(enc("PK not really a zip"))).toMatchObject({ ok: false, error: { code: "CORRUPT_DOCX" } });
  });
});
