/**
 * 发文字号: 机关代字 + 〔year〕 + number + 号. Real text also prints [2019], (2019), 〔 2019 〕, 【2019】 and spaces.
 * Normalised to 〔〕 with no spaces.
 */
const DOC_NUMBER_SOURCE =
  "([\\u4e00-\\u9fff]{1,12}?)\\s*[〔\\[［【(（]\\s*(\\d{4})\\s*[〕\\]］】)）]\\s*(\\d{1,4})\\s*号";

// An upward document (上行文) prints the 签发人 on the 文号's line: "粤府办〔2019〕9号　　签发人：张三".
const WHOLE_LINE = new RegExp(`^\\s*${DOC_NUMBER_SOURCE}\\s*(?:签\\s*发\\s*人\\s*[:：].{0,20})?$`);
const AT_START = new RegExp(`^\\s*${DOC_NUMBER_SOURCE}`);

export function normalizeDocNumber(agency: string, year: string, num: string): string {
  return `${agency}〔${year}〕${Number(num)}号`;
}

/** The line is nothing but a 发文字号 (the anchor of a 公文's header). */
export function readDocNumberLine(line: string): string | undefined {
  const m = WHOLE_LINE.exec(line);
  return m?.[1] && m[2] && m[3] ? normalizeDocNumber(m[1], m[2], m[3]) : undefined;
}

/** A 发文字号 at the start of a bracket's content: "国办发〔2019〕14号，以下简称《要点》". */
export function readDocNumberAtStart(text: string): string | undefined {
  const m = AT_START.exec(text);
  return m?.[1] && m[2] && m[3] ? normalizeDocNumber(m[1], m[2], m[3]) : undefined;
}

export function docNumberYear(docNumber: string | null): number | undefined {
  const m = docNumber ? /〔(\d{4})〕/.exec(docNumber) : null;
  return m?.[1] ? Number(m[1]) : undefined;
}

/** Removes a trailing （文号） from a title: "…的通知（粤府办〔2019〕9 号）" → "…的通知". */
export function stripTrailingDocNumber(title: string): string {
  return title.replace(new RegExp(`[（(]\\s*${DOC_NUMBER_SOURCE}[^）)]*[）)]\\s*$`), "").trim();
}
