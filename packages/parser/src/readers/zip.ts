import { Inflate } from "fflate";

export type ZipEntry = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  isEncrypted: boolean;
};

export type ZipLimits = { maxEntries: number; maxTotalBytes: number; maxRatio: number; ratioCheckAbove: number };

/** Thrown (and caught by the reader) when the archive would inflate to something no real .docx is. */
export class ZipBombError extends Error {}
/** Thrown when the archive structure cannot be read: truncated, not a zip, unknown compression. */
export class ZipCorruptError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Compressed bytes handed to the inflater at a time: at deflate's 1032:1 maximum, at most ~16 MB comes back. */
const INFLATE_SLICE = 16 * 1024;

/**
 * The central directory of a zip, read without inflating anything, so that a zip bomb is refused on what it
 * declares before a single byte is decompressed.
 */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  let count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff) ({ count, offset } = readZip64End(view, eocd));
  if (count > limits.maxEntries) throw new ZipBombError(`entries: ${count}`);
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > view.byteLength || view.getUint32(p, true) !== CENTRAL) throw new ZipCorruptError("central directory");
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    if (p + 46 + nameLength + extraLength > view.byteLength) throw new ZipCorruptError("central directory");
    const entry: ZipEntry = {
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      method: view.getUint16(p + 10, true),
      compressedSize: view.getUint32(p + 20, true),
      uncompressedSize: view.getUint32(p + 24, true),
      localHeaderOffset: view.getUint32(p + 42, true),
      isEncrypted: (view.getUint16(p + 8, true) & 1) === 1,
    };
    applyZip64Extra(entry, view, { start: p + 46 + nameLength, length: extraLength });
    entries.push(entry);
    p += 46 + nameLength + extraLength + commentLength;
  }
  checkDeclaredSizes(entries, limits);
  return entries;
}

function checkDeclaredSizes(entries: readonly ZipEntry[], limits: ZipLimits): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (e.uncompressedSize > limits.ratioCheckAbove && ratio > limits.maxRatio) {
      throw new ZipBombError(`ratio ${Math.round(ratio)}:1 for ${e.name}`);
    }
  }
  if (total > limits.maxTotalBytes) throw new ZipBombError(`total ${total} bytes`);
}

/**
 * One entry's bytes. Inflation stops as soon as the output passes the size the directory declared, so an entry
 * that lies about its size cannot inflate beyond the limits that were checked.
 */
export function extractZipEntry(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  if (entry.isEncrypted) throw new ZipCorruptError("encrypted entry");
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const local = entry.localHeaderOffset;
  if (local + 30 > view.byteLength || view.getUint32(local, true) !== LOCAL) throw new ZipCorruptError("local header");
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new ZipCorruptError("truncated entry");
  const data = bytes.subarray(start, end);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw new ZipCorruptError(`compression method ${entry.method}`);
  const chunks: Uint8Array[] = [];
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.uncompressedSize) throw new ZipBombError(`${entry.name} inflates past its declared size`);
    chunks.push(chunk);
  });
  for (let p = 0; p < data.length; p += INFLATE_SLICE) {
    inflater.push(data.subarray(p, Math.min(p + INFLATE_SLICE, data.length)), p + INFLATE_SLICE >= data.length);
  }
  if (data.length === 0) inflater.push(new Uint8Array(0), true);
  const out = new Uint8Array(produced);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function findEndOfCentralDirectory(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let p = last; p >= first; p--) {
    if (view.getUint32(p, true) === EOCD) return p;
  }
  throw new ZipCorruptError("no end of central directory");
}

function readZip64End(view: DataView, eocd: number): { count: number; offset: number } {
  const locator = eocd - 20;
  if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR) throw new ZipCorruptError("zip64 locator");
  const end = Number(view.getBigUint64(locator + 8, true));
  if (end + 56 > view.byteLength) throw new ZipCorruptError("zip64 end");
  return { count: Number(view.getBigUint64(end + 32, true)), offset: Number(view.getBigUint64(end + 48, true)) };
}

function applyZip64Extra(entry: ZipEntry, view: DataView, extra: { start: number; length: number }): void {
  const needs64 =
    entry.uncompressedSize === 0xffffffff ||
    entry.compressedSize === 0xffffffff ||
    entry.localHeaderOffset === 0xffffffff;
  if (!needs64) return;
  let p = extra.start;
  const end = extra.start + extra.length;
  while (p + 4 <= end) {
    const id = view.getUint16(p, true);
    const size = view.getUint16(p + 2, true);
    if (id === 0x0001) {
      let q = p + 4;
      const read = () => {
        if (q + 8 > p + 4 + size) throw new ZipCorruptError("zip64 extra");
        const v = Number(view.getBigUint64(q, true));
        q += 8;
        return v;
      };
      if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = read();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = read();
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = read();
      return;
    }
    p += 4 + size;
  }
  throw new ZipCorruptError("zip64 sizes missing");
}
