import type { ParseFailure } from "../parse-result.ts";

export type TextEncoding = "utf-8" | "utf-16le" | "utf-16be" | "gb18030";

export type DecodeResult = { ok: true; text: string; encoding: TextEncoding } | { ok: false; error: ParseFailure };

const SNIFF_BYTES = 64 * 1024;
/** Share of control bytes above which a BOM-less file is not text (real 公文 .txt files have none but \t\r\n\f). */
const MAX_CONTROL_RATIO = 0.02;

const BINARY: ParseFailure = { code: "BINARY_INPUT", message: "无法识别的二进制文件，不是文本、Word、PDF 或网页文件" };

/**
 * Bytes → text. UTF-8 (with or without BOM) and UTF-16 with a BOM are recognised by their marks; anything that is
 * not valid UTF-8 is read as GB18030, the superset of GB2312/GBK that older government sites and Windows Notepad
 * still save in. Line endings become "\n".
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeAs(bytes.subarray(3), "utf-8");
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), "utf-16le");
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), "utf-16be");
  if (looksBinary(bytes)) return { ok: false, error: BINARY };
  try {
    const text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: normalizeNewlines(text), encoding: "utf-8" };
  } catch {
    return decodeAs(bytes, "gb18030");
  }
}

/** NUL bytes, or more than a sprinkling of other C0 controls, in the first 64 KB. */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) control++;
    else if (b === 0x7f) control++;
  }
  return n > 0 && control / n > MAX_CONTROL_RATIO;
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): DecodeResult {
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes);
  if (encoding !== "utf-8" && hasManyControls(text)) return { ok: false, error: BINARY };
  return { ok: true, text: normalizeNewlines(text), encoding };
}

/** UTF-16 and GB18030 accept almost any byte sequence, so binary data is caught after decoding instead. */
function hasManyControls(text: string): boolean {
  const sample = text.slice(0, SNIFF_BYTES);
  let control = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) control++;
  }
  return sample.length > 0 && control / sample.length > MAX_CONTROL_RATIO;
}

function normalizeNewlines(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text;
}
