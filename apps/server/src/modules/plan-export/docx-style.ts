import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { TextRun } from "docx";

/**
 * Type and page rules for 公文 tables (GB/T 9704-2012), kept in one place so the plan table and the unit task
 * list look the same. Sizes are in half-points (docx `size`), lengths in twentieths of a point (twips).
 */

export const mm = (millimetres: number): number => Math.round((millimetres * 1440) / 25.4);

/** GB/T 9704 §5.2.1: 天头 37 mm, 订口 28 mm; the type area is 156 × 225 mm, which leaves 35 mm below and 26 mm right. */
export const PAGE_MARGINS = { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
export const A4 = { width: mm(210), height: mm(297) };

// 字号 in half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt.
export const SIZE = { er: 44, san: 32, si: 28, xiaoSi: 24 };

/**
 * Font names as the offices' machines know them. 方正小标宋简体 and 仿宋_GB2312 are not on every computer, so the
 * font table names a substitute (w:altName) and the GB2312 character set, which Word and WPS use to pick a
 * Chinese face instead of falling back to a Latin one.
 */
export const FONT = {
  title: "方正小标宋简体",
  header: "黑体",
  body: "仿宋_GB2312",
  pageNumber: "宋体",
  latin: "Times New Roman",
};

const FONT_DECLARATIONS: { name: string; altName: string; family: "roman" | "modern" | "swiss" }[] = [
  { name: "方正小标宋简体", altName: "黑体", family: "roman" },
  { name: "仿宋_GB2312", altName: "仿宋", family: "modern" },
  { name: "仿宋", altName: "FangSong", family: "modern" },
  { name: "黑体", altName: "SimHei", family: "modern" },
  { name: "宋体", altName: "SimSun", family: "roman" },
];

type RunOptions = { text: string; font: string; size: number; bold?: boolean };

/** Every run names its East Asian font explicitly: WPS ignores a style's font when the run says nothing. */
export function cjkRun({ text, font, size, bold }: RunOptions): TextRun {
  return new TextRun({
    text,
    size,
    ...(bold ? { bold } : {}),
    font: { ascii: FONT.latin, hAnsi: FONT.latin, cs: FONT.latin, eastAsia: font, hint: "eastAsia" },
    language: { value: "en-US", eastAsia: "zh-CN" },
  });
}

/** Replaces the empty font table the docx package writes with declarations that carry the fallbacks above. */
export function withFontTable(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const fonts = FONT_DECLARATIONS.map(
    (f) =>
      `<w:font w:name="${f.name}"><w:altName w:val="${f.altName}"/><w:charset w:val="86"/>` +
      `<w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`,
  );
  files["word/fontTable.xml"] = strToU8(
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
      '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:font w:name="${FONT.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
      fonts.join("") +
      "</w:fonts>",
  );
  return zipSync(files, { level: 6 });
}

/** For tests and the CLI: the main part of a generated .docx as text. */
export function documentXml(docx: Uint8Array): string {
  const part = unzipSync(docx)["word/document.xml"];
  if (!part) throw new Error("not a .docx: word/document.xml is missing");
  return strFromU8(part);
}
