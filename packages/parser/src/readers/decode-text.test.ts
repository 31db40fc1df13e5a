import { describe, expect, it } from "vitest";
import { decodeText } from "./decode-text.ts";

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeText", () => {
  it("reads UTF-8 with and without a BOM, and normalises line endings", () => {
    expect(decodeText(utf8("政务公开\r\n工作要点\r"))).toEqual({
      ok: true,
      text: "政务公开\n工作要点\n",
      encoding: "utf-8",
    });
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("通知")]))).toEqual({
      ok: true,
      text: "通知",
      encoding: "utf-8",
    });
  });

  it("reads UTF-16 LE and BE by their BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, 0x3f, 0x65, 0xa1, 0x52]);
    const be = new Uint8Array([0xfe, 0xff, 0x65, 0x3f, 0x52, 0xa1]);
    expect(decodeText(le)).toMatchObject({ ok: true, text: "政务", encoding: "utf-16le" });
    expect(decodeText(be)).toMatchObject({ ok: true, text: "政务", encoding: "utf-16be" });
  });

  it("reads bytes that are not valid UTF-8 as GB18030", () => {
    // 政务公开 in GBK
    const gbk = new Uint8Array([0xd5, 0xfe, 0xce, 0xf1, 0xb9, 0xab, 0xbf, 0xaa, 0x0a]);
    expect(decodeText(gbk)).toEqual({ ok: true, text: "政务公开\n", encoding: "gb18030" });
  });

  it("refuses binary data", () => {
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]))).toMatchObject({
      ok: false,
      error: { code: "BINARY_INPUT" },
    });
    const controls = new Uint8Array(1000).map((_, i) => (i % 5 === 0 ? 0x01 : 0x41));
    expect(decodeText(controls)).toMatchObject({ ok: false, error: { code: "BINARY_INPUT" } });
  });
});
