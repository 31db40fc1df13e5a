import type { ParseOutput } from "@luoshi/contract";
import { parseAny } from "../../convert/parse-any.ts";
import { AppError } from "../../http/app-error.ts";

/**
 * A file the parser (or LibreOffice) could not read. The HTTP body carries VALIDATION_FAILED and the parser's
 * Chinese message; `parserCode` (BINARY_INPUT, CORRUPT_DOCX, SOFFICE_MISSING…) is kept for the CLI's JSON error.
 */
export class UnreadableFileError extends AppError {
  constructor(
    readonly parserCode: string,
    message: string,
  ) {
    super("VALIDATION_FAILED", message);
    this.name = "UnreadableFileError";
  }
}

/** Reads an uploaded file as `luoshi parse` does (see parseAny); an unreadable file throws UnreadableFileError. */
export async function parseUpload(input: { bytes: Uint8Array; filename: string }): Promise<ParseOutput> {
  const result = await parseAny(input);
  if (!result.ok) throw new UnreadableFileError(result.error.code, result.error.message);
  return result.output;
}
