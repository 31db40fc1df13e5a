import { parseText } from "./grammar/parse-text.ts";
import type { ParseErrorCode, ParseFailure, ParseResult, ReadResult } from "./parse-result.ts";
import { decodeText, looksBinary } from "./readers/decode-text.ts";
import { readDocx } from "./readers/docx-reader.ts";
import { readHtml } from "./readers/html-reader.ts";
import { readPdf } from "./readers/pdf-reader.ts";
import { normalizeRadicals } from "./text/radicals.ts";

export type ParseBytesOptions = { filename: string; maxBytes?: number };

type Format = "docx" | "pdf" | "html" | "text" | "ole" | "rtf" | "odf" | "zip";

const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Any supported file → documents, plans and items. The format is decided by the bytes first (a .doc that is
 * really a .docx, a PDF saved as .html) and by the extension only where bytes cannot tell (HTML vs plain text).
 * Never throws: every failure, expected or not, comes back as { ok: false } with a Chinese message.
 */
export async function parseBytes(bytes: Uint8Array, options: ParseBytesOptions): Promise<ParseResult> {
  if (bytes.length === 0) return fail("EMPTY_INPUT", "文件为空");
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    return fail(
      "INPUT_TOO_LARGE",
      `文件过大（${formatMegabytes(bytes.length)}），超过 ${formatMegabytes(maxBytes)} 的上限`,
    );
  }
  const format = detectFormat(bytes, options.filename);
  let read: ReadResult;
  try {
    read = await readAs(format, bytes);
  } catch {
    return { ok: false, error: unexpectedFailure(format) };
  }
  if (!read.ok) return read;
  try {
    const output = parseText(normalizeRadicals(read.text));
    return { ok: true, output: { ...output, warnings: [...read.warnings, ...output.warnings] } };
  } catch {
    return fail("UNSUPPORTED_FORMAT", "文件内容无法解析");
  }
}

async function readAs(format: Format, bytes: Uint8Array): Promise<ReadResult> {
  switch (format) {
    case "docx":
      return readDocx(bytes);
    case "pdf":
      return readPdf(bytes);
    case "ole":
      return needsConversion("这是旧版 Word（.doc）或 WPS 文件");
    case "rtf":
      return needsConversion("这是 RTF 文件");
    case "odf":
      return needsConversion("这是 OpenDocument（.odt）文件");
    case "zip":
      return fail("UNSUPPORTED_FORMAT", "压缩包不是 Word（.docx）文件，无法识别");
    case "html":
    case "text": {
      const decoded = decodeText(bytes);
      if (!decoded.ok) return decoded;
      return format === "html" ? readHtml(decoded.text) : { ok: true, text: decoded.text, warnings: [] };
    }
  }
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf(".");
  return dot >= 0 ? filename.slice(dot + 1).toLowerCase() : "";
}

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  return signature.every((b, k) => bytes[offset + k] === b);
}

export function detectFormat(bytes: Uint8Array, filename: string): Format {
  const extension = extensionOf(filename);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (["odt", "ott", "fodt"].includes(extension) || containsAscii(bytes, "application/vnd.oasis.opendocument")) {
      return "odf";
    }
    if (["docx", "docm", "dotx", "doc", "wps", ""].includes(extension) || containsAscii(bytes, "word/")) return "docx";
    return "zip";
  }
  // Some producers put junk before the header; the PDF spec lets readers look within the first KB.
  if (indexOfAscii(bytes.subarray(0, 1024), "%PDF-") >= 0) return "pdf";
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "ole";
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "rtf";
  if (extension === "docx") return "docx";
  if (extension === "pdf") return "pdf";
  if (["html", "htm", "shtml", "xhtml", "mht"].includes(extension)) return "html";
  if (looksLikeHtml(bytes)) return "html";
  return "text";
}

function looksLikeHtml(bytes: Uint8Array): boolean {
  if (looksBinary(bytes)) return false;
  const head = new TextDecoder("utf-8")
    .decode(bytes.subarray(0, 1024))
    .replace(/^\ufeff/, "")
    .trimStart();
  return /^(<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<!doctype html)/i.test(head);
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  return indexOfAscii(bytes.subarray(0, 64 * 1024), text) >= 0;
}

function indexOfAscii(bytes: Uint8Array, text: string): number {
  const codes = [...text].map((c) => c.charCodeAt(0));
  outer: for (let i = 0; i + codes.length <= bytes.length; i++) {
    for (let k = 0; k < codes.length; k++) if (bytes[i + k] !== codes[k]) continue outer;
    return i;
  }
  return -1;
}

function needsConversion(what: string): ReadResult {
  return fail(
    "NEEDS_CONVERSION",
    `${what}，需要先转换为 .docx 才能解析；命令行会用 LibreOffice（soffice）自动转换，也可在 Word/WPS 中另存为 .docx`,
  );
}

function unexpectedFailure(format: Format): ParseFailure {
  if (format === "docx") return { code: "CORRUPT_DOCX", message: "Word 文件已损坏或不完整，无法读取" };
  if (format === "pdf") return { code: "CORRUPT_PDF", message: "PDF 文件已损坏或格式无法识别" };
  return { code: "BINARY_INPUT", message: "无法识别的二进制文件，不是文本、Word、PDF 或网页文件" };
}

function fail(code: ParseErrorCode, message: string): { ok: false; error: ParseFailure } {
  return { ok: false, error: { code, message } };
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(bytes < 1024 * 1024 ? 2 : 0)} MB`;
}
