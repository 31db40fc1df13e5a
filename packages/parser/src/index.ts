export { parseText } from "./grammar/parse-text.ts";
export { parseBytes, type ParseBytesOptions } from "./parse-bytes.ts";
export { decodeText } from "./readers/decode-text.ts";
export type { ParseResult, ParseFailure, ParseErrorCode, ReadResult } from "./parse-result.ts";
