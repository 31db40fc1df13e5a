import type { ParseOutput } from "@luoshi/contract";
import { parseBytes } from "@luoshi/parser";
import { convertToDocx } from "../../convert/soffice.ts";
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

/**
 * Like `luoshi parse`: the parser decides the format from the bytes and asks for conversion only for what it
 * cannot read itself (OLE Word/WPS, RTF, OpenDocument); those go through LibreOffice first.
 */
export async function parseUpload(input: { bytes: Uint8Array; filename: string }): Promise<ParseOutput> {
  const first = await parseBytes(input.bytes, { filename: input.filename });
  if (first.ok) return first.output;
  if (first.error.code !== "NEEDS_CONVERSION") throw new UnreadableFileError(first.error.code, first.error.message);
  const converted = await convertToDocx({ bytes: input.bytes, filename: input.filename });
  if (!converted.ok) throw new UnreadableFileError(converted.error.code, converted.error.message);
  const second = await parseBytes(converted.bytes, { filename: converted.filename });
  if (!second.ok) throw new UnreadableFileError(second.error.code, second.error.message);
  return second.output;
}
