import type { ParseOutput } from "@luoshi/contract";
import { parseBytes } from "@luoshi/parser";
import { convertToDocx } from "./soffice.ts";

export type ParseAnyResult =
  { ok: true; output: ParseOutput } | { ok: false; error: { code: string; message: string } };

/**
 * How every entry point (`luoshi parse`, `luoshi import`, `luoshi export`, the upload endpoint) reads a file: the
 * parser decides the format from the bytes (a ".doc" is often really HTML or .docx) and asks for conversion only for
 * what it cannot read itself (OLE Word/WPS, RTF, OpenDocument); those go through LibreOffice first. Never throws for
 * an unreadable file: the failure comes back as a value with the parser's (or converter's) code and Chinese message.
 */
export async function parseAny(input: { bytes: Uint8Array; filename: string }): Promise<ParseAnyResult> {
  const first = await parseBytes(input.bytes, { filename: input.filename });
  if (first.ok || first.error.code !== "NEEDS_CONVERSION") return first;
  const converted = await convertToDocx({ bytes: input.bytes, filename: input.filename });
  if (!converted.ok) return converted;
  return parseBytes(converted.bytes, { filename: converted.filename });
}
