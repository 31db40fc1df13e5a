import type { ParseOutput, ParseWarning } from "@luoshi/contract";

/** An expected failure of reading input, as a value (never thrown). `message` is Chinese, for the UI and CLI. */
export type ParseFailure = { code: ParseErrorCode; message: string };

export type ParseErrorCode =
  | "EMPTY_INPUT"
  | "BINARY_INPUT"
  | "UNSUPPORTED_FORMAT"
  | "INPUT_TOO_LARGE"
  | "CORRUPT_DOCX"
  | "CORRUPT_PDF"
  | "ZIP_BOMB"
  | "PDF_NO_TEXT_LAYER"
  | "NEEDS_CONVERSION";

export type ParseResult = { ok: true; output: ParseOutput } | { ok: false; error: ParseFailure };

/**
 * What a format reader hands to the grammar: the document as canonical text.
 * Canonical text: one paragraph per line; a table is a run of lines whose cells are joined by "\t"
 * (first row = header as printed; a merged/continued cell is an empty string; cell-internal line
 * breaks become a single space); blank lines separate blocks.
 */
export type ReadResult = { ok: true; text: string; warnings: ParseWarning[] } | { ok: false; error: ParseFailure };
